using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CaseDesk.Domain.Data;
using CaseDesk.Tests.Browser;
using Npgsql;

namespace CaseDesk.Bench;

/// <summary>What the scale bench needs of a running set-up: where to send requests, the nodes, the database.</summary>
internal interface IScaleCluster : IAsyncDisposable
{
    Uri Address { get; }
    IReadOnlyList<Uri> NodeAddresses { get; }
    DatabaseSettings Database { get; }
}

/// <summary>
/// The bench's own minimal starter (<c>scale --own-cluster</c>): a throw-away PostgreSQL with fsync and synchronous commit
/// on, as a production server runs (LocalCluster runs it with fsync off, as the tests do, which flatters PostgreSQL beside
/// SQLite's synchronous=FULL), initdb and pg_ctl in a temp folder as scripts/postgres-local does (as user postgres when
/// running as root); redis-server; the built
/// CaseDesk.App as child processes (AppProcess: node 1 first, with migrations and demo data, then the others) and the
/// built CaseDesk.Proxy. Dispose stops all of them and deletes the folders.
/// </summary>
internal sealed class BenchCluster : IScaleCluster
{
    private readonly List<AppProcess> nodes = [];
    private readonly List<Process> others = [];
    private string? pgFolder, pgBin;
    private int pgPort;

    public Uri Address { get; private set; } = default!;
    public IReadOnlyList<Uri> NodeAddresses => nodes.Select(n => n.BaseAddress).ToList();
    public DatabaseSettings Database { get; private set; } = default!;

    public static async Task<BenchCluster> StartAsync(string provider, int nodeCount, bool redis, bool proxy, Action<string> log)
    {
        var cluster = new BenchCluster();
        try
        {
            await cluster.StartInnerAsync(provider, nodeCount, redis, proxy, log);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task StartInnerAsync(string provider, int nodeCount, bool redis, bool proxy, Action<string> log)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (DatabaseSettings.ParseProvider(provider) == DatabaseProvider.Postgres)
        {
            var connection = await StartPostgresAsync(log);
            Database = DatabaseSettings.From("Postgres", connection);
            settings["Database__Provider"] = "Postgres";
            settings["ConnectionStrings__CaseDesk"] = connection;
        }
        if (redis)
        {
            var port = FreePort();
            var server = Start("/usr/bin/redis-server", "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no");
            others.Add(server);
            await WaitForPortAsync(port);
            settings["Redis__Configuration"] = $"127.0.0.1:{port}";
            log($"redis-server on port {port}");
        }
        if (nodeCount > 1)
        {
            settings["Cluster__Nodes"] = nodeCount.ToString();
            settings["DataProtection__Store"] = "Database";
        }
        for (var i = 0; i < nodeCount; i++)
        {
            var node = new AppProcess();
            foreach (var (name, value) in settings) node.Environment[name] = value;
            node.Environment["Demo__Seed"] = i == 0 ? "true" : "false";
            nodes.Add(node);
            var clock = Stopwatch.StartNew();
            await node.StartAsync(TimeSpan.FromMinutes(6));
            log($"node {i + 1} at {node.BaseAddress} after {clock.Elapsed.TotalSeconds:F0} s");
            if (Database is null)
                Database = DatabaseSettings.Sqlite($"Data Source={node.DatabasePath}");
        }
        Address = nodes[0].BaseAddress;
        if (proxy)
        {
            var port = FreePort();
            var path = Path.Combine(AppProcess.RepositoryRoot, "CaseDesk.Proxy", "bin", Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(AppProcess.AppHostPath))!),
                Path.GetFileName(Path.GetDirectoryName(AppProcess.AppHostPath))!, "CaseDesk.Proxy");
            var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(path)! };
            info.ArgumentList.Add("--urls");
            info.ArgumentList.Add($"http://127.0.0.1:{port}");
            info.Environment["Logging__LogLevel__Default"] = "Warning";
            for (var i = 0; i < nodes.Count; i++)
                info.Environment[$"Proxy__Nodes__{i}"] = nodes[i].BaseAddress.ToString().TrimEnd('/');
            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            others.Add(process);
            Address = new Uri($"http://127.0.0.1:{port}/");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var until = DateTime.UtcNow.AddMinutes(1);
            while (true)
            {
                try
                {
                    if ((await http.GetAsync(new Uri(Address, "health"))).IsSuccessStatusCode) break;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                }
                if (DateTime.UtcNow > until) throw new TimeoutException("The proxy did not answer /health through to a node within a minute.");
                await Task.Delay(200);
            }
            log($"proxy at {Address}");
        }
    }

    private async Task<string> StartPostgresAsync(Action<string> log)
    {
        pgBin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).OrderBy(d => d).LastOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed (apt-get install postgresql).");
        pgPort = FreePort();
        pgFolder = Directory.CreateTempSubdirectory("casedesk-scale-pg-").FullName;
        Directory.CreateDirectory(Path.Combine(pgFolder, "data"));
        Directory.CreateDirectory(Path.Combine(pgFolder, "socket"));
        if (Environment.UserName == "root")
            await RunAsync("chown", "-R", "postgres:postgres", pgFolder);
        await RunAsPostgresAsync(Path.Combine(pgBin, "initdb"), "-D", Path.Combine(pgFolder, "data"), "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8");
        await RunAsPostgresAsync(Path.Combine(pgBin, "pg_ctl"), "-D", Path.Combine(pgFolder, "data"), "-l", Path.Combine(pgFolder, "server.log"),
            "-o", $"-p {pgPort} -k {Path.Combine(pgFolder, "socket")} -c listen_addresses=127.0.0.1 -c max_connections=300", "-w", "start");
        log($"PostgreSQL on port {pgPort} ({pgFolder})");
        var connection = $"Host=127.0.0.1;Port={pgPort};Database=casedesk;Username=postgres;Maximum Pool Size=100";
        await using (var admin = new NpgsqlConnection($"Host=127.0.0.1;Port={pgPort};Username=postgres;Database=postgres"))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE casedesk", admin);
            await create.ExecuteNonQueryAsync();
        }
        return connection;
    }

    private static Task RunAsPostgresAsync(string file, params string[] args) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", file, .. args]) : RunAsync(file, args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
    }

    private static Process Start(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForPortAsync(int port)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(50);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in others.AsEnumerable().Reverse())
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
        foreach (var node in nodes)
            await node.DisposeAsync();
        if (pgFolder is not null && pgBin is not null)
        {
            try
            {
                await RunAsPostgresAsync(Path.Combine(pgBin, "pg_ctl"), "-D", Path.Combine(pgFolder, "data"), "-m", "immediate", "-w", "stop");
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine($"stopping PostgreSQL: {e.Message}");
            }
            Directory.Delete(pgFolder, recursive: true);
        }
    }
}
