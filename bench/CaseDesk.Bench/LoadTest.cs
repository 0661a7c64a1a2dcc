using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseDesk.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CaseDesk.Bench;

/// <summary>
/// Simulated staff against the real app over HTTP: each user signs in, keeps one SignalR connection to the dashboard
/// hub (/hubs/dashboard, as the head: the roles it admits) watching the department's figures and counting the pushes
/// it receives, and in a loop with 1-3 s of think time opens pages or logs a contact through POST /api/contacts.
/// A probe asks /health every second to show whether the app stays responsive. Reports per kind: count, errors,
/// p50/p95/p99; throughput; the pushes received and their delay after the commit; the server's resident memory over time.
/// </summary>
internal static class LoadTest
{
    private const string Usage = "load [--users 100] [--minutes 5 | --seconds N] [--url URL --db PATH] [--app PATH] [--out FILE]";
    private static readonly string[] Accounts = ["reception", "caseworker", "caseworker2", "head"];
    private const string HubAccount = "head"; // the dashboard hub admits heads and the standard officer
    private const string Password = "CaseDesk2026";

    private sealed record Sample(string Kind, double Ms, bool Ok, TimeSpan At);

    public static async Task<int> RunAsync(string[] args)
    {
        int users = 100;
        var duration = TimeSpan.FromMinutes(5);
        string? url = null, db = null, app = null, outFile = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. Usage: {Usage}");
            switch (args[i])
            {
                case "--users": users = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--minutes": duration = TimeSpan.FromMinutes(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--seconds": duration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--url": url = Next(); break;
                case "--db": db = Next(); break;
                case "--app": app = Next(); break;
                case "--out": outFile = Next(); break;
                default: Console.Error.WriteLine($"Unknown option {args[i]}. Usage: {Usage}"); return 2;
            }
        }

        Process? server = null;
        string? folder = null;
        try
        {
            if (url is null)
            {
                (server, url, db, folder) = await StartAppAsync(app);
            }
            else if (db is null)
            {
                Console.Error.WriteLine("--url needs --db (the app's database file, to pick clients and cases to write to).");
                return 2;
            }
            return await DriveAsync(new Uri(url), db!, server?.Id, users, duration, outFile);
        }
        finally
        {
            if (server is { HasExited: false })
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
            if (folder is not null)
                Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(Process, string Url, string Db, string Folder)> StartAppAsync(string? appPath)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "CaseDesk.sln")))
            root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException("CaseDesk.sln not found above the bench.");
        appPath ??= Path.Combine(root, "CaseDesk.App", "bin", "Release", $"net{Environment.Version.Major}.0", "CaseDesk.App");
        if (!File.Exists(appPath))
            throw new InvalidOperationException($"No app at {appPath}: dotnet build -c Release CaseDesk.App (or pass --app, or --url of a running app).");

        var folder = Directory.CreateTempSubdirectory("casedesk-load-").FullName;
        var db = Path.Combine(folder, "casedesk.db");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo(appPath) { WorkingDirectory = Path.Combine(root, "CaseDesk.App"), RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development"; // static assets from the source tree; the demo logins
        info.Environment["ConnectionStrings__CaseDesk"] = $"Data Source={db}";
        info.Environment["Demo__Seed"] = "true";
        info.Environment["DataProtection__KeysFolder"] = Path.Combine(folder, "keys");
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[app] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} during start-up.");
            try
            {
                if ((await http.GetAsync(url + "/health")).IsSuccessStatusCode) break;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet: ask again below until the deadline.
            }
            if (started.Elapsed > TimeSpan.FromMinutes(3))
                throw new TimeoutException("The app did not answer /health within 3 minutes.");
            await Task.Delay(200);
        }
        Console.WriteLine($"app pid {process.Id} at {url} on {db} (demo data), ready after {started.Elapsed.TotalSeconds:F0} s");
        return (process, url, db, folder);
    }

    private static async Task<int> DriveAsync(Uri baseAddress, string db, int? pid, int users, TimeSpan duration, string? outFile)
    {
        List<(Guid Case, Guid Client)> cases;
        await using (var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Id, ClientId FROM Cases WHERE ClosedAtUtc IS NULL LIMIT 200";
            cases = [];
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                cases.Add((Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1))));
        }
        if (cases.Count == 0)
            throw new InvalidOperationException("No open cases in the database to write contacts to.");

        var samples = new ConcurrentQueue<Sample>();
        var clock = Stopwatch.StartNew();
        async Task<T> Timed<T>(string kind, Func<Task<T>> work, Func<T, bool> ok)
        {
            var start = clock.Elapsed;
            try
            {
                var result = await work();
                samples.Enqueue(new Sample(kind, (clock.Elapsed - start).TotalMilliseconds, ok(result), start));
                return result;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or WebSocketException or IOException
                or Microsoft.AspNetCore.SignalR.HubException or InvalidOperationException)
            {
                samples.Enqueue(new Sample(kind, (clock.Elapsed - start).TotalMilliseconds, false, start));
                throw;
            }
        }

        Console.WriteLine($"signing in {users} users ({string.Join(", ", Accounts)}, round robin; each also as {HubAccount} for the dashboard hub)…");
        var clients = new (HttpClient Http, CookieContainer Cookies)[users];
        var hubCookies = new CookieContainer[users];
        var sessions = new SemaphoreSlim(4);
        await Task.WhenAll(Enumerable.Range(0, users).Select(async u =>
        {
            await sessions.WaitAsync();
            try
            {
                var account = Accounts[u % Accounts.Length];
                clients[u] = await SignInAsync(baseAddress, account, Timed);
                hubCookies[u] = account == HubAccount
                    ? clients[u].Cookies
                    : await Timed("sign-in", () => DashboardHubClient.SignInAsync(baseAddress, HubAccount, Password), _ => true);
            }
            finally
            {
                sessions.Release();
            }
        }));
        var pushes = new int[users];

        var memory = new ConcurrentQueue<(TimeSpan At, double RssMiB)>();
        var load = new ConcurrentQueue<(TimeSpan At, string Avg)>();
        using var stop = new CancellationTokenSource();
        var runStart = clock.Elapsed;
        Console.WriteLine($"running {users} users for {duration.TotalMinutes:0.##} min…");

        var monitor = Task.Run(async () =>
        {
            using var probe = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            var nextReport = TimeSpan.FromSeconds(30);
            while (!stop.IsCancellationRequested)
            {
                try { await Timed("health probe", () => probe.GetAsync("/health"), r => r.IsSuccessStatusCode); }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
                if (pid is { } id && File.Exists($"/proc/{id}/status"))
                {
                    var rss = File.ReadLines($"/proc/{id}/status").First(l => l.StartsWith("VmRSS:"));
                    memory.Enqueue((clock.Elapsed - runStart, double.Parse(Regex.Match(rss, @"\d+").Value, CultureInfo.InvariantCulture) / 1024));
                }
                if (clock.Elapsed - runStart >= nextReport)
                {
                    load.Enqueue((clock.Elapsed - runStart, File.ReadAllText("/proc/loadavg")[..14]));
                    var recent = samples.Where(s => s.At >= clock.Elapsed - TimeSpan.FromSeconds(30) && s.Kind != "health probe").ToList();
                    Console.WriteLine($"  {nextReport.TotalSeconds,4:0} s: {recent.Count / 30.0,6:F1} req/s, errors {recent.Count(s => !s.Ok)}, " +
                        $"p95 {Percentile(recent.Select(s => s.Ms), 0.95),6:F0} ms, RSS {(memory.IsEmpty ? 0 : memory.Last().RssMiB):F0} MiB, load {load.Last().Avg}");
                    nextReport += TimeSpan.FromSeconds(30);
                }
                // The run ends by cancelling stop; the loop condition then ends the reporter.
                await Task.WhenAny(Task.Delay(1000, stop.Token));
            }
        });

        var userTasks = Enumerable.Range(0, users).Select(u => Task.Run(async () =>
        {
            var random = new Random(u);
            var (http, _) = clients[u];
            await using var hub = await OpenDashboardHubAsync(baseAddress, hubCookies[u], window: 1 + u % 3, Timed);
            var listening = hub is null ? Task.FromResult(false) : CountPushesAsync(hub, u);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(random.Next(1000, 3000), stop.Token);
                }
                catch (TaskCanceledException)
                {
                    break;
                }
                var target = cases[random.Next(cases.Count)];
                try
                {
                    var roll = random.Next(100);
                    if (roll < 35)
                        await Timed("POST /api/contacts", () => http.PostAsJsonAsync("/api/contacts", new
                        {
                            ClientId = target.Client, CaseId = target.Case, Touchpoint = 3, Channel = "PhoneIn", Direction = "FromClient",
                            OccurredAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-2), Summary = $"Apkrovos bandymas {u}: klausė apie paslaugą",
                            Promises = roll < 5 ? new[] { new { Text = "Paskambinti su atsakymu", DueAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(2) } } : [],
                        }), r => r.StatusCode == HttpStatusCode.Created);
                    else
                    {
                        var path = (roll % 4) switch { 0 => "/", 1 => "/clients", 2 => "/cases", _ => $"/cases/{target.Case}" };
                        await Timed($"GET page", async () =>
                        {
                            using var response = await http.GetAsync(path);
                            await response.Content.ReadAsByteArrayAsync();
                            return response.StatusCode;
                        }, status => status == HttpStatusCode.OK);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or WebSocketException or IOException)
                {
                    // counted as an error sample by Timed (a dead hub connection shows in the hub count at the end)
                }
            }
            return await listening;
        })).ToList();

        // Every "figures" push the client receives until the run ends; true when the connection was still open then.
        async Task<bool> CountPushesAsync(DashboardHubClient hub, int u)
        {
            try
            {
                while (true)
                {
                    var push = await hub.WaitForPushAsync(ct: stop.Token);
                    Interlocked.Increment(ref pushes[u]);
                    if (push.Payload.TryGetProperty("committedAtUtc", out var committed))
                    {
                        var delay = (push.ReceivedAtUtc - DateTime.SpecifyKind(committed.GetDateTime(), DateTimeKind.Utc)).TotalMilliseconds;
                        samples.Enqueue(new Sample("hub push (commit → client)", delay, true, clock.Elapsed));
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return true;
            }
            catch (InvalidOperationException closed)
            {
                Console.Error.WriteLine($"  hub client {u} lost its connection at {(clock.Elapsed - runStart).TotalSeconds:F0} s: {closed.Message}");
                return false;
            }
        }

        await Task.Delay(duration);
        await stop.CancelAsync();
        var hubsOpen = (await Task.WhenAll(userTasks)).Count(open => open);
        await monitor;
        var elapsed = clock.Elapsed - runStart;
        foreach (var client in clients) client.Http.Dispose();

        var report = Report(samples.ToList(), runStart, elapsed, users, hubsOpen, pushes, memory.ToList(), load.ToList(), duration);
        Console.WriteLine(report);
        if (outFile is not null)
        {
            await File.WriteAllTextAsync(outFile, report);
            Console.WriteLine($"written to {outFile}");
        }
        return 0;
    }

    private static async Task<(HttpClient, CookieContainer)> SignInAsync(Uri baseAddress, string user,
        Func<string, Func<Task<HttpResponseMessage>>, Func<HttpResponseMessage, bool>, Task<HttpResponseMessage>> timed)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60),
        };
        var page = await (await http.GetAsync("/account/login")).Content.ReadAsStringAsync();
        var token = Regex.Match(page, @"name=""__RequestVerificationToken""[^>]*value=""([^""]+)""").Groups[1].Value;
        using var signedIn = await timed("sign-in", () => http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["Input.UserName"] = user, ["Input.Password"] = Password,
        })), r => r.StatusCode == HttpStatusCode.Redirect);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"{user} could not sign in: HTTP {(int)signedIn.StatusCode}");
        var antiforgery = await http.GetFromJsonAsync<JsonElement>("/api/antiforgery");
        http.DefaultRequestHeaders.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
        return (http, cookies);
    }

    /// <summary>A SignalR connection to the dashboard hub that watches the department's figures for a window (1-3).</summary>
    private static async Task<DashboardHubClient?> OpenDashboardHubAsync(Uri baseAddress, CookieContainer cookies, int window,
        Func<string, Func<Task<DashboardHubClient>>, Func<DashboardHubClient, bool>, Task<DashboardHubClient>> timed)
    {
        DashboardHubClient? hub = null;
        try
        {
            hub = await timed("hub connect", () => DashboardHubClient.ConnectAsync(baseAddress, cookies), _ => true);
            await timed("hub watch", async () =>
            {
                await hub.WatchAsync("department", window, 0L);
                return hub;
            }, _ => true);
            return hub;
        }
        catch (Exception e) when (e is HttpRequestException or Microsoft.AspNetCore.SignalR.HubException or InvalidOperationException
            or WebSocketException or TaskCanceledException or IOException)
        {
            Console.Error.WriteLine($"  dashboard hub: {e.Message}");
            if (hub is not null)
                await hub.DisposeAsync();
            return null;
        }
    }

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static string Report(List<Sample> samples, TimeSpan runStart, TimeSpan elapsed, int users, int hubsOpen, int[] pushes,
        List<(TimeSpan At, double RssMiB)> memory, List<(TimeSpan At, string Avg)> load, TimeSpan duration)
    {
        var text = new StringBuilder();
        text.AppendLine($"### Load: {users} users, {duration.TotalMinutes:0.##} min ({TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores)");
        text.AppendLine();
        text.AppendLine("| kind | requests | errors | error rate | p50 ms | p95 ms | p99 ms | max ms | per s |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var inRun = samples.Where(s => s.At >= runStart || s.Kind is "sign-in" or "hub connect" or "hub watch").ToList();
        foreach (var group in inRun.GroupBy(s => s.Kind).OrderBy(g => g.Key))
            text.AppendLine(Row(group.Key, group.ToList(), elapsed));
        var traffic = inRun.Where(s => s.At >= runStart && s.Kind is "GET page" or "POST /api/contacts").ToList();
        text.AppendLine(Row("**all user requests**", traffic, elapsed));
        text.AppendLine();
        var sorted = pushes.Order().ToArray();
        text.AppendLine($"Dashboard hub (/hubs/dashboard, as {HubAccount}, watching the department): {hubsOpen} of {users} connections open at the end; " +
            $"figures pushes received: {pushes.Sum()} in all, per connection min {sorted[0]}, median {sorted[sorted.Length / 2]}, max {sorted[^1]}.");
        if (memory.Count > 0)
        {
            text.AppendLine($"Server memory (VmRSS): start {memory.First().RssMiB:F0} MiB, max {memory.Max(m => m.RssMiB):F0} MiB, end {memory.Last().RssMiB:F0} MiB; every minute: " +
                string.Join(", ", memory.GroupBy(m => (int)m.At.TotalMinutes).Select(g => $"{g.Key} min {g.Last().RssMiB:F0}")));
        }
        if (load.Count > 0)
            text.AppendLine($"Load average (1/5/15 min) during the run: " + string.Join("; ", load.Where((_, i) => i % 2 == 1 || load.Count < 4).Select(l => $"{l.At.TotalSeconds:0} s: {l.Avg}")));
        return text.ToString();
    }

    private static string Row(string kind, List<Sample> rows, TimeSpan elapsed)
    {
        var errors = rows.Count(s => !s.Ok);
        var ms = rows.Select(s => s.Ms).ToList();
        return $"| {kind} | {rows.Count} | {errors} | {(rows.Count == 0 ? 0 : 100.0 * errors / rows.Count):F2} % | {Percentile(ms, 0.5):F0} | {Percentile(ms, 0.95):F0} | " +
            $"{Percentile(ms, 0.99):F0} | {(ms.Count == 0 ? 0 : ms.Max()):F0} | {rows.Count / elapsed.TotalSeconds:F1} |";
    }
}
