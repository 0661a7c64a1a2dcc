using System.Text.RegularExpressions;
using CaseDesk.App.Components.Layout;
using Roles = CaseDesk.Domain.Common.Roles;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CaseDesk.Tests.Browser;

/// <summary>Sign-in and the role-filtered shell, in Chromium against the running app.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ShellTests(BrowserFixture fixture, ITestOutputHelper output)
{
    /// <summary>
    /// One demo user per role (caseworker2 is left to the language test). The expected menu is derived from Navigation.Items and the Lithuanian resx; the two booleans
    /// restate the access rules independently, so a wrong Navigation.Items cannot pass unnoticed.
    /// </summary>
    [SkippableTheory]
    [InlineData("reception", Roles.Reception, false, false)]
    [InlineData("caseworker", Roles.Caseworker, false, false)]
    [InlineData("head", Roles.Head, false, false)]
    [InlineData("quality", Roles.QualityOfficer, false, true)]
    [InlineData("trainer", Roles.Trainer, false, false)]
    [InlineData("admin", Roles.Admin, true, true)]
    public async Task Each_demo_role_sees_exactly_its_navigation(string userName, string role, bool seesUsers, bool seesAuditLog)
    {
        await using var session = await fixture.SignInAsync(userName, output);

        var expected = Navigation.Items.Where(item => item.Roles.Contains(role)).Select(item => UiText.Lt(item.Text)).ToArray();
        await Expect(session.NavItems).ToHaveTextAsync(expected);
        await Expect(session.Page.Locator("body")).ToHaveCSSAsync("font-family", new Regex("Roboto")); // the theme's font
        Assert.Contains("Mano darbai", expected);
        Assert.Equal(seesUsers, expected.Contains("Naudotojai"));
        Assert.Equal(seesAuditLog, expected.Contains("Audito žurnalas"));

        // Hiding the link is not the protection: the page itself refuses other roles.
        await session.OpenAsync("admin/users");
        var refusal = session.Page.GetByText(UiText.Lt("Your role does not give access to this page."));
        if (seesUsers)
        {
            await Expect(session.Page.Locator("h1")).ToHaveTextAsync("Naudotojai");
            await Expect(refusal).ToHaveCountAsync(0);
        }
        else
        {
            await Expect(session.Page).ToHaveURLAsync(new Regex(@"/account/access-denied\?ReturnUrl=%2Fadmin%2Fusers$"));
            await Expect(refusal).ToBeVisibleAsync();
            await Expect(session.Page.GetByTestId("users-grid")).ToHaveCountAsync(0);
            await Expect(session.Page.GetByTestId("signed-in-user").First).ToBeVisibleAsync(); // still signed in, not sent to the sign-in form
            await Expect(session.Page.GetByTestId("back-to-my-work")).ToHaveAttributeAsync("href", "/");
        }

        Assert.Empty(session.PageErrors);
        Assert.Empty(session.ConsoleErrors);
    }

    [SkippableFact]
    public async Task Wrong_password_shows_the_error_and_stays_signed_out()
    {
        await using var session = await fixture.NewSessionAsync(output);

        await session.SubmitSignInAsync("trainer", "not-the-password");

        await Expect(session.Page.GetByTestId("login-error")).ToHaveTextAsync(UiText.Lt("Wrong user name or password."));
        await Expect(session.Page.GetByTestId("login-error")).ToContainTextAsync("Neteisingas naudotojo vardas arba slaptažodis");
        await Expect(session.Page).ToHaveURLAsync(BrowserSession.LoginUrl());
        await Expect(session.Page.Locator(".login-card h1")).ToHaveCSSAsync("font-family", new Regex("Roboto")); // theme font, not the browser's serif
        Assert.DoesNotContain(await session.Context.CookiesAsync(), cookie => cookie.Name == "CaseDesk.Auth");

        await session.Page.GotoAsync("/");
        await Expect(session.Page).ToHaveURLAsync(BrowserSession.LoginUrl());
        await Expect(session.Page.Locator("#username")).ToBeVisibleAsync();
        await Expect(session.Page.GetByTestId("user-name")).ToHaveCountAsync(0);
    }

    /// <summary>Every role reaches its own settings from the navigation: who it is, and the language saved on the user.</summary>
    [SkippableFact]
    public async Task My_settings_show_who_is_signed_in_and_save_the_language_for_the_next_sign_in()
    {
        await using (var first = await fixture.SignInAsync("caseworker2", output))
        {
            var page = first.Page;
            await page.Locator("nav a[href='settings/me']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/settings/me$"));
            await first.WaitForCircuitAsync();
            if (await page.Locator("html").GetAttributeAsync("lang") != "lt")
            {
                // Left in English by an earlier run that stopped half-way: start from Lithuanian.
                await page.GetByRole(AriaRole.Radio, new() { Name = "Lietuvių" }).CheckAsync();
                await page.GetByTestId("save-language").ClickAsync();
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "lt");
                await first.WaitForCircuitAsync();
            }
            await Expect(page.Locator("main h1")).ToHaveTextAsync(UiText.Lt("My settings"));
            await Expect(page.GetByTestId("my-roles")).ToHaveTextAsync(UiText.Lt(Roles.Caseworker));
            await Expect(page.GetByTestId("my-email")).ToContainTextAsync("@");
            await Expect(page.GetByTestId("save-language")).ToBeDisabledAsync();

            await page.GetByRole(AriaRole.Radio, new() { Name = "English" }).CheckAsync();
            await page.GetByTestId("save-language").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex(@"/settings/me\?saved=language$"));
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(page.Locator("main h1")).ToHaveTextAsync("My settings");
            await Expect(page.GetByTestId("language-saved")).ToBeVisibleAsync();
            Assert.Empty(first.PageErrors);
        }

        // A new browser has no culture cookie: English comes from the user; switched back here for the other tests.
        await using var second = await fixture.SignInAsync("caseworker2", output);
        await second.OpenAsync("settings/me");
        await Expect(second.Page.Locator("main h1")).ToHaveTextAsync("My settings");
        await second.Page.GetByRole(AriaRole.Radio, new() { Name = "Lietuvių" }).CheckAsync();
        await second.Page.GetByTestId("save-language").ClickAsync();
        await Expect(second.Page.Locator("main h1")).ToHaveTextAsync("Mano nustatymai");
        await Expect(second.Page.Locator("html")).ToHaveAttributeAsync("lang", "lt");
        Assert.Empty(second.PageErrors);
    }

    /// <summary>caseworker2 is used by no other test that expects Lithuanian; it is switched back at the end anyway.</summary>
    [SkippableFact]
    public async Task Chosen_language_is_kept_for_the_user_across_sign_ins()
    {
        var html = (BrowserSession s) => s.Page.Locator("html");

        await using (var first = await fixture.SignInAsync("caseworker2", output))
        {
            await Expect(first.NavItems.First).ToHaveTextAsync("Mano darbai");
            await first.Page.GetByTestId("lang-en").ClickAsync();

            await Expect(first.NavItems.First).ToHaveTextAsync("My work");
            await Expect(html(first)).ToHaveAttributeAsync("lang", "en");
            await Expect(first.Page.GetByTestId("lang-en")).ToHaveAttributeAsync("aria-pressed", "true");
            await first.SignOutAsync();
        }

        // A new context has no culture cookie: English can only come from the user's saved preference.
        await using var second = await fixture.SignInAsync("caseworker2", output);
        await Expect(second.NavItems.First).ToHaveTextAsync("My work");
        await Expect(html(second)).ToHaveAttributeAsync("lang", "en");

        await second.Page.GetByTestId("lang-lt").ClickAsync();
        await Expect(second.NavItems.First).ToHaveTextAsync("Mano darbai");
        await Expect(html(second)).ToHaveAttributeAsync("lang", "lt");
    }

    /// <summary>Every page of the shell: signed-in pages of several roles, and the sign-in form.</summary>
    public static TheoryData<string, string> ShellPages() => new()
    {
        { "caseworker", "" },
        { "caseworker", "cases" },
        { "reception", "phone-messages" },
        { "head", "standard" },
        { "admin", "admin/users" },
    };

    [SkippableTheory]
    [MemberData(nameof(ShellPages))]
    public async Task Tab_from_the_top_reaches_the_skip_link_and_enter_puts_focus_on_the_main_content(string userName, string path)
    {
        await using var session = await fixture.SignInAsync(userName, output, returnUrl: path);
        await session.OpenAsync(path);
        // Where a person starts: the router has put focus on the page's heading once the page is interactive.
        await Expect(session.Page.Locator("main h1").First).ToBeFocusedAsync();

        await session.Page.Keyboard.PressAsync("Tab");

        var skip = session.Page.GetByRole(AriaRole.Link, new() { Name = UiText.Lt("Skip to main content") });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync(); // shown once focused, not left off-screen
        await session.Page.Keyboard.PressAsync("Enter");
        await Expect(session.Page.Locator("main#main-content")).ToBeFocusedAsync();
        Assert.Equal(path, new Uri(session.Page.Url).AbsolutePath.TrimStart('/')); // no navigation to the home page
    }

    [SkippableTheory]
    [MemberData(nameof(ShellPages))]
    public async Task Every_page_has_one_banner_one_main_navigation_and_one_main(string userName, string path)
    {
        await using var session = await fixture.SignInAsync(userName, output, returnUrl: path);
        await session.OpenAsync(path);

        await Expect(session.Page.GetByRole(AriaRole.Banner)).ToHaveCountAsync(1);
        await Expect(session.Page.GetByRole(AriaRole.Main)).ToHaveCountAsync(1);
        await Expect(session.Page.GetByRole(AriaRole.Navigation, new() { Name = UiText.Lt("Main navigation") })).ToHaveCountAsync(1);
        await Expect(session.Page.Locator("header")).ToHaveCountAsync(1);
        await Expect(session.Page.Locator("main")).ToHaveCountAsync(1);
    }

    [SkippableFact]
    public async Task Focus_is_visible_on_the_app_bar_and_the_navigation()
    {
        await using var session = await fixture.SignInAsync("caseworker", output);
        var page = session.Page;

        foreach (var control in new[] { page.GetByTestId("menu-toggle"), page.GetByTestId("lang-en"), session.NavItems.Nth(1) })
        {
            await control.FocusAsync();
            var outline = await control.EvaluateAsync<string>("e => { const s = getComputedStyle(e); return s.outlineStyle + ' ' + s.outlineWidth; }");
            Assert.False(outline.StartsWith("none", StringComparison.Ordinal) || outline.EndsWith(" 0px", StringComparison.Ordinal),
                $"No visible focus outline on {await control.EvaluateAsync<string>("e => e.outerHTML.slice(0, 80)")}: {outline}");
        }
    }

    [SkippableFact]
    public async Task At_390_px_nothing_is_cut_and_the_drawer_is_an_overlay_that_closes_after_a_link()
    {
        await using var session = await fixture.SignInAsync("caseworker", output);
        var page = session.Page;
        await page.SetViewportSizeAsync(390, 844);
        await session.OpenAsync("");

        // Nothing wider than the screen; the app bar keeps its buttons; the name is in the drawer, not the app bar.
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The page scrolls sideways at 390 px.");
        var banner = page.GetByRole(AriaRole.Banner);
        foreach (var control in new[] { page.GetByTestId("menu-toggle"), page.GetByTestId("notifications"), page.GetByTestId("lang-lt"), page.GetByTestId("lang-en"), page.GetByTestId("sign-out") })
        {
            await Expect(control).ToBeInViewportAsync(new() { Ratio = 1 });
        }
        await Expect(banner.GetByTestId("user-name")).ToBeHiddenAsync();
        var badge = page.GetByTestId("notification-count-badge");
        var box = await badge.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y >= 0, $"The notification badge starts {box.Y} px above the screen.");

        // The drawer opens over the page (the page keeps its width), with the person's name at its top.
        var drawerLink = session.NavItems.Filter(new() { HasText = UiText.Lt("Cases") });
        await Expect(drawerLink).Not.ToBeInViewportAsync(); // closed at first: the content has the whole width
        var mainLeft = (await page.Locator("main").BoundingBoxAsync())!.X;
        await page.GetByTestId("menu-toggle").ClickAsync();
        await Expect(drawerLink).ToBeInViewportAsync();
        var drawer = page.Locator("#app-drawer");
        await Expect(drawer.GetByTestId("user-name")).ToBeVisibleAsync();
        await Expect(drawer.GetByTestId("user-role")).ToHaveTextAsync(UiText.Lt(Roles.Caseworker));
        Assert.Equal(mainLeft, (await page.Locator("main").BoundingBoxAsync())!.X);

        await drawerLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/cases$"));
        await Expect(drawerLink).Not.ToBeInViewportAsync();
        await Expect(page.Locator("h1")).ToBeInViewportAsync();
    }

    [SkippableFact]
    public async Task No_request_leaves_the_app_and_roboto_is_the_apps_own()
    {
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        var requests = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, request) => requests.Enqueue(request.Url);

        await session.SubmitSignInAsync("caseworker", BrowserFixture.DemoPassword);
        await session.WaitForCircuitAsync();
        await session.OpenAsync("cases");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.EvaluateAsync("document.fonts.ready");

        var origin = fixture.App.BaseAddress.GetLeftPart(UriPartial.Authority);
        var foreign = requests.Where(url => !url.StartsWith(origin, StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.True(foreign.Count == 0, "Requests outside the app: " + string.Join(", ", foreign));
        Assert.Contains(requests, url => url.Contains("/fonts/roboto", StringComparison.Ordinal) && url.EndsWith(".woff2", StringComparison.Ordinal));
        Assert.True(await page.EvaluateAsync<bool>("document.fonts.check('16px Roboto')"), "Roboto is not loaded.");
        Assert.True(await page.EvaluateAsync<bool>("document.fonts.check('16px Roboto', 'ąčęėįšųūž')"), "Roboto has no Lithuanian letters loaded.");
    }
}
