using Xunit.Abstractions;
using Microsoft.Playwright;

namespace CaseDesk.Tests.Browser;

/// <summary>
/// One app process and one headless Debian Chromium per test collection. When Chromium is
/// missing nothing is started; each test then skips (or fails) through <see cref="BrowserRequirement.Check"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DemoPassword = "CaseDesk2026";

    internal static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;
    private AppProcess? app;

    public AppProcess App => app ?? throw new InvalidOperationException("The app was not started (Chromium missing?).");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("Chromium was not launched.");

    public async Task InitializeAsync()
    {
        if (!BrowserRequirement.IsAvailable)
            return;
        // Generous for a 2-core CI machine; a failing expectation still fails, only later.
        Assertions.SetDefaultExpectTimeout(15_000);
        try
        {
            app = new AppProcess();
            await app.StartAsync();
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = BrowserRequirement.ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
            });
        }
        catch (Exception)
        {
            await DisposeAsync(); // no orphaned app process when Chromium fails to launch
            throw;
        }
    }

    /// <summary>A fresh browser context (own cookies) on the app, not signed in.</summary>
    public async Task<BrowserSession> NewSessionAsync(ITestOutputHelper? log = null)
    {
        BrowserRequirement.Check();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            Locale = "lt-LT",
            TimezoneId = "Europe/Vilnius",
            ViewportSize = new ViewportSize { Width = 1366, Height = 850 },
        });
        context.SetDefaultTimeout(20_000);
        await context.AddInitScriptAsync(BrowserSession.CspReporter);
        return new BrowserSession(context, await context.NewPageAsync(), log);
    }

    /// <summary>A fresh context signed in as a demo user, on the home page with the circuit live.</summary>
    public async Task<BrowserSession> SignInAsync(string userName, ITestOutputHelper? log = null, string? returnUrl = null)
    {
        var session = await NewSessionAsync(log);
        await session.SignInAsync(userName, returnUrl: returnUrl);
        return session;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
            await browser.CloseAsync();
        browser = null;
        playwright?.Dispose();
        playwright = null;
        if (app is not null)
            await app.DisposeAsync();
        app = null;
    }
}

/// <summary>Shares one app between the browser tests that leave it running.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>Tests that kill and restart their app get their own, and run alone (nothing else is timing-sensitive meanwhile).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserRestartCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser (app restarts)";
}
