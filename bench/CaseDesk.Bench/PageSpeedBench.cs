using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseDesk.Bench;

/// <summary>
/// Issues 15 and 16: how fast each screen becomes usable, measured in Debian Chromium against a running app (any branch:
/// only the shell's contract is used: the sign-in form's #username/#password, main[data-interactive=true], an h1, and the
/// navigation's links). "Ready" is the moment main says the circuit rendered it and the page's h1 is visible.
/// Cold: a new tab of a signed-in browser navigates to the page. In-app: a click on the page's link in the navigation.
/// Memory: the app process's resident set before and after K more signed-in tabs (one circuit each), divided by K.
/// </summary>
internal static class PageSpeedBench
{
    private const string Usage = """
        pages --url URL [--db PATH] [--pid PID] [--runs 20] [--circuits 20] [--memory-only] [--out FILE]
            Times every screen (issues 15 and 16) in Chromium against the app at URL (started separately, e.g.
            dotnet run --project CaseDesk.App --urls URL on the demo database): cold (new tab, signed in) and in-app
            (a click on its navigation link), median and p95 over --runs; then opens --circuits more signed-in tabs and
            reports the app's resident memory per circuit (PID: the app process, found by its port when omitted).
            --db: the app's database file, to find a letter to print (the pages do not link one from a list).
        """;

    private sealed record Screen(string Name, string User, string Path, bool InNavigation);

    private static readonly Screen[] Screens =
    [
        new("My work", "caseworker", "", true),
        new("Front desk", "reception", "front-desk", true),
        new("Clients", "caseworker", "clients", true),
        new("Client card", "caseworker", "clients/{client}", false),
        new("New client", "caseworker", "clients/new", false),
        new("Cases", "caseworker", "cases", true),
        new("Case page", "caseworker", "cases/{case}", false),
        new("Phone messages", "reception", "phone-messages", true),
        new("E-mails", "reception", "emails", true),
        new("Visit calendar", "caseworker", "visits", true),
        new("Service standard", "caseworker", "standard", true),
        new("My settings", "caseworker", "settings/me", true),
        new("Letter print", "caseworker", "letters/{letter}/print", false),
        // Part 2 (issue 16)
        new("E-mail", "reception", "emails/{email}", false),
        new("Subject access report", "caseworker", "clients/{client}/subject-access", false),
        new("Complaints", "quality", "complaints", true),
        new("Complaint page", "quality", "complaints/{complaint}", false),
        new("Officer's desk", "quality", "complaints/desk", true),
        new("Complaint analysis", "head", "complaints/analysis", true),
        new("Review of the standard", "head", "complaints/review", true),
        new("Dashboard", "head", "dashboard", true),
        new("Dashboard details", "head", "dashboard/details?scope=department&window=7d&detail=FinishedClocks", false),
        new("Wallboard", "head", "wallboard", false),
        new("Record an incident", "caseworker", "incidents/new", true),
        new("Incidents for training", "quality", "incidents", true),
        new("Incident review", "quality", "incidents/{incident}", false),
        new("Training library", "trainer", "training", true),
        new("Session pack", "trainer", "training/packs/{pack}", false),
        new("Session pack print", "trainer", "training/packs/{pack}/print", false),
        new("Erasure requests", "head", "privacy/erasure", true),
        new("Retention of personal data", "admin", "privacy/retention", true),
        new("Users", "admin", "admin/users", true),
        new("Audit log", "admin", "admin/audit", true),
        new("Commitment targets", "admin", "settings/targets", true),
        new("Working calendar", "admin", "settings/calendar", true),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        string? url = null, outFile = null, database = null;
        int? pid = null;
        int runs = 20, circuits = 20;
        var memoryOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--url": url = Value().TrimEnd('/') + "/"; break;
                case "--pid": pid = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--runs": runs = Math.Max(1, int.Parse(Value(), CultureInfo.InvariantCulture)); break;
                case "--circuits": circuits = Math.Max(1, int.Parse(Value(), CultureInfo.InvariantCulture)); break;
                case "--out": outFile = Value(); break;
                case "--db": database = Value(); break;
                case "--memory-only": memoryOnly = true; break;
                default: Console.Error.WriteLine($"Unknown option {args[i]}.\n{Usage}"); return 2;
            }
        }
        if (url is null) { Console.Error.WriteLine(Usage); return 2; }
        pid ??= ProcessListeningOn(new Uri(url).Port);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var contexts = new Dictionary<string, IBrowserContext>();
        async Task<IBrowserContext> SignedIn(string user)
        {
            if (contexts.TryGetValue(user, out var known)) return known;
            var context = await browser.NewContextAsync(new() { BaseURL = url, Locale = "lt-LT", ViewportSize = new() { Width = 1366, Height = 850 } });
            var page = await context.NewPageAsync();
            // Straight to a page every role has: a role's landing page may not exist on every branch (the front desk).
            await page.GotoAsync("account/login?ReturnUrl=%2Fstandard");
            await page.Locator("#username").FillAsync(user);
            await page.Locator("#password").FillAsync(Domain.Data.DatabaseInitializer.DemoPassword);
            await page.Locator("form button[type=submit]").ClickAsync();
            await page.Locator("main[data-interactive=true]").WaitForAsync(new() { Timeout = 60_000 });
            await page.CloseAsync();
            return contexts[user] = context;
        }

        if (memoryOnly)
        {
            var only = await MemoryPerCircuitAsync(await SignedIn("caseworker"), pid, circuits);
            Console.WriteLine(only);
            if (outFile is not null) await File.AppendAllTextAsync(outFile, only + "\n");
            return 0;
        }
        var ids = await IdsAsync(await SignedIn("caseworker"));
        var records = database is null ? new Dictionary<string, string>() : await FirstRecordsAsync(database);
        if (ids.Letter.StartsWith('{') && records.TryGetValue("{letter}", out var letter))
            ids = ids with { Letter = letter };
        var rows = new List<(string Name, string Cold, string InApp)>();
        foreach (var screen in Screens)
        {
            var path = screen.Path.Replace("{client}", ids.Client).Replace("{case}", ids.Case).Replace("{letter}", ids.Letter);
            foreach (var (key, id) in records) path = path.Replace(key, id);
            if (path.Contains('{')) { rows.Add((screen.Name, "no record to open", "")); continue; }
            var context = await SignedIn(screen.User);
            var cold = new List<double>();
            string? failure = null;
            for (var run = 0; run <= runs && failure is null; run++)
            {
                var page = await context.NewPageAsync();
                var clock = Stopwatch.StartNew();
                var response = await TryGotoAsync(page, path);
                if (response is null or { Status: 404 } || await ReadyAsync(page) is false)
                    failure = response is null or { Status: 404 } ? "no such page on this branch" : "not ready within 30 s";
                else if (run > 0) cold.Add(clock.Elapsed.TotalMilliseconds); // run 0 warms the server's code paths
                await page.CloseAsync();
            }
            var inApp = new List<double>();
            if (failure is null && screen.InNavigation)
            {
                var page = await context.NewPageAsync();
                var other = screen.Path == "standard" ? "" : "standard";
                for (var run = 0; run <= runs; run++)
                {
                    await page.GotoAsync(other);
                    await ReadyAsync(page);
                    var link = page.Locator($"nav a[href='{path}']").First;
                    var clock = Stopwatch.StartNew();
                    await link.ClickAsync();
                    await page.WaitForFunctionAsync(
                        "p => location.pathname === '/' + p.split('?')[0] && document.querySelector('main[data-interactive=true] h1') && [...document.querySelectorAll('main h1')].some(h => h.offsetParent !== null)",
                        path, new() { PollingInterval = 5, Timeout = 30_000 });
                    if (run > 0) inApp.Add(clock.Elapsed.TotalMilliseconds);
                }
                await page.CloseAsync();
            }
            rows.Add((screen.Name, failure ?? Figures(cold), inApp.Count > 0 ? Figures(inApp) : ""));
            Console.WriteLine($"{screen.Name}: cold {rows[^1].Cold}; in-app {rows[^1].InApp}");
        }

        var memory = await MemoryPerCircuitAsync(await SignedIn("caseworker"), pid, circuits);
        var table = new StringBuilder()
            .AppendLine($"Against {url}, {runs} runs per figure (after one warm-up), Chromium headless 1366x850, lt-LT.").AppendLine()
            .AppendLine("| screen | cold median / p95 (ms) | in-app median / p95 (ms) |")
            .AppendLine("|---|---|---|");
        foreach (var row in rows) table.AppendLine($"| {row.Name} | {row.Cold} | {(row.InApp.Length > 0 ? row.InApp : "-")} |");
        table.AppendLine().AppendLine(memory);
        Console.WriteLine(table);
        if (outFile is not null) await File.AppendAllTextAsync(outFile, table.ToString());
        foreach (var context in contexts.Values) await context.CloseAsync();
        return 0;
    }

    /// <summary>Null when the server answers a missing route with an empty 404 (Chromium then refuses the navigation).</summary>
    private static async Task<IResponse?> TryGotoAsync(IPage page, string path)
    {
        try
        {
            return await page.GotoAsync(path);
        }
        catch (PlaywrightException e) when (e.Message.Contains("ERR_HTTP_RESPONSE_CODE_FAILURE", StringComparison.Ordinal))
        {
            return null;
        }
    }

    private static async Task<bool> ReadyAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "() => document.querySelector('main[data-interactive=true]') && [...document.querySelectorAll('main h1')].some(h => h.offsetParent !== null)",
                null, new() { PollingInterval = 5, Timeout = 30_000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static string Figures(List<double> times)
    {
        if (times.Count == 0) return "-";
        times.Sort();
        double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        return $"{At(0.5):F0} / {At(0.95):F0}";
    }

    /// <summary>A client, one of its cases and a letter the demo caseworker can open, read from the pages themselves.</summary>
    private static async Task<(string Client, string Case, string Letter)> IdsAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("cases");
        await ReadyAsync(page);
        var caseHref = await FirstHrefAsync(page, "main a[href^='cases/']");
        string? clientHref = null, letterHref = null;
        if (caseHref is not null)
        {
            await page.GotoAsync(caseHref);
            await ReadyAsync(page);
            clientHref = await FirstHrefAsync(page, "main a[href^='clients/']");
        }
        await page.GotoAsync("");
        await ReadyAsync(page);
        letterHref = await FirstHrefAsync(page, "a[href*='letters/'][href$='/print']");
        await page.CloseAsync();
        static string Id(string? href, string prefix) => href is null ? "{none}" : href.Split('/')[1];
        return (Id(clientHref, "clients"), Id(caseHref, "cases"), letterHref is null ? "{none}" : letterHref.Split('/')[1]);
    }

    /// <summary>A record of each kind the pages open that no list links (the demo data has one of each), read from the app's database.</summary>
    private static async Task<Dictionary<string, string>> FirstRecordsAsync(string database)
    {
        await using var services = BenchHost.Build(database);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Domain.Data.CaseDeskDb>();
        var found = new Dictionary<string, string>();
        void Add(string key, Guid? id) { if (id is { } value) found[key] = value.ToString(); }
        Add("{letter}", await db.InformationLetters.Select(l => (Guid?)l.Id).FirstOrDefaultAsync());
        Add("{complaint}", await db.Complaints.Select(c => (Guid?)c.Id).FirstOrDefaultAsync());
        Add("{email}", await db.EmailEnquiries.Select(e => (Guid?)e.Id).FirstOrDefaultAsync());
        Add("{incident}", await db.Incidents.Select(i => (Guid?)i.Id).FirstOrDefaultAsync());
        Add("{pack}", await db.SessionPacks.Select(p => (Guid?)p.Id).FirstOrDefaultAsync());
        return found;
    }

    private static async Task<string?> FirstHrefAsync(IPage page, string selector)
    {
        try
        {
            await page.Locator(selector).First.WaitForAsync(new() { Timeout = 10_000 });
            return (await page.Locator(selector).First.GetAttributeAsync("href"))?.TrimStart('/');
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private static async Task<string> MemoryPerCircuitAsync(IBrowserContext context, int? pid, int circuits)
    {
        if (pid is null) return "Memory: the app's process was not found (give --pid).";
        // Warm first (code paths, caches, the first circuits' one-off allocations), so the baseline is a running app.
        for (var i = 0; i < 5; i++)
        {
            var warm = await context.NewPageAsync();
            await warm.GotoAsync("");
            await ReadyAsync(warm);
            await warm.CloseAsync();
        }
        await Task.Delay(3000);
        var before = Resident(pid.Value);
        var pages = new List<IPage>();
        for (var i = 0; i < circuits; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("");
            await ReadyAsync(page);
            pages.Add(page);
        }
        await Task.Delay(5000); // let the server's allocations settle
        var after = Resident(pid.Value);
        foreach (var page in pages) await page.CloseAsync();
        return $"Memory: {circuits} more signed-in tabs on My work (one circuit each): app resident set {before / 1048576.0:F1} → {after / 1048576.0:F1} MiB, " +
            $"**{(after - before) / 1024.0 / circuits:F0} KiB per circuit** (pid {pid}).";
    }

    private static long Resident(int pid) =>
        File.ReadAllLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024).First();

    /// <summary>The process that listens on the port (from /proc/net/tcp and the processes' socket links).</summary>
    private static int? ProcessListeningOn(int port)
    {
        var hex = port.ToString("X4", CultureInfo.InvariantCulture);
        var inodes = new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists).SelectMany(File.ReadAllLines).Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length > 9 && f[1].EndsWith(":" + hex, StringComparison.Ordinal) && f[3] == "0A")
            .Select(f => f[9]).ToHashSet();
        foreach (var dir in Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                if (Directory.GetFiles(Path.Combine(dir, "fd")).Any(fd => inodes.Any(i => new FileInfo(fd).LinkTarget == $"socket:[{i}]")))
                    return int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                // Another user's process, or one that just ended: not the app.
            }
        }
        return null;
    }
}
