using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CaseDesk.Tests.Browser;

/// <summary>
/// Issue 15: pasting about 21,000 characters into a text area used to drop the circuit silently. Now the browser keeps the
/// field's maximum, the field says how much did not fit, and the connection stays: the next click still works.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LongInputTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Pasting_21000_characters_into_a_contact_summary_says_so_at_the_field_and_keeps_the_connection()
    {
        var seeded = await BrowserCaseSeed.CaseForAsync(fixture.App, "caseworker", "Rūta", "Ilgaitė");
        await using var session = await fixture.SignInAsync("caseworker", output);
        var page = session.Page;
        await session.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await session.OpenAsync($"cases/{seeded.CaseId}");

        await page.GetByTestId("log-contact").ClickAsync();
        var form = page.GetByRole(AriaRole.Dialog);
        var summary = form.GetByLabel(UiText.Lt("Summary"), new() { Exact = true });
        await Expect(summary).ToBeVisibleAsync();
        var max = int.Parse(await summary.GetAttributeAsync("maxlength") ?? "0");
        Assert.True(max is > 0 and < 21_000, $"The summary has no maximum the browser keeps (maxlength={max}).");

        // A real paste (clipboard and Ctrl+V), as a person does it: the browser's own maxlength cuts it.
        var text = string.Concat(Enumerable.Repeat("Klientė paskambino dėl maitinimo paslaugos. ", 500))[..21_000];
        await page.EvaluateAsync("t => navigator.clipboard.writeText(t)", text);
        await summary.FocusAsync();
        await page.Keyboard.PressAsync("Control+V");

        var message = new Regex(Regex.Escape("21000") + ".*" + Regex.Escape(max.ToString()));
        await Expect(form.GetByText(message)).ToBeVisibleAsync();
        await Expect(summary).ToHaveValueAsync(text[..max]);

        // The circuit is still there: the form answers the next click, and no reconnect notice showed.
        await form.GetByRole(AriaRole.Button, new() { Name = UiText.Lt("Cancel") }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Button, new() { Name = UiText.Lt("Close the form") });
        if (await confirm.CountAsync() > 0) await confirm.ClickAsync();
        await Expect(page.GetByTestId("log-contact")).ToBeVisibleAsync();
        await page.GetByTestId("log-contact").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog).GetByLabel(UiText.Lt("Summary"), new() { Exact = true })).ToBeVisibleAsync();
        await Expect(session.ReconnectModal).ToBeHiddenAsync();
        Assert.DoesNotContain(session.ConsoleErrors, e => e.Contains("Connection disconnected", StringComparison.OrdinalIgnoreCase));
    }
}
