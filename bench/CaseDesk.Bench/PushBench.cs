using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CaseDesk.App.Hosting;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseDesk.Bench;

/// <summary>
/// Issue 6: time from a commit to its figures arriving at N hub clients. The app is hosted in this process on
/// a real Kestrel port (the same AddCaseDesk/UseCaseDesk as Program.cs, on the benchmark database); N .NET
/// SignalR clients (DashboardHubClient) connect to /hubs/dashboard as a signed-in head and watch the
/// department's 30-day figures. Changes are committed through the app's own sender (a phone message taken,
/// which starts a call-back clock and so moves "open now"); every push carries the commit time, and each client
/// records receive time minus commit time on the same clock.
/// </summary>
internal static class PushBench
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

        var cookies = await DashboardHubClient.SignInAsync(baseUri, "head", DatabaseInitializer.DemoPassword);

        var latencies = new ConcurrentBag<double>();
        var received = new int[clients];
        using var stop = new CancellationTokenSource();
        var connect = Stopwatch.StartNew();
        var connections = new List<DashboardHubClient>();
        for (var i = 0; i < clients; i++)
            connections.Add(await DashboardHubClient.ConnectAsync(baseUri, cookies));
        await Task.WhenAll(connections.Select(c => c.WatchAsync("department", 3, 0L)));
        connect.Stop();
        Console.WriteLine($"  {clients} hub clients connected and watching in {connect.Elapsed.TotalSeconds:F1} s");
        var listeners = connections.Select((c, index) => ListenAsync(c, push =>
        {
            latencies.Add((push.ReceivedAtUtc - push.CommittedAtUtc).TotalMilliseconds);
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

    /// <summary>Every "figures" push until the run ends, with its commit time (UTC) as the push carries it.</summary>
    private static async Task ListenAsync(DashboardHubClient hub, Action<(DateTime ReceivedAtUtc, DateTime CommittedAtUtc)> onFigures, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                var push = await hub.WaitForPushAsync(ct: ct);
                var committed = push.Payload.GetProperty("committedAtUtc").GetDateTime();
                onFigures((push.ReceivedAtUtc, DateTime.SpecifyKind(committed, DateTimeKind.Utc)));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The run is over.
        }
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
}
