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
        await Expect(session.Page.Locator("body")).ToHaveCSSAsync("font-family", new Regex("Roboto")); // the Radzen theme is loaded
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
            await Expect(session.Page.GetByTestId("sign-out")).ToBeVisibleAsync(); // still signed in, not sent to the sign-in form
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
}
