using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Hashing;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseDesk.Domain.Data;
using CaseDesk.Tests.ScaleOut;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CaseDesk.Bench;

/// <summary>
/// Issue 18: contacts logged per second through the whole pipeline (HTTP POST /api/contacts: sign-in cookie,
/// antiforgery, role check, validation, transaction, audit row) with 1, 4, 16 and 64 concurrent writers, in one run, on
/// (a) SQLite, one node; (b) PostgreSQL, one node; (c) PostgreSQL, two nodes behind the proxy with Redis. Each writer
/// is its own signed-in session of a demo caseworker and posts in a closed loop (the next contact as soon as the last
/// one answered). Then, on (c), commit-to-dashboard push latency with N hub clients, half pinned to each node through the
/// proxy: commits through node A directly and through the proxy to node B. Every push carries the commit time of the
/// change (DashboardPush.CommittedAtUtc, which the other node gets from the Redis message of the committing node), so the
/// latency is receive time minus that commit time on the one machine clock; the POST's send time is the fallback if a
/// push carried none. The clusters are CaseDesk.Tests' LocalCluster (the built CaseDesk.App and CaseDesk.Proxy as child
/// processes, PostgreSQL from initdb, redis-server).
/// </summary>
internal static class ScaleBench
{
    private const string Usage = "scale [--seconds 20] [--writers 1,4,16,64] [--hub-clients 200] [--commits 50] [--out FILE] [--durable]";
    private static readonly string[] Caseworkers = ["caseworker", "caseworker2"];
    private const string HubAccount = "head"; // the dashboard hub admits heads and the standard officer
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    private sealed record Setup(string Name, ClusterOptions Options);

    private sealed record Row(string Setup, int Writers, int Ok, int Errors, string ErrorKinds, double Seconds, double P50, double P95, double P99, string Load);

    private sealed record PushRow(string Path, int Commits, int Expected, int Received, Stats All, Stats Local, Stats Other, string Load);

    private sealed record Stats(int Count, double P50, double P95, double P99)
    {
        public static Stats Of(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return new Stats(sorted.Count, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99));
        }
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = 20;
        int[] writers = [1, 4, 16, 64];
        var hubClients = 200;
        var commits = 50;
        string? outFile = null;
        var durable = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. Usage: {Usage}");
            switch (args[i])
            {
                case "--seconds": seconds = Math.Max(1, int.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--writers": writers = Next().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(w => int.Parse(w, CultureInfo.InvariantCulture)).Where(w => w > 0).ToArray(); break;
                case "--hub-clients": hubClients = Math.Max(2, int.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--commits": commits = Math.Max(1, int.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--out": outFile = Next(); break;
                case "--durable": durable = true; break;
                default: Console.Error.WriteLine($"Unknown option {args[i]}. Usage: {Usage}"); return 2;
            }
        }
        if (writers.Length == 0)
        {
            Console.Error.WriteLine($"--writers needs at least one positive number. Usage: {Usage}");
            return 2;
        }

        Setup[] setups =
        [
            new("SQLite, 1 node", new ClusterOptions(Provider: "Sqlite", Nodes: 1, Redis: false, Proxy: false)),
            new("PostgreSQL, 1 node", new ClusterOptions(Provider: "Postgres", Nodes: 1, Redis: false, Proxy: false)),
            new("PostgreSQL, 2 nodes + proxy + Redis", new ClusterOptions(Provider: "Postgres", Nodes: 2, Redis: true, Proxy: true)),
        ];
        var started = DateTime.UtcNow;
        var loadAtStart = LoadAverage();
        var rows = new List<Row>();
        var pushRows = new List<PushRow>();
        var notes = new List<string>();
        foreach (var setup in setups)
        {
            Console.WriteLine($"== {setup.Name}: starting the cluster ({LoadAverage()})…");
            var clock = Stopwatch.StartNew();
            void Log(string line) => Console.WriteLine("   [cluster] " + line);
            await using var cluster = await LocalCluster.StartAsync(setup.Options with { DurablePostgres = durable }, Log);
            Console.WriteLine($"   ready at {cluster.Address} after {clock.Elapsed.TotalSeconds:F0} s ({cluster.Database.Describe()}, nodes {string.Join(", ", cluster.Nodes.Select(n => n.BaseAddress))})");
            notes.Add($"{setup.Name}: {cluster.Database.Describe()}{await ServerSettingsAsync(cluster.Database)}; cluster start {clock.Elapsed.TotalSeconds:F0} s");

            var cases = await OpenCasesAsync(cluster.Database);
            var sessions = await SignInManyAsync(cluster.Address, writers.Max(), i => Caseworkers[i % Caseworkers.Length]);
            try
            {
                foreach (var count in writers)
                {
                    var row = await MeasureWritersAsync(setup.Name, sessions.Take(count).ToList(), cases, TimeSpan.FromSeconds(seconds));
                    rows.Add(row);
                    Console.WriteLine($"   {count,3} writers: {row.Ok / row.Seconds,7:F1} contacts/s, errors {row.Errors}{row.ErrorKinds}, p50 {row.P50:F1} ms, p95 {row.P95:F1} ms, p99 {row.P99:F1} ms (load {row.Load})");
                }
            }
            finally
            {
                foreach (var s in sessions) s.Http.Dispose();
            }

            if (setup.Options is { Nodes: >= 2, Proxy: true })
                pushRows.AddRange(await MeasurePushAsync(cluster, cases, hubClients, commits, notes));
            Console.WriteLine($"   stopping the cluster…");
        }

        notes.Add(durable
            ? "clusters: CaseDesk.Tests' LocalCluster, PostgreSQL with fsync and synchronous commit on (--durable)"
            : "clusters: CaseDesk.Tests' LocalCluster, PostgreSQL with fsync off as in the tests");
        var report = Report(started, loadAtStart, seconds, writers, hubClients, commits, rows, pushRows, notes);
        Console.WriteLine();
        Console.WriteLine(report);
        if (outFile is not null)
        {
            await File.WriteAllTextAsync(outFile, report);
            Console.WriteLine($"written to {outFile}");
        }
        return rows.All(r => r.Ok > 0) ? 0 : 1;
    }

    // ---------------------------------------------------------------- writers

    private sealed record Session(HttpClient Http, CookieContainer Cookies);

    private static async Task<Row> MeasureWritersAsync(string setup, List<Session> sessions, List<(Guid Case, Guid Client)> cases, TimeSpan duration)
    {
        // A short unmeasured run first at the same concurrency: connections, JIT of the new paths, the pools.
        await DriveAsync(sessions, cases, WarmUp, _ => { });
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentDictionary<string, int>();
        var ok = 0;
        var elapsed = await DriveAsync(sessions, cases, duration, result =>
        {
            if (result.Error is null)
            {
                latencies.Add(result.Ms);
                Interlocked.Increment(ref ok);
            }
            else
                errors.AddOrUpdate(result.Error, 1, (_, n) => n + 1);
        });
        var s = Stats.Of(latencies);
        var kinds = errors.IsEmpty ? "" : " (" + string.Join(", ", errors.OrderByDescending(e => e.Value).Select(e => $"{e.Key} × {e.Value}")) + ")";
        return new Row(setup, sessions.Count, ok, errors.Values.Sum(), kinds, elapsed.TotalSeconds, s.P50, s.P95, s.P99, LoadAverage());
    }

    private sealed record PostResult(double Ms, string? Error);

    /// <summary>Every session posts contacts back to back until the time is up; the time until the last answer came.</summary>
    private static async Task<TimeSpan> DriveAsync(List<Session> sessions, List<(Guid Case, Guid Client)> cases, TimeSpan duration, Action<PostResult> record)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(sessions.Select((session, w) => Task.Run(async () =>
        {
            var random = new Random(w * 7919 + (int)duration.TotalMilliseconds);
            var n = 0;
            while (clock.Elapsed < duration)
            {
                var target = cases[random.Next(cases.Count)];
                record(await PostContactAsync(session.Http, target, $"Apkrovos bandymas {w}/{n++}: klausė apie paslaugą", promise: false));
            }
        })));
        return clock.Elapsed;
    }

    private static async Task<PostResult> PostContactAsync(HttpClient http, (Guid Case, Guid Client) target, string summary, bool promise)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var now = DateTime.UtcNow;
            using var response = await http.PostAsJsonAsync("/api/contacts", new
            {
                ClientId = target.Client, CaseId = target.Case, Touchpoint = 3, Channel = "PhoneIn", Direction = "FromClient",
                OccurredAtUtc = now.AddMinutes(-2), Summary = summary,
                // A promise starts a clock, which moves the dashboard's open figures: that is what makes a push.
                Promises = promise ? new[] { new { Text = "Paskambinti su atsakymu", DueAtUtc = now.AddDays(2) } } : [],
            });
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            return response.StatusCode == HttpStatusCode.Created ? new PostResult(ms, null) : new PostResult(ms, $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new PostResult(Stopwatch.GetElapsedTime(start).TotalMilliseconds, e is TaskCanceledException ? "timeout" : e.GetType().Name);
        }
    }

    /// <summary>N sessions, 4 sign-ins at a time (each one hashes a password).</summary>
    private static async Task<List<Session>> SignInManyAsync(Uri address, int count, Func<int, string> user)
    {
        var sessions = new Session[count];
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                sessions[i] = await SignInAsync(address, user(i));
            }
            finally
            {
                gate.Release();
            }
        }));
        return [.. sessions];
    }

    /// <summary>
    /// Signs in through the login form (into <paramref name="cookies"/> when given, e.g. with a proxy affinity cookie
    /// already in it) and takes the antiforgery header for the API's writes.
    /// </summary>
    private static async Task<Session> SignInAsync(Uri address, string user, CookieContainer? cookies = null)
    {
        cookies ??= new CookieContainer();
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = address, Timeout = TimeSpan.FromSeconds(60),
        };
        var page = await (await http.GetAsync("/account/login")).Content.ReadAsStringAsync();
        var token = Regex.Match(page, @"name=""__RequestVerificationToken""[^>]*value=""([^""]+)""").Groups[1].Value;
        using var signedIn = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["Input.UserName"] = user,
            ["Input.Password"] = DatabaseInitializer.DemoPassword,
        }));
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"{user} could not sign in at {address}: HTTP {(int)signedIn.StatusCode}");
        var antiforgery = await http.GetFromJsonAsync<JsonElement>("/api/antiforgery");
        http.DefaultRequestHeaders.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
        return new Session(http, cookies);
    }

    /// <summary>Open cases of the demo data (with their clients), read from the database the nodes use.</summary>
    private static async Task<List<(Guid Case, Guid Client)>> OpenCasesAsync(DatabaseSettings database)
    {
        var options = new DbContextOptionsBuilder<CaseDeskDb>();
        database.Apply(options);
        await using var db = new CaseDeskDb(options.Options);
        var cases = (await db.Cases.AsNoTracking().Where(c => c.ClosedAtUtc == null).OrderBy(c => c.Id).Select(c => new { c.Id, c.ClientId }).Take(500).ToListAsync())
            .Select(c => (c.Id, c.ClientId)).ToList();
        if (cases.Count == 0)
            throw new InvalidOperationException("The cluster's database has no open cases to log contacts on (no demo data?).");
        return cases;
    }

    // ---------------------------------------------------------------- push

    private sealed record Commit(DateTime SentUtc, DateTime AnsweredUtc);

    private static async Task<List<PushRow>> MeasurePushAsync(LocalCluster cluster, List<(Guid Case, Guid Client)> cases, int hubClients, int commits, List<string> notes)
    {
        Console.WriteLine($"   push: {hubClients} hub clients through the proxy, half pinned to each node…");
        // The proxy pins a browser to a node by a cookie holding a hash of the node's id ("node1", "node2" in the order of
        // Proxy:Nodes; YARP's HashCookie policy). Setting it before the first request pins the session; whether the proxy
        // kept it (and did not redistribute) is checked after sign-in.
        var groups = new List<(int Node, CookieContainer Cookies)>();
        for (var node = 1; node <= 2; node++)
        {
            var cookies = new CookieContainer();
            cookies.Add(cluster.Address, new Cookie(".CaseDesk.Node", AffinityValue($"node{node}")) { Path = "/" });
            var session = await SignInAsync(cluster.Address, HubAccount, cookies);
            session.Http.Dispose();
            var kept = cookies.GetCookies(cluster.Address)[".CaseDesk.Node"]?.Value;
            if (kept != AffinityValue($"node{node}"))
                throw new InvalidOperationException($"The proxy did not keep the affinity cookie for node{node} (now {kept ?? "none"}): the pinning assumption is wrong.");
            groups.Add((node, cookies));
        }
        notes.Add("hub clients pinned to node1/node2 by the proxy's affinity cookie (YARP's HashCookie value of the node's id, set before " +
            "sign-in; the proxy keeps it only when it names a node, which the bench checks)");

        var received = new ConcurrentQueue<(int Node, DateTime ReceivedUtc, DateTime? CommittedUtc)>();
        using var stop = new CancellationTokenSource();
        var connections = new List<(int Node, DashboardHubClient Hub)>();
        var connectClock = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(8))
        {
            var connecting = Enumerable.Range(0, hubClients).Select(async i =>
            {
                var (node, cookies) = groups[i % 2];
                await gate.WaitAsync();
                try
                {
                    var hub = await DashboardHubClient.ConnectAsync(cluster.Address, cookies);
                    await hub.WatchAsync("department", 3, 0L);
                    lock (connections) connections.Add((node, hub));
                }
                finally
                {
                    gate.Release();
                }
            });
            await Task.WhenAll(connecting);
        }
        Console.WriteLine($"   {connections.Count} hub clients watching after {connectClock.Elapsed.TotalSeconds:F1} s");
        var listeners = connections.Select(c => Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var push = await c.Hub.WaitForPushAsync(ct: stop.Token);
                    DateTime? committed = push.Payload.TryGetProperty("committedAtUtc", out var at) && at.ValueKind == JsonValueKind.String
                        ? DateTime.SpecifyKind(at.GetDateTime(), DateTimeKind.Utc)
                        : null;
                    received.Enqueue((c.Node, push.ReceivedAtUtc, committed));
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (InvalidOperationException closed)
            {
                Console.Error.WriteLine($"   a hub client on node{c.Node} lost its connection: {closed.Message}");
            }
        })).ToList();

        // Commits through node A (directly, no proxy) and through the proxy pinned to node B.
        var viaA = await SignInAsync(cluster.Nodes[0].BaseAddress, Caseworkers[0]);
        var proxyCookies = new CookieContainer();
        proxyCookies.Add(cluster.Address, new Cookie(".CaseDesk.Node", AffinityValue("node2")) { Path = "/" });
        var viaProxy = await SignInAsync(cluster.Address, Caseworkers[1], proxyCookies);
        if (proxyCookies.GetCookies(cluster.Address)[".CaseDesk.Node"]?.Value != AffinityValue("node2"))
            throw new InvalidOperationException("The proxy did not keep the writer's affinity cookie for node2.");
        var rows = new List<PushRow>();
        var usedSendTime = 0;
        foreach (var (label, session, node) in new[] { ("node A (direct)", viaA, 1), ("the proxy (to node B)", viaProxy, 2) })
        {
            var log = new List<Commit>();
            for (var i = 0; i < commits + 3; i++)
            {
                var sent = DateTime.UtcNow;
                var result = await PostContactAsync(session.Http, cases[i % cases.Count], $"Push bandymas {i}", promise: true);
                if (result.Error is not null)
                    Console.Error.WriteLine($"   commit {i} through {label}: {result.Error}");
                else if (i >= 3) // the first three warm up the path
                    log.Add(new Commit(sent, DateTime.UtcNow));
                await Task.Delay(250); // one change at a time, so every push belongs to one commit
            }
            await Task.Delay(TimeSpan.FromSeconds(2)); // the last pushes
            var pushes = received.ToArray();
            received.Clear();
            // A push belongs to the commit whose request was under way at its commit time; other pushes (the minute tick) are left out.
            var matched = new List<(int Node, double Ms)>();
            foreach (var p in pushes)
            {
                var commit = p.CommittedUtc is { } c
                    ? log.FirstOrDefault(x => c >= x.SentUtc.AddMilliseconds(-5) && c <= x.AnsweredUtc.AddMilliseconds(5))
                    : log.LastOrDefault(x => x.SentUtc <= p.ReceivedUtc);
                if (commit is null) continue;
                if (p.CommittedUtc is null) usedSendTime++;
                matched.Add((p.Node, (p.ReceivedUtc - (p.CommittedUtc ?? commit.SentUtc)).TotalMilliseconds));
            }
            var row = new PushRow(label, log.Count, log.Count * connections.Count, matched.Count, Stats.Of(matched.Select(m => m.Ms)),
                Stats.Of(matched.Where(m => m.Node == node).Select(m => m.Ms)), Stats.Of(matched.Where(m => m.Node != node).Select(m => m.Ms)), LoadAverage());
            rows.Add(row);
            Console.WriteLine($"   commits through {label}: {row.Received} of {row.Expected} pushes, p50 {row.All.P50:F1} ms, p95 {row.All.P95:F1} ms " +
                $"(same node {row.Local.P50:F1}/{row.Local.P95:F1}, other node {row.Other.P50:F1}/{row.Other.P95:F1})");
        }
        await stop.CancelAsync();
        await Task.WhenAll(listeners);
        foreach (var c in connections) await c.Hub.DisposeAsync();
        viaA.Http.Dispose();
        viaProxy.Http.Dispose();
        notes.Add(usedSendTime == 0
            ? "every push carried its commit time (DashboardPush.CommittedAtUtc): latency = receive time − commit time"
            : $"{usedSendTime} pushes carried no commit time: for those, latency = receive time − the POST's send time");
        return rows;
    }

    /// <summary>YARP 2's HashCookie value for a destination id: XxHash64 of its upper-case UTF-16 bytes, lower-case hex.</summary>
    private static string AffinityValue(string destinationId) =>
        Convert.ToHexString(XxHash64.Hash(Encoding.Unicode.GetBytes(destinationId.ToUpperInvariant()))).ToLowerInvariant();

    // ---------------------------------------------------------------- report

    private static async Task<string> ServerSettingsAsync(DatabaseSettings database)
    {
        if (database.IsSqlite)
            return " (the app's PRAGMAs: WAL, synchronous FULL)";
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            var settings = new List<string>();
            foreach (var name in new[] { "server_version", "fsync", "synchronous_commit", "shared_buffers", "max_connections" })
            {
                await using var command = new NpgsqlCommand($"SHOW {name}", connection);
                settings.Add($"{name}={await command.ExecuteScalarAsync()}");
            }
            return $" ({string.Join(", ", settings)})";
        }
        catch (NpgsqlException e)
        {
            return $" (settings not read: {e.Message})";
        }
    }

    private static string Report(DateTime started, string loadAtStart, int seconds, int[] writers, int hubClients, int commits,
        List<Row> rows, List<PushRow> pushRows, List<string> notes)
    {
        var text = new StringBuilder();
        text.AppendLine($"#### Run of {started:yyyy-MM-dd HH:mm}-{DateTime.UtcNow:HH:mm} UTC, {Environment.ProcessorCount} cores, load average at start {loadAtStart}, at the end {LoadAverage()}");
        text.AppendLine();
        text.AppendLine($"Contacts logged through POST /api/contacts, closed loop, {seconds} s per row after a {WarmUp.TotalSeconds:0} s warm-up; " +
            $"each writer its own signed-in session ({string.Join(", ", Caseworkers)} in turn); writers {string.Join(", ", writers)}.");
        text.AppendLine();
        text.AppendLine("| set-up | writers | contacts/s | logged | errors | p50 ms | p95 ms | p99 ms | load average after |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in rows)
            text.AppendLine($"| {r.Setup} | {r.Writers} | **{r.Ok / r.Seconds:F1}** | {r.Ok:N0} | {r.Errors}{r.ErrorKinds} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {r.Load} |");
        if (pushRows.Count > 0)
        {
            text.AppendLine();
            text.AppendLine($"Commit → dashboard push, PostgreSQL with two nodes: {hubClients} hub clients (as {HubAccount}, department, 30 days) " +
                $"through the proxy, half pinned to each node; {commits} commits 250 ms apart per path (a contact with a promise, which starts a clock).");
            text.AppendLine();
            text.AppendLine("| commits through | pushes received | p50 ms | p95 ms | p99 ms | clients on the committing node p50 / p95 | clients on the other node p50 / p95 | load average |");
            text.AppendLine("|---|---:|---:|---:|---:|---|---|---|");
            foreach (var p in pushRows)
                text.AppendLine($"| {p.Path} | {p.Received:N0} of {p.Expected:N0} | **{p.All.P50:F1}** | **{p.All.P95:F1}** | {p.All.P99:F1} | " +
                    $"{p.Local.P50:F1} / {p.Local.P95:F1} | {p.Other.P50:F1} / {p.Other.P95:F1} | {p.Load} |");
        }
        text.AppendLine();
        foreach (var note in notes)
            text.AppendLine($"- {note}");
        return text.ToString();
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
