using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CaseDesk.Tests.Browser;
using Npgsql;

namespace CaseDesk.Tests.ScaleOut;

/// <summary>
/// A throw-away PostgreSQL cluster (Debian's postgresql package) on a free localhost port, started and stopped by
/// scripts/postgres-local (initdb + pg_ctl in /tmp/casedesk-pg-PORT, as user postgres when running as root, trust
/// authentication on 127.0.0.1, fsync off), so the tests and the script start PostgreSQL the same way. Dispose stops
/// it and deletes its folder. No xUnit here, so the benchmark can link it.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly bool durable;

    private PostgresServer(int port, bool durable)
    {
        Port = port;
        this.durable = durable;
    }

    public int Port { get; }

    /// <summary>The data, socket and log folder the script uses.</summary>
    public string Folder => $"/tmp/casedesk-pg-{Port}";

    public static string Script => Path.Combine(AppProcess.RepositoryRoot, "scripts", "postgres-local");

    /// <summary>The connection string of a database on this server (created by the app's migrations when missing).</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Database = database, Username = "postgres" }.ToString();

    /// <summary>Why PostgreSQL cannot be started here, or null when it can.</summary>
    public static string? MissingReason()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            && Directory.EnumerateDirectories("/usr/lib/postgresql").Any(v => File.Exists(Path.Combine(v, "bin", "initdb")));
        if (!installed)
            return "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); install Debian's postgresql package (apt-get install postgresql).";
        return File.Exists(Script) ? null : $"{Script} is missing.";
    }

    /// <param name="durable">fsync and synchronous commit on, as in production (the benchmark); off for tests.</param>
    public static async Task<PostgresServer> StartOnFreePortAsync(bool durable = false, CancellationToken ct = default)
    {
        if (MissingReason() is { } reason)
            throw new InvalidOperationException(reason);
        var server = new PostgresServer(FreePort(), durable);
        try
        {
            await server.RunScriptAsync("start", ct);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    public async Task StopAsync()
    {
        if (File.Exists(Path.Combine(Folder, "data", "postmaster.pid")))
            await RunScriptAsync("stop", CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            if (Directory.Exists(Folder))
                Directory.Delete(Folder, recursive: true);
        }
    }

    private async Task RunScriptAsync(string action, CancellationToken ct)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add(action);
        info.ArgumentList.Add(Port.ToString());
        if (!durable)
            info.Environment["CASEDESK_PG_NO_FSYNC"] = "1"; // thrown away at the end; a killed node is not a lost machine
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not run {Script}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(Folder, "server.log");
            throw new InvalidOperationException($"scripts/postgres-local {action} {Port} failed with exit code {process.ExitCode}:\n" +
                $"{await stdout}\n{await stderr}\n{(File.Exists(log) ? File.ReadAllText(log) : "")}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
