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
}
