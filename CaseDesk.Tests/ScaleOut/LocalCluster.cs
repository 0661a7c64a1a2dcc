using System.Diagnostics;
using CaseDesk.Domain.Data;
using CaseDesk.Tests.Browser;
using Microsoft.Data.Sqlite;

namespace CaseDesk.Tests.ScaleOut;

/// <summary>
/// What a <see cref="LocalCluster"/> starts. Provider "Postgres" or "Sqlite" (one shared file). <paramref name="NodeSettings"/>:
/// extra environment for every node (e.g. a log level), applied last. <c>DurablePostgres</c> keeps PostgreSQL's fsync and
/// synchronous commit on, as a production server runs (the benchmark); tests leave them off.
/// </summary>
public sealed record ClusterOptions(string Provider = "Postgres", int Nodes = 2, bool Redis = true, bool Proxy = true, bool DemoData = true,
    IReadOnlyDictionary<string, string?>? NodeSettings = null, bool DurablePostgres = false);

/// <summary>
/// CaseDesk as a city would run it, on this machine: a throw-away PostgreSQL cluster (<see cref="PostgresServer"/>,
/// scripts/postgres-local), redis-server (<see cref="RedisServer"/>), node 1 first (migrations, reference data and, with
/// <see cref="ClusterOptions.DemoData"/>, the demo logins and history under the start-up lease), then the other nodes, all
/// child processes of the built CaseDesk.App (<see cref="AppProcess"/>) with <c>Database:Provider</c>, the connection
/// string, <c>DataProtection:Store=Database</c>, <c>Redis:Configuration</c> and <c>Cluster:Nodes</c>; then the built
/// CaseDesk.Proxy with <c>Proxy:Nodes</c>, and waits until /health answers through it. Dispose stops everything and
/// deletes the temp folders. Without PostgreSQL or redis-server, tests skip with the reason (a failure when
/// CASEDESK_REQUIRE_SCALEOUT=1 or CASEDESK_REQUIRE_REDIS=1: LocalCluster.Requirement.cs); elsewhere (the benchmark,
/// which links this file without xUnit) <see cref="StartAsync"/> throws with the reason.
/// </summary>
public sealed partial class LocalCluster : IAsyncDisposable
{
    public const string DatabaseName = "casedesk";

    private static readonly TimeSpan FirstNodeTimeout = TimeSpan.FromMinutes(6); // demo history through the real requests, on a busy 2-core machine

    private readonly List<AppProcess> nodes = [];
    private readonly Action<string> log;
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "casedesk-localcluster", Guid.NewGuid().ToString("N"))).FullName;
    private PostgresServer? postgres;
    private RedisServer? redis;
    private AppProcess? proxy;

    private LocalCluster(ClusterOptions options, Action<string> log)
    {
        Options = options;
        this.log = log;
    }

    public ClusterOptions Options { get; }

    /// <summary>The app nodes (child processes of the built CaseDesk.App), node 1 at index 0.</summary>
    public IReadOnlyList<AppProcess> Nodes => nodes;

    /// <summary>The proxy when there is one (else null).</summary>
    public AppProcess? Proxy => proxy;

    /// <summary>The proxy when there is one, else node 1.</summary>
    public Uri Address => proxy?.BaseAddress ?? nodes[0].BaseAddress;

    /// <summary>The database every node uses.</summary>
    public string ConnectionString => Database.ConnectionString;

    /// <summary>Provider and connection string, for checks straight on the database.</summary>
    public DatabaseSettings Database { get; private set; } = default!;

    /// <summary>The redis-server, or null without Redis.</summary>
    public RedisServer? Redis => redis;

    /// <summary>The <c>Redis:Configuration</c> the nodes use, or null without Redis.</summary>
    public string? RedisConfiguration => redis?.Configuration;

    /// <summary>Why a cluster cannot be started on this machine with these options, or null when it can.</summary>
    public static string? MissingReason(ClusterOptions options)
    {
        var reasons = new List<string>();
        if (DatabaseSettings.ParseProvider(options.Provider) == DatabaseProvider.Postgres && PostgresServer.MissingReason() is { } pg)
            reasons.Add(pg);
        if (options.Redis && RedisServer.MissingReason() is { } r)
            reasons.Add(r);
        return reasons.Count == 0 ? null : string.Join(" ", reasons);
    }

    public static async Task<LocalCluster> StartAsync(ClusterOptions options, Action<string>? log = null, CancellationToken ct = default)
    {
        if (options.Nodes < 1)
            throw new ArgumentOutOfRangeException(nameof(options), "A cluster has at least one node.");
        if (MissingReason(options) is { } reason)
        {
            OnUnavailable(reason); // the tests skip here (or fail when required)
            throw new InvalidOperationException(reason);
        }
        var cluster = new LocalCluster(options, log ?? (_ => { }));
        try
        {
            await cluster.StartAllAsync(ct);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    /// <summary>Without PostgreSQL or redis-server: the tests' skip (or failure); no implementation outside the tests.</summary>
    static partial void OnUnavailable(string reason);

    private async Task StartAllAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var provider = DatabaseSettings.ParseProvider(Options.Provider);
        if (provider == DatabaseProvider.Postgres)
        {
            postgres = await PostgresServer.StartOnFreePortAsync(Options.DurablePostgres, ct);
            Database = DatabaseSettings.From("Postgres", postgres.ConnectionString(DatabaseName));
            log($"PostgreSQL on 127.0.0.1:{postgres.Port} ({postgres.Folder}) after {clock.Elapsed.TotalSeconds:F1} s");
        }
        else
        {
            Database = DatabaseSettings.From("Sqlite", new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "casedesk.db") }.ToString());
        }
        if (Options.Redis)
        {
            redis = await RedisServer.StartOnFreePortAsync();
            log($"redis-server on {redis.Configuration} after {clock.Elapsed.TotalSeconds:F1} s");
        }

        for (var i = 0; i < Options.Nodes; i++)
            nodes.Add(new AppProcess(AppProcess.AppHostPath, AppProcess.AppProjectFolder, $"CaseDesk.App node {i + 1}", NodeEnvironment(first: i == 0)));

        await nodes[0].StartAsync(FirstNodeTimeout, ct);
        log($"node 1 on {nodes[0].BaseAddress} (pid {nodes[0].ProcessId}) after {clock.Elapsed.TotalSeconds:F1} s");
        await Task.WhenAll(nodes.Skip(1).Select(n => n.StartAsync(cancellationToken: ct)));
        for (var i = 1; i < nodes.Count; i++)
            log($"node {i + 1} on {nodes[i].BaseAddress} (pid {nodes[i].ProcessId}) after {clock.Elapsed.TotalSeconds:F1} s");

        if (Options.Proxy)
        {
            var environment = new Dictionary<string, string?> { ["Logging__LogLevel__Default"] = "Warning" };
            for (var i = 0; i < nodes.Count; i++)
                environment[$"Proxy__Nodes__{i}"] = nodes[i].BaseAddress.ToString();
            proxy = new AppProcess(AppProcess.ProxyHostPath, AppProcess.ProxyProjectFolder, "CaseDesk.Proxy", environment);
            await proxy.StartAsync(cancellationToken: ct); // returns once /health answers through the proxy
            log($"proxy on {proxy.BaseAddress} (pid {proxy.ProcessId}) after {clock.Elapsed.TotalSeconds:F1} s");
        }
    }

    private Dictionary<string, string?> NodeEnvironment(bool first)
    {
        var environment = new Dictionary<string, string?>
        {
            ["Database__Provider"] = Database.Provider.ToString(),
            ["ConnectionStrings__CaseDesk"] = Database.ConnectionString,
            ["DataProtection__Store"] = "Database",
            ["Cluster__Nodes"] = Options.Nodes.ToString(),
            // Only node 1 makes demo data (under the start-up lease in any case); the others find the logins in the database.
            ["Demo__Seed"] = Options.DemoData && first ? "true" : "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (redis is not null)
            environment["Redis__Configuration"] = redis.Configuration;
        foreach (var (name, value) in Options.NodeSettings ?? new Dictionary<string, string?>())
            environment[name] = value;
        return environment;
    }

    /// <summary>Stops redis-server and starts it again, empty, on the same port (the nodes reconnect by themselves).</summary>
    public async Task RestartRedisAsync()
    {
        if (redis is null)
            throw new InvalidOperationException("This cluster runs without Redis.");
        await redis.StopAsync();
        log("redis-server stopped");
        await redis.StartAgainAsync();
        log("redis-server started again");
    }

    /// <summary>SIGKILLs node <paramref name="index"/> (0 is node 1) and waits until it is gone; it can be started again with <see cref="AppProcess.StartAsync"/>.</summary>
    public void KillNode(int index)
    {
        nodes[index].Kill();
        log($"node {index + 1} killed");
    }

    public async ValueTask DisposeAsync()
    {
        var errors = new List<Exception>();
        async Task Try(Func<ValueTask> stop)
        {
            try
            {
                await stop();
            }
            catch (Exception e)
            {
                errors.Add(e);
            }
        }
        if (proxy is not null)
            await Try(proxy.DisposeAsync);
        foreach (var node in nodes)
            await Try(node.DisposeAsync);
        if (redis is not null)
            await Try(redis.DisposeAsync);
        if (postgres is not null)
            await Try(postgres.DisposeAsync);
        SqliteConnection.ClearAllPools();
        await Try(() =>
        {
            Directory.Delete(folder, recursive: true);
            return ValueTask.CompletedTask;
        });
        if (errors.Count > 0)
            throw new AggregateException("Stopping the local cluster failed.", errors);
    }
}
