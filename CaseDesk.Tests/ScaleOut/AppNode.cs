using System.Net;
using System.Net.Sockets;
using CaseDesk.Domain;
using CaseDesk.Domain.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseDesk.Tests.ScaleOut;

/// <summary>
/// One app node: the whole app in this process on real Kestrel (a free localhost port), in Development, on a database
/// file that other nodes share. Settings are passed as host settings (like command-line arguments).
/// </summary>
public sealed class AppNode : WebApplicationFactory<Program>
{
    private readonly string databasePath;
    private readonly IReadOnlyDictionary<string, string?> settings;

    public AppNode(string databasePath, IReadOnlyDictionary<string, string?> settings)
    {
        this.databasePath = databasePath;
        this.settings = settings;
        Port = FreePort();
        UseKestrel(Port);
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Starts the node (migrations, seeding, hosted services, Kestrel) and returns it.</summary>
    public AppNode Started()
    {
        StartServer();
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:CaseDesk", new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString());
        builder.UseSetting("Demo:Seed", "false");
        foreach (var (name, value) in settings)
            builder.UseSetting(name, value);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    /// <summary>
    /// A migrated database file with the demo logins (no demo history, so nodes start in seconds), made before any node
    /// starts, in a temp folder the caller deletes.
    /// </summary>
    public static async Task<string> PrepareDatabaseAsync(string folder)
    {
        var path = Path.Combine(folder, "casedesk.db");
        var services = new ServiceCollection().AddLogging();
        services.AddCaseDeskDomain(new SqliteConnectionStringBuilder { DataSource = path }.ToString());
        services.AddDataProtection().SetApplicationName("CaseDesk").PersistKeysToDbContext<CaseDeskDb>();
        await using var provider = services.BuildServiceProvider();
        await DatabaseInitializer.MigrateAndSeedAsync(provider);
        await DatabaseInitializer.SeedDemoLoginsAsync(provider);
        return path;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
