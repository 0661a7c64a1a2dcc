using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CaseDesk.Tests.Support;

/// <summary>
/// The whole app in memory (Development, demo logins seeded) on a temp database file with its
/// data-protection keys beside it. Dispose deletes both.
/// </summary>
public sealed class CaseDeskAppFactory : WebApplicationFactory<Program>
{
    private readonly string folder =
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "casedesk-tests", Guid.NewGuid().ToString("N"))).FullName;

    public string DatabasePath => Path.Combine(folder, "casedesk.db");

    public string KeysFolder => Path.Combine(folder, "keys");

    /// <summary>Null uses the temp file; set it to test start-up with a bad connection string.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Database:Provider; null leaves it unset (SQLite).</summary>
    public string? Provider { get; init; }

    private string EffectiveConnectionString => ConnectionString ?? new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString();

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // Host settings reach Program before it reads its configuration (they are passed like command-line arguments).
        builder.UseSetting("ConnectionStrings:CaseDesk", EffectiveConnectionString);
        if (Provider is not null)
            builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("DataProtection:KeysFolder", KeysFolder);
        builder.UseSetting("Demo:Seed", "true");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearPool(new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString()));
        Directory.Delete(folder, recursive: true);
    }
}
