using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseDesk.Domain.Data;
using CaseDesk.Tests.Browser;
using CaseDesk.Tests.Resilience;
using CaseDesk.Tests.Support;
using Microsoft.Playwright;
using Npgsql;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CaseDesk.Tests.ScaleOut;

/// <summary>
/// Issue 18's faults on a real local cluster (<see cref="LocalCluster"/>: PostgreSQL, Redis, two CaseDesk.App processes
/// behind CaseDesk.Proxy, demo data): a node SIGKILLed under a burst of writes loses no acknowledged write and leaves
/// PostgreSQL's indexes intact; a browser on the killed node carries on through the proxy on the other node, signed in,
/// with its unsaved form offered back; after a Redis restart a dashboard on node B sees a commit made on node A.
/// Skipped without PostgreSQL or redis-server (a failure when CASEDESK_REQUIRE_SCALEOUT=1 or CASEDESK_REQUIRE_REDIS=1).
/// </summary>
[Collection(NodeFailureCollection.Name)]
public sealed class NodeFailureTests(ITestOutputHelper output)
{
    private const string Channel = "CaseDesk:dashboard-changes";

    /// <summary>One POST /api/contacts: its unique marker (in the summary) and what came back.</summary>
    private sealed record Attempt(int Writer, string Marker, HttpStatusCode? Status, string? Error, bool AfterKill);

    private void Log(string line) => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");

    [SkippableFact]
    public async Task A_node_killed_during_a_burst_of_writes_loses_no_acknowledged_write_and_the_indexes_stay_intact()
    {
        await using var cluster = await LocalCluster.StartAsync(new ClusterOptions(), Log);
        var cases = await OpenCasesAsync(cluster);
        var run = Guid.NewGuid().ToString("N")[..10];
        var prefix = $"Gedimo bandymas {run} ";

        // POST /api/contacts is not idempotent (no request id): a retry is a new contact with a new marker, and only a 201
        // acknowledges one. So: every acknowledged marker is in the database once; an unacknowledged one at most once.
        const int writers = 8;
        var sessions = new ApiSession[writers];
        for (var w = 0; w < writers; w++)
            sessions[w] = await ApiSession.SignInAsync(cluster.Address, w % 2 == 0 ? "caseworker" : "caseworker2");
        var attempts = new ConcurrentQueue<Attempt>();
        var acknowledged = 0;
        var killed = 0;
        using var stop = new CancellationTokenSource();

        async Task WriteAsync(int w)
        {
            var random = new Random(w);
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var marker = $"{prefix}w{w}n{n}";
                var (clientId, caseId) = cases[random.Next(cases.Count)];
                var afterKill = Volatile.Read(ref killed) == 1;
                try
                {
                    using var response = await sessions[w].PostContactAsync(new
                    {
                        ClientId = clientId, CaseId = caseId, Touchpoint = 3, Channel = "PhoneIn", Direction = "FromClient",
                        OccurredAtUtc = DateTime.UtcNow.AddMinutes(-1), Summary = marker + " klausė apie paslaugą",
                        Promises = Array.Empty<object>(),
                    });
                    attempts.Enqueue(new Attempt(w, marker, response.StatusCode, null, afterKill));
                    if (response.StatusCode == HttpStatusCode.Created)
                        Interlocked.Increment(ref acknowledged);
                    else
                        await Task.Delay(100); // the retry's back-off, not a wait for something
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    attempts.Enqueue(new Attempt(w, marker, null, e.GetType().Name + ": " + e.Message, afterKill));
                    await Task.Delay(100);
                }
            }
        }

        var clock = Stopwatch.StartNew();
        var burst = Enumerable.Range(0, writers).Select(w => Task.Run(() => WriteAsync(w))).ToList();
        await UntilAsync(() => Volatile.Read(ref acknowledged) >= 60, TimeSpan.FromMinutes(2), "60 acknowledged writes before the kill");
        var beforeKill = Volatile.Read(ref acknowledged);
        Volatile.Write(ref killed, 1);
        cluster.KillNode(1);
        Log($"node 2 killed after {beforeKill} acknowledged writes, {clock.Elapsed.TotalSeconds:F1} s into the burst");
        // Every writer, whichever node it was on, writes again through the proxy (the other node accepts its cookie and token).
        await UntilAsync(() => attempts.Where(a => a.AfterKill && a.Status == HttpStatusCode.Created).Select(a => a.Writer).Distinct().Count() == writers
            && Volatile.Read(ref acknowledged) >= beforeKill + 60, TimeSpan.FromMinutes(3), "every writer acknowledged again after the kill");
        await stop.CancelAsync();
        await Task.WhenAll(burst);
        foreach (var session in sessions)
            session.Dispose();

        var all = attempts.ToList();
        var acked = all.Where(a => a.Status == HttpStatusCode.Created).Select(a => a.Marker).ToHashSet();
        var failed = all.Where(a => a.Status != HttpStatusCode.Created).ToList();
        Log($"{all.Count} attempts in {clock.Elapsed.TotalSeconds:F1} s: {acked.Count} acknowledged, {failed.Count} not: " +
            string.Join(", ", failed.GroupBy(a => a.Status is { } s ? $"HTTP {(int)s}" : a.Error!.Split(':')[0]).Select(g => $"{g.Count()} × {g.Key}")));

        var stored = new Dictionary<string, long>();
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                """SELECT "Summary", count(*) FROM "Contacts" WHERE "Summary" LIKE @prefix GROUP BY "Summary" """, connection);
            command.Parameters.AddWithValue("prefix", prefix + "%");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                stored[reader.GetString(0).Split(' ')[3]] = reader.GetInt64(1);
        }
        var markers = all.Select(a => a.Marker.Split(' ')[3]).ToHashSet();
        var ackedShort = acked.Select(m => m.Split(' ')[3]).ToHashSet();
        var ackedNotOnce = ackedShort.Where(m => stored.GetValueOrDefault(m) != 1).ToList();
        Assert.True(ackedNotOnce.Count == 0, $"Acknowledged but not stored exactly once: {string.Join(", ", ackedNotOnce.Select(m => $"{m} × {stored.GetValueOrDefault(m)}"))}");
        var twice = stored.Where(s => s.Value > 1).ToList();
        Assert.True(twice.Count == 0, $"Stored more than once: {string.Join(", ", twice.Select(s => $"{s.Key} × {s.Value}"))}");
        var unknown = stored.Keys.Where(m => !markers.Contains(m)).ToList();
        Assert.True(unknown.Count == 0, $"Stored but never sent: {string.Join(", ", unknown)}");
        Log($"in the database: {stored.Count} contacts of this run ({stored.Count - ackedShort.Count} committed without an acknowledgement)");

        var checkedIndexes = await CheckIndexesAsync(cluster);
        Log($"amcheck bt_index_check(heapallindexed) clean on {checkedIndexes} btree indexes of the public schema");
    }

    [SkippableFact]
    public async Task A_browser_on_a_killed_node_carries_on_through_the_proxy_signed_in_with_its_unsaved_form_offered_back()
    {
        BrowserRequirement.Check();
        // The nodes log each request's path, so the test sees which node served the browser.
        await using var cluster = await LocalCluster.StartAsync(new ClusterOptions(NodeSettings: new Dictionary<string, string?>
        {
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        }), Log);
        Assertions.SetDefaultExpectTimeout(20_000);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserRequirement.ChromiumPath, Headless = true, Args = BrowserFixture.ChromiumArgs,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = cluster.Address.ToString(), Locale = "lt-LT", TimezoneId = "Europe/Vilnius",
            ViewportSize = new ViewportSize { Width = 1366, Height = 850 },
        });
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(BrowserSession.CspReporter);
        await using var session = new BrowserSession(context, await context.NewPageAsync(), output);
        var page = session.Page;

        await session.SignInAsync("reception");
        var probe = Guid.NewGuid().ToString("N");
        await session.OpenAsync($"clients/new?probe={probe}");
        var served = await NodeThatLoggedAsync(cluster, probe);
        Log($"the browser is on node {served + 1}");

        var form = page.GetByTestId("client-form");
        await form.Locator("input[name=FirstName]").FillAsync("Kazimiera");
        await form.Locator("input[name=FirstName]").PressAsync("Tab");
        await page.WaitForFunctionAsync(
            "() => JSON.parse(sessionStorage.getItem('casedesk-draft:client:new') ?? 'null')?.Input?.FirstName === 'Kazimiera'");

        cluster.KillNode(served);
        var killedAt = Stopwatch.StartNew();

        // Blazor's reconnect goes through the proxy to the live node, which does not know the circuit: the notice says the
        // session ended and that the form's input comes back; the reload lands on the live node, still signed in.
        var modal = session.ReconnectModal;
        await Expect(modal).ToBeVisibleAsync();
        var rejected = modal.Locator(".reconnect-rejected");
        await Expect(rejected).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Expect(rejected).ToContainTextAsync(UiText.Lt("The session has ended."));
        await Expect(rejected).ToContainTextAsync(UiText.Lt("Input typed into a client, contact, complaint, phone message, letter or e-mail reply form comes back when you open that form again; other unsaved input may be lost."));
        Log($"reconnect refused by the live node {killedAt.Elapsed.TotalSeconds:F1} s after the kill");
        await rejected.GetByRole(AriaRole.Link, new() { Name = UiText.Lt("Reload the page") }).ClickAsync();

        await session.WaitForCircuitAsync();
        await Expect(page).Not.ToHaveURLAsync(BrowserSession.LoginUrl());
        Assert.Equal(1 - served, await NodeThatLoggedAsync(cluster, probe, except: served));
        form = page.GetByTestId("client-form");
        await Expect(form.GetByTestId("draft-restored"))
            .ToContainTextAsync(UiText.Lt("Your unsaved input from before the connection was lost has been restored. Check it and save."));
        await Expect(form.Locator("input[name=FirstName]")).ToHaveValueAsync("Kazimiera");
        Log($"the form is back with its draft on node {2 - served} {killedAt.Elapsed.TotalSeconds:F1} s after the kill");

        // And the person keeps working: another staff page, signed in as before.
        await session.OpenAsync("clients");
        await Expect(page).Not.ToHaveURLAsync(BrowserSession.LoginUrl());
        await Expect(page.GetByTestId("new-client")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signed-in-user").First).ToBeAttachedAsync();
        Assert.Empty(session.PageErrors);
    }

    [SkippableFact]
    public async Task After_a_Redis_restart_a_dashboard_on_node_B_sees_a_commit_made_through_node_A()
    {
        await using var cluster = await LocalCluster.StartAsync(new ClusterOptions(Proxy: false), Log);
        var redis = cluster.Redis!;
        var (a, b) = (cluster.Nodes[0], cluster.Nodes[1]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var cookies = await DashboardHubClient.SignInAsync(b.BaseAddress, "head", DatabaseInitializer.DemoPassword, timeout.Token);
        await using var hub = await DashboardHubClient.ConnectAsync(b.BaseAddress, cookies, timeout.Token);
        var start = OpenClocks(await hub.WatchAsync("department", 1, 0L, timeout.Token));
        using var writer = await ApiSession.SignInAsync(a.BaseAddress, "caseworker");
        var (clientId, caseId) = (await OpenCasesAsync(cluster))[0];

        await cluster.RestartRedisAsync();
        // Both nodes are back on the channel (each reloads and publishes its count when it reconnects).
        await Eventually.WaitForAsync(async () => Assert.True(await SubscribersAsync(redis) >= 2), TimeSpan.FromSeconds(90));

        // A contact with a promise opens a promise clock: one more open clock on every dashboard of the department.
        var committed = DateTime.UtcNow;
        using (var response = await writer.PostContactAsync(new
        {
            ClientId = clientId, CaseId = caseId, Touchpoint = 3, Channel = "PhoneIn", Direction = "FromClient",
            OccurredAtUtc = DateTime.UtcNow.AddMinutes(-1), Summary = "Po Redis paleidimo iš naujo",
            Promises = new[] { new { Text = "Paskambinti su atsakymu", DueAtUtc = DateTime.UtcNow.AddDays(2) } },
        }, timeout.Token))
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        wait.CancelAfter(TimeSpan.FromSeconds(90));
        var push = await hub.WaitForPushAsync(p => OpenClocks(p) == start + 1, wait.Token);
        Log($"node B pushed the commit made on node A after the Redis restart {(push.ReceivedAtUtc - committed).TotalMilliseconds:F0} ms after it");
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, hub.State);
    }

    /// <summary>Running and paused clocks of every kind in a "figures" push.</summary>
    private static int OpenClocks(JsonElement push) =>
        push.GetProperty("figures").GetProperty("openClocks").EnumerateArray()
            .Sum(o => o.GetProperty("onTrack").GetInt32() + o.GetProperty("atRisk").GetInt32() + o.GetProperty("breached").GetInt32() + o.GetProperty("paused").GetInt32());

    private static async Task<int> SubscribersAsync(RedisServer redis)
    {
        var answer = await redis.QueryAsync($"PUBSUB NUMSUB {Channel}") ?? "";
        var count = Regex.Match(answer, @":(\d+)\r\n\s*$");
        return count.Success ? int.Parse(count.Groups[1].Value) : 0;
    }

    /// <summary>Open demo cases and their clients, to write contacts to.</summary>
    private static async Task<List<(Guid Client, Guid Case)>> OpenCasesAsync(LocalCluster cluster)
    {
        var cases = new List<(Guid, Guid)>();
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "ClientId", "Id" FROM "Cases" WHERE "ClosedAtUtc" IS NULL ORDER BY "Id" LIMIT 50""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            cases.Add((reader.GetGuid(0), reader.GetGuid(1)));
        Assert.NotEmpty(cases);
        return cases;
    }

    /// <summary>amcheck over every btree index of the public schema (heap entries included); a corrupt one throws. Returns how many.</summary>
    private static async Task<int> CheckIndexesAsync(LocalCluster cluster)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS amcheck", connection))
            await create.ExecuteNonQueryAsync();
        var indexes = new List<string>();
        await using (var list = new NpgsqlCommand("""
            SELECT c.oid::regclass::text FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE am.amname = 'btree' AND n.nspname = 'public' AND i.indisvalid AND i.indisready
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                indexes.Add(reader.GetString(0));
        Assert.NotEmpty(indexes);
        foreach (var index in indexes)
        {
            await using var check = new NpgsqlCommand("SELECT bt_index_check(@index::regclass, true)", connection);
            check.Parameters.AddWithValue("index", index);
            await check.ExecuteNonQueryAsync();
        }
        return indexes.Count;
    }

    /// <summary>The node whose request log has <paramref name="probe"/> (a query string the test put on a page's address).</summary>
    private static async Task<int> NodeThatLoggedAsync(LocalCluster cluster, string probe, int? except = null)
    {
        var found = -1;
        await Eventually.WaitForAsync(() =>
        {
            var nodes = Enumerable.Range(0, cluster.Nodes.Count)
                .Where(i => i != except && cluster.Nodes[i].Output.Contains(probe, StringComparison.Ordinal)).ToList();
            Assert.Single(nodes);
            found = nodes[0];
            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(30));
        return found;
    }

    private static async Task UntilAsync(Func<bool> condition, TimeSpan within, string what)
    {
        var until = DateTime.UtcNow + within;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Not reached within {within.TotalSeconds:0} s: {what}.");
            await Task.Delay(50);
        }
    }
}

/// <summary>The fault tests start their own cluster each (several processes on a 2-core machine): one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NodeFailureCollection
{
    public const string Name = "Node failures";
}
