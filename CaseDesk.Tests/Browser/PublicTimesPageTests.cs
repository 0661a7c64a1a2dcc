using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CaseDesk.Tests.Browser;

/// <summary>
/// Issue 20: an anonymous visitor on the published service times (/viesa) in each of the four languages: the figures, no cookie,
/// nothing from another host (the CSP reporter), the language switch keeping the choice in the URL, the keyboard, and axe with
/// no critical or serious violation on a 390 px phone and on a desktop.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicTimesPageTests(BrowserFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string, string, string> Languages => new()
    {
        { "lt", "Paslaugų terminai ir mūsų standartas", "mediana" },
        { "en", "Service times and our standard", "median" },
        { "ru", "Сроки услуг и наш стандарт", "медиана" },
        { "pl", "Terminy usług i nasz standard", "mediana" },
    };

    [SkippableTheory]
    [MemberData(nameof(Languages))]
    public async Task An_anonymous_visitor_sees_the_figures_without_a_cookie_and_axe_finds_nothing_serious(string language, string heading, string median)
    {
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;

        var response = await page.GotoAsync($"viesa?lang={language}");

        Assert.NotNull(response);
        Assert.Equal(200, response!.Status);
        var headers = await response.AllHeadersAsync();
        Assert.False(headers.ContainsKey("set-cookie"), headers.GetValueOrDefault("set-cookie"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = heading })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        // The demo history has enough call-backs and answers for published figures; the period and the minimum are stated.
        await Expect(page.GetByTestId("first-answer").Filter(new() { HasTextRegex = new Regex(Regex.Escape(median)) }).First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("public-period")).ToContainTextAsync("90");
        await Expect(page.GetByTestId("public-minimum")).ToContainTextAsync("10");
        Assert.Empty(await page.Context.CookiesAsync());
        Assert.Empty(session.TakeCspViolations());

        var report = new List<string>();
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "The page scrolls sideways at 390 px.");
        report.AddRange(await AccessibilityTests.AxeAsync(page, $"viesa?lang={language} at 390 px", output));
        await page.SetViewportSizeAsync(1366, 850);
        report.AddRange(await AccessibilityTests.AxeAsync(page, $"viesa?lang={language} at 1366 px", output));
        Assert.True(report.Count == 0, "Critical or serious axe violations:\n" + string.Join("\n", report));
    }

    [SkippableFact]
    public async Task The_language_switch_keeps_the_choice_in_the_url_and_works_from_the_keyboard()
    {
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        await page.GotoAsync("viesa");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "lt");

        // The first Tab reaches the skip link; then the language links in order, without a pointer.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Pereiti prie pagrindinio turinio" })).ToBeFocusedAsync();
        var languages = page.GetByRole(AriaRole.Navigation, new() { Name = "Kalba" });
        var russian = languages.GetByRole(AriaRole.Link, new() { Name = "Русский" });
        for (var i = 0; i < 5 && !await russian.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
            await page.Keyboard.PressAsync("Tab");
        await Expect(russian).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex(@"/viesa\?lang=ru$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Язык" }).GetByRole(AriaRole.Link, new() { Name = "Русский" }))
            .ToHaveAttributeAsync("aria-current", "true");
        Assert.Empty(await page.Context.CookiesAsync());

        // A reload keeps Russian: the choice lives in the URL, not in a cookie.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Сроки услуг и наш стандарт" })).ToBeVisibleAsync();
    }
}
