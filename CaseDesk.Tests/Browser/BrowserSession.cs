using Xunit.Abstractions;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseDesk.Tests.Browser;

/// <summary>
/// One browser context and its page, with what the page reported (uncaught errors, console errors, Content
/// Security Policy violations). A CSP violation fails the test when the session is disposed, so every browser
/// test also proves the app's CSP does not block anything the app needs.
/// </summary>
public sealed partial class BrowserSession : IAsyncDisposable
{
    private readonly ITestOutputHelper? log;
    private readonly ConcurrentQueue<string> pageErrors = new();
    private readonly ConcurrentQueue<string> consoleErrors = new();
    private readonly ConcurrentQueue<string> cspViolations = new();

    /// <summary>Reports every CSP violation on the console; added through the DevTools protocol, so the CSP does not block it.</summary>
    internal const string CspReporter =
        "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    internal BrowserSession(IBrowserContext context, IPage page, ITestOutputHelper? log)
    {
        Context = context;
        Page = page;
        this.log = log;
        page.PageError += (_, error) => pageErrors.Enqueue(error);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.StartsWith("CSP violation", StringComparison.Ordinal))
                cspViolations.Enqueue(message.Text);
            if (message.Type == "error")
                consoleErrors.Enqueue(message.Text);
        };
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    /// <summary>Uncaught exceptions in the page's scripts.</summary>
    public IReadOnlyCollection<string> PageErrors => pageErrors;

    /// <summary>console.error lines (Blazor logs circuit failures here).</summary>
    public IReadOnlyCollection<string> ConsoleErrors => consoleErrors;

    /// <summary>What the Content Security Policy blocked on this page so far.</summary>
    public IReadOnlyCollection<string> CspViolations => cspViolations;

    /// <summary>For a test that provokes a violation on purpose: takes the recorded ones so disposing does not fail.</summary>
    public IReadOnlyList<string> TakeCspViolations()
    {
        var taken = new List<string>();
        while (cspViolations.TryDequeue(out var violation))
            taken.Add(violation);
        while (consoleErrors.TryDequeue(out _)) { }
        return taken;
    }

    /// <summary>The entries of the main navigation, by their link role.</summary>
    public ILocator NavItems => Page.GetByRole(AriaRole.Navigation, new() { NameRegex = MainNavigationName }).GetByRole(AriaRole.Link);

    /// <summary>The main navigation's accessible name in either language (the language test switches to English).</summary>
    private static readonly Regex MainNavigationName = new($"^({Regex.Escape(UiText.Lt("Main navigation"))}|Main navigation)$");

    /// <summary>The content area; its data-interactive turns "true" when the circuit has rendered it.</summary>
    public ILocator Main => Page.Locator("main[data-interactive]");

    public ILocator ReconnectModal => Page.Locator("#components-reconnect-modal");

    /// <summary>Fills the static sign-in form and submits it; does not check the outcome.</summary>
    public async Task SubmitSignInAsync(string userName, string password, string? returnUrl = null)
    {
        await Page.GotoAsync(returnUrl is null ? "account/login" : $"account/login?ReturnUrl={Uri.EscapeDataString("/" + returnUrl)}");
        await Page.Locator("#username").FillAsync(userName);
        await Page.Locator("#password").FillAsync(password);
        await Page.Locator("form button[type=submit]").ClickAsync();
    }

    /// <summary>
    /// The signed-in person's full name as the app bar shows it (the drawer repeats it, for narrow screens where the app bar
    /// has no room): the first of the two.
    /// </summary>
    public ILocator UserName => Page.GetByTestId("user-name").First;

    /// <summary>
    /// Signs in as a demo user and waits for the interactive shell on the page the role lands on (Navigation.Landing), or on
    /// <paramref name="returnUrl"/> (an app path such as "phone-messages") when given, as after following a link while signed out.
    /// </summary>
    public async Task SignInAsync(string userName, string password = BrowserFixture.DemoPassword, string? returnUrl = null)
    {
        await SubmitSignInAsync(userName, password, returnUrl);
        await Expect(Page).Not.ToHaveURLAsync(LoginUrl());
        await WaitForCircuitAsync();
        await Expect(Page.GetByTestId("signed-in-user").First).ToBeAttachedAsync();
    }

    /// <summary>Waits until the interactive circuit has rendered the page: clicks before that hit the prerendered HTML and do nothing.</summary>
    public Task WaitForCircuitAsync() =>
        Expect(Main).ToHaveAttributeAsync("data-interactive", "true");

    /// <summary>Full page load of an app path, then waits for the circuit.</summary>
    public async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForCircuitAsync();
    }

    /// <summary>
    /// A full-page PNG of what the person sees at one step, under TestResults/first-hour/&lt;role&gt;/&lt;step&gt;.png at the
    /// repository root, kept as a test artifact so a reviewer can look at every screen of a flow.
    /// </summary>
    public async Task ScreenshotStepAsync(string role, string step)
    {
        var path = Path.Combine(AppProcess.RepositoryRoot, "TestResults", "first-hour", role, step + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Finished transitions: a floating label caught mid-way would look like a label over the text.
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    public async Task SignOutAsync()
    {
        await Page.Locator("form.logout-form button[type=submit]").ClickAsync();
        await Expect(Page).ToHaveURLAsync(LoginUrl());
    }

    public async ValueTask DisposeAsync()
    {
        if (log is not null)
        {
            foreach (var error in pageErrors) log.WriteLine($"[page error] {error}");
            foreach (var error in consoleErrors) log.WriteLine($"[console error] {error}");
        }
        await Context.CloseAsync();
        if (!cspViolations.IsEmpty)
            throw new InvalidOperationException("The Content Security Policy blocked something the page needed:\n" + string.Join("\n", cspViolations));
    }

    [GeneratedRegex(@"^https?://[^/]+/$")]
    public static partial Regex HomeUrl();

    [GeneratedRegex(@"/account/login(\?.*)?$")]
    public static partial Regex LoginUrl();
}
