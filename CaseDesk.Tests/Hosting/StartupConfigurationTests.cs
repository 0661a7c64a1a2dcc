using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.Hosting;

public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("this is not a connection string")]
    [InlineData("Mode=ReadWrite")]
    public async Task A_missing_or_garbled_connection_string_stops_start_up_and_names_the_setting(string connectionString)
    {
        await using var app = new CaseDeskAppFactory { ConnectionString = connectionString };

        var failure = Assert.Throws<InvalidOperationException>(() => app.Server);

        Assert.Contains("ConnectionStrings:CaseDesk", failure.Message);
    }

    [Fact]
    public async Task An_unknown_provider_stops_start_up_and_lists_the_valid_ones()
    {
        await using var app = new CaseDeskAppFactory { Provider = "Oracle" };

        var failure = Assert.Throws<InvalidOperationException>(() => app.Server);

        Assert.Contains("Database:Provider is 'Oracle'", failure.Message);
        Assert.Contains("Sqlite", failure.Message);
        Assert.Contains("Postgres", failure.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Data Source=App_Data/casedesk.db")]
    public async Task Postgres_without_a_postgres_connection_string_stops_start_up_and_says_what_to_set(string connectionString)
    {
        await using var app = new CaseDeskAppFactory { Provider = "Postgres", ConnectionString = connectionString };

        var failure = Assert.Throws<InvalidOperationException>(() => app.Server);

        Assert.Contains("ConnectionStrings:CaseDesk", failure.Message);
        Assert.Contains("Postgres", failure.Message);
    }

    [Fact]
    public async Task An_unreachable_postgres_stops_start_up_naming_host_and_port_but_not_the_password()
    {
        // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
        await using var app = new CaseDeskAppFactory
        {
            Provider = "Postgres",
            ConnectionString = "Host=127.0.0.1;Port=1;Database=casedesk;Username=casedesk;Password=Secret-Word-42;Timeout=3",
        };

        var failure = Assert.Throws<InvalidOperationException>(() => app.Server);

        Assert.Contains("PostgreSQL 127.0.0.1:1", failure.Message);
        Assert.Contains("ConnectionStrings:CaseDesk", failure.Message);
        Assert.DoesNotContain("Secret-Word-42", failure.ToString());
    }
}
