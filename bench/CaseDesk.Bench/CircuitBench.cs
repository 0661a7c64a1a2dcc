using System.Net;
using System.Net.Sockets;
using System.Text;
using CaseDesk.App.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CaseDesk.Bench;

/// <summary>
/// Server memory per open circuit (issue 6: the dashboard; issue 15: My work and any page). The app is hosted in this process (as in <see cref="PushBench"/>);
/// Debian Chromium (Playwright) signs in as a demo user and opens the page in N tabs, each its own Blazor
/// circuit. The managed heap after a full collection, and the process's resident memory, are read before and after;
/// the difference divided by N is the cost of one open tab of that page.
/// </summary>
internal static class CircuitBench
{
    public static async Task<int> RunAsync(string database, int circuits, string path, string user, string? outFile)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ApplicationName = "CaseDesk.App", ContentRootPath = PushBench.FindAppFolder() });
        builder.Configuration["ConnectionStrings:CaseDesk"] = $"Data Source={database}";
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.AddCaseDesk();
        await using var app = builder.Build();
        await app.PrepareDatabaseAsync();
        app.UseCaseDesk();
        await app.StartAsync();
        var baseUrl = $"http://127.0.0.1:{port}/";

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true });
        var context = await browser.NewContextAsync(new() { BaseURL = baseUrl });
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync("account/login");
        await signIn.Locator("input[name='Input.UserName']").FillAsync(user);
        await signIn.Locator("input[name='Input.Password']").FillAsync(Domain.Data.DatabaseInitializer.DemoPassword);
        await signIn.Locator("button[type=submit]").ClickAsync();
        await signIn.WaitForURLAsync(url => !url.Contains("login"));

        // One tab first, so the code paths, caches and the tallies are warm before the baseline.
        await OpenAsync(signIn, path);
        var (heapBefore, rssBefore) = Memory();
        var pages = new List<IPage>();
        for (var i = 0; i < circuits; i++)
        {
            var page = await context.NewPageAsync();
            await OpenAsync(page, path);
            pages.Add(page);
        }
        var (heapAfter, rssAfter) = Memory();
        foreach (var page in pages) await page.CloseAsync();

        var summary = new StringBuilder()
            .AppendLine($"## Server memory per open circuit: /{path} as {user}").AppendLine()
            .AppendLine($"- {circuits} tabs of /{path} open in Chromium tabs (one Blazor circuit each), app hosted in the benchmark process on {Path.GetFileName(database)}")
            .AppendLine($"- managed heap after a full GC: {heapBefore / 1048576.0:F1} → {heapAfter / 1048576.0:F1} MiB, " +
                $"**{(heapAfter - heapBefore) / 1024.0 / circuits:F0} KiB per circuit**")
            .AppendLine($"- resident set: {rssBefore / 1048576.0:F1} → {rssAfter / 1048576.0:F1} MiB, {(rssAfter - rssBefore) / 1024.0 / circuits:F0} KiB per circuit")
            .ToString();
        Console.WriteLine(summary);
        if (outFile is not null) await File.AppendAllTextAsync(outFile, summary);
        await app.StopAsync();
        return 0;
    }

    /// <summary>Opens the page and waits until its circuit rendered it and its first data arrived (nothing loading).</summary>
    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("main[data-interactive=true] h1").First.WaitForAsync(new() { Timeout = 60_000 });
        if (path == "dashboard")
            await page.Locator("[data-testid=dashboard-updated]").WaitForAsync(new() { Timeout = 60_000 });
        await page.GetByRole(AriaRole.Progressbar).First.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 30_000 });
    }

    private static (long Heap, long Resident) Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var rss = File.ReadAllLines("/proc/self/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024).FirstOrDefault();
        return (heap, rss);
    }
}
