using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseDesk.App.Hosting;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.PhoneMessages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseDesk.Bench;

/// <summary>
/// Issue 6: time from a commit to its figures arriving at N hub clients. The app is hosted in this process on
/// a real Kestrel port (the same AddCaseDesk/UseCaseDesk as Program.cs, on the benchmark database); N raw
/// WebSocket clients speak the SignalR JSON protocol to /hubs/dashboard as a signed-in head and watch the
/// department's 30-day figures. Changes are committed through the app's own sender (a phone message taken,
/// which starts a call-back clock and so moves "open now"); every push carries the commit time, and each client
/// records receive time minus commit time on the same clock.
/// </summary>
internal static partial class PushBench
{
    public static async Task<int> RunAsync(string database, int clients, int changes, string? outFile)
    {
        var port = FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            ApplicationName = "CaseDesk.App",
            ContentRootPath = FindAppFolder(),
        });
        builder.Configuration["ConnectionStrings:CaseDesk"] = $"Data Source={database}";
        builder.Configuration["Demo:Seed"] = "false";
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.AddCaseDesk();
        await using var app = builder.Build();
        await app.PrepareDatabaseAsync();
        app.UseCaseDesk();
        await app.StartAsync();
        var baseUri = new Uri($"http://127.0.0.1:{port}/");
        Console.WriteLine($"  app hosted at {baseUri} on {Path.GetFileName(database)}");

        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseUri };
        await SignInAsync(http, "head");

        var latencies = new ConcurrentBag<double>();
        var received = new int[clients];
        using var stop = new CancellationTokenSource();
        var connect = Stopwatch.StartNew();
        var connections = new List<HubClient>();
        for (var i = 0; i < clients; i++)
            connections.Add(await HubClient.ConnectAsync(baseUri, cookies));
        await Task.WhenAll(connections.Select(c => c.WatchAsync("department", 3)));
        connect.Stop();
        Console.WriteLine($"  {clients} hub clients connected and watching in {connect.Elapsed.TotalSeconds:F1} s");
        var listeners = connections.Select((c, index) => c.ListenAsync(push =>
        {
            latencies.Add((DateTime.UtcNow - push).TotalMilliseconds);
            Interlocked.Increment(ref received[index]);
        }, stop.Token)).ToList();

        var sender = app.Services.GetRequiredService<ICaseDeskSender>();
        var (reception, caseworker) = await CallersAsync(app.Services);
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < changes + 5; i++)
        {
            if (i == 5) latencies.Clear();
            await sender.Send(new TakePhoneMessage(DateTime.UtcNow, "Ona", null, null, "+370 600 00001", "Prašo paskambinti", caseworker), reception);
            await Task.Delay(250); // one push at a time, so each latency belongs to one commit
        }
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (latencies.Count < clients * changes && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        await stop.CancelAsync();

        var s = Stats.Of(latencies.ToList());
        var expected = clients * changes;
        var summary = new StringBuilder()
            .AppendLine("## Commit to push at the hub clients (issue 6)").AppendLine()
            .AppendLine($"- {Environment.ProcessorCount} cores, load average {LoadAverage()}; database {Path.GetFileName(database)} " +
                $"({await CountAsync(app.Services)}); {clients} hub clients, {changes} commits 250 ms apart")
            .AppendLine($"- pushes received {latencies.Count:N0} of {expected:N0}; commit → received: median **{s.Median:F1} ms**, p95 **{s.P95:F1} ms**, " +
                $"p99 {s.P99:F1} ms, max {s.Max:F1} ms (targets: median < 200 ms, p95 < 1 s)")
            .AppendLine($"- managed heap with {clients} hub connections: {memoryBefore / 1024.0 / 1024.0:F1} MiB")
            .ToString();
        Console.WriteLine(summary);
        if (outFile is not null) await File.AppendAllTextAsync(outFile, summary);
        foreach (var c in connections) await c.DisposeAsync();
        await app.StopAsync();
        return latencies.Count >= expected * 0.99 && s.Median < 200 && s.P95 < 1000 ? 0 : 1;
    }

    private static async Task<string> CountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
        return $"{await db.Contacts.LongCountAsync():N0} contacts, {await db.ResponseClocks.LongCountAsync():N0} clocks";
    }

    private static async Task<(Caller Reception, string Caseworker)> CallersAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
        var reception = await db.Users.SingleAsync(u => u.UserName == "reception");
        var caseworker = await db.Users.SingleAsync(u => u.UserName == "caseworker");
        return (new Caller(reception.Id, "reception", new HashSet<string> { Roles.Reception }), caseworker.Id);
    }

    public static async Task SignInAsync(HttpClient http, string userName)
    {
        var page = await http.GetStringAsync("account/login");
        var token = TokenInput().Match(page).Groups[1].Value;
        using var response = await http.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.UserName"] = userName,
            ["Input.Password"] = DatabaseInitializer.DemoPassword,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("login") == true)
            throw new InvalidOperationException($"Signing in as {userName} failed: {(int)response.StatusCode} {response.Headers.Location}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string FindAppFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CaseDesk.sln")))
                return Path.Combine(dir.FullName, "CaseDesk.App");
        throw new InvalidOperationException("CaseDesk.sln not found above " + AppContext.BaseDirectory);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>A minimal SignalR client: negotiate, WebSocket, JSON protocol handshake, Watch, then "figures" pushes.</summary>
    private sealed class HubClient : IAsyncDisposable
    {
        private const char RecordSeparator = '\u001e';
        private readonly ClientWebSocket socket = new();
        private readonly StringBuilder pending = new();
        private readonly SemaphoreSlim sending = new(1, 1);

        public static async Task<HubClient> ConnectAsync(Uri baseUri, CookieContainer cookies)
        {
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = baseUri };
            using var negotiate = await http.PostAsync("hubs/dashboard/negotiate?negotiateVersion=1", null);
            negotiate.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync());
            var token = json.RootElement.GetProperty("connectionToken").GetString();
            var client = new HubClient();
            client.socket.Options.Cookies = cookies;
            await client.socket.ConnectAsync(new Uri($"ws://{baseUri.Authority}/hubs/dashboard?id={Uri.EscapeDataString(token!)}"), default);
            await client.SendAsync("{\"protocol\":\"json\",\"version\":1}");
            var handshake = await client.ReceiveAsync(default);
            if (handshake != "{}") throw new InvalidOperationException("Handshake refused: " + handshake);
            return client;
        }

        public async Task WatchAsync(string scope, int window)
        {
            await SendAsync($"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"Watch\",\"arguments\":[\"{scope}\",{window},0]}}");
            while (true)
            {
                var message = await ReceiveAsync(default);
                using var json = JsonDocument.Parse(message);
                if (json.RootElement.GetProperty("type").GetInt32() != 3) continue;
                if (json.RootElement.TryGetProperty("error", out var error)) throw new InvalidOperationException("Watch refused: " + error);
                return;
            }
        }

        public async Task ListenAsync(Action<DateTime> onFigures, CancellationToken ct)
        {
            var lastPing = Stopwatch.StartNew();
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    if (lastPing.Elapsed > TimeSpan.FromSeconds(10))
                    {
                        await SendAsync("{\"type\":6}");
                        lastPing.Restart();
                    }
                    var message = await ReceiveAsync(ct);
                    if (!message.Contains("\"target\":\"figures\"", StringComparison.Ordinal)) continue;
                    using var json = JsonDocument.Parse(message);
                    var committed = json.RootElement.GetProperty("arguments")[0].GetProperty("committedAtUtc").GetDateTime();
                    onFigures(DateTime.SpecifyKind(committed, DateTimeKind.Utc));
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The run is over.
            }
        }

        private async Task SendAsync(string record)
        {
            await sending.WaitAsync();
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(record + RecordSeparator), WebSocketMessageType.Text, true, default);
            }
            finally
            {
                sending.Release();
            }
        }

        private async Task<string> ReceiveAsync(CancellationToken ct)
        {
            var buffer = new byte[64 * 1024];
            while (true)
            {
                var text = pending.ToString();
                var end = text.IndexOf(RecordSeparator);
                if (end >= 0)
                {
                    pending.Remove(0, end + 1);
                    return text[..end];
                }
                var result = await socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("The hub closed the connection.");
                pending.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (socket.State == WebSocketState.Open)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, default);
            socket.Dispose();
        }
    }
}
