using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CaseDesk.Tests.Browser;

/// <summary>
/// Issue 15, "Keyboard": the two everyday jobs done with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrow keys,
/// typing): no click, no Playwright fill. Controls are found by role, label and test id, as a screen-reader user would.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture fixture, ITestOutputHelper output)
{
    /// <summary>Presses Tab until the target (or something inside it) has the focus, as a person tabbing through the page.</summary>
    private static async Task TabToAsync(IPage page, ILocator target, int most = 80)
    {
        await Expect(target).ToBeVisibleAsync();
        for (var i = 0; i < most; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement || e.contains(document.activeElement)"))
                return;
            await page.Keyboard.PressAsync("Tab");
        }
        var focused = await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.outerHTML.slice(0, 160) : 'nothing'");
        throw new Xunit.Sdk.XunitException($"{most} presses of Tab never reached {target}; the focus is on {focused}.");
    }

    /// <summary>
    /// Reaches a tab the way the tabs pattern wants: Tab into the tab list, then the arrow keys between its tabs (a tab list
    /// is one stop in the Tab order); Tab again where a library gives every tab its own stop. Then Enter.
    /// </summary>
    private static async Task ChooseTabAsync(IPage page, ILocator tab)
    {
        var tablist = page.GetByRole(AriaRole.Tablist).Filter(new() { Has = tab });
        await TabToAsync(page, tablist, 200);
        const string isFocused = "e => e === document.activeElement || e.contains(document.activeElement)";
        for (var i = 0; i < 40 && !await tab.EvaluateAsync<bool>(isFocused); i++)
        {
            // Compared by identity: a focused tab's markup changes (focus and ripple classes) while it stays the same element.
            await page.EvaluateAsync("() => { window.__keyboardTestBefore = document.activeElement; }");
            await page.Keyboard.PressAsync("ArrowRight");
            if (await page.EvaluateAsync<bool>("() => document.activeElement === window.__keyboardTestBefore"))
                await page.Keyboard.PressAsync("Tab");
        }
        Assert.True(await tab.EvaluateAsync<bool>(isFocused), $"The keyboard never reached {tab}.");
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>What a select shows: the value of an input, or the text of a combobox element (MudSelect).</summary>
    private static Task<string> ShownAsync(ILocator select) =>
        select.EvaluateAsync<string>("e => ((e.value !== undefined ? e.value : e.innerText) || '').trim()");

    /// <summary>Opens a select with the keyboard and takes its first option, unless it already has a value.</summary>
    private static async Task ChooseFirstAsync(IPage page, ILocator select)
    {
        await TabToAsync(page, select);
        if (!string.IsNullOrEmpty(await ShownAsync(select)))
            return;
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        for (var i = 0; i < 50 && string.IsNullOrEmpty(await ShownAsync(select)); i++)
            await Task.Delay(100);
        Assert.False(string.IsNullOrEmpty(await ShownAsync(select)), $"Enter on an option did not choose it in {select}.");
    }

    [SkippableFact]
    public async Task A_caseworker_logs_a_contact_with_a_promise_with_the_keyboard_alone()
    {
        var seeded = await BrowserCaseSeed.CaseForAsync(fixture.App, "caseworker", "Jonas", "Klaviatūrinis");
        await using var session = await fixture.SignInAsync("caseworker", output);
        var page = session.Page;
        await session.OpenAsync($"cases/{seeded.CaseId}");
        var summary = $"Aptarėme pagalbą namuose ({Guid.NewGuid():N})"[..40];
        const string promise = "Paskambinsiu dėl sprendimo";

        await TabToAsync(page, page.GetByTestId("log-contact"));
        await page.Keyboard.PressAsync("Enter");
        var form = page.GetByRole(AriaRole.Dialog).Filter(new() { Has = page.GetByTestId("contact-form") });
        await Expect(form).ToBeVisibleAsync();
        await Expect(form.Locator(":focus")).ToHaveCountAsync(1); // the focus moved into the dialog

        await ChooseFirstAsync(page, form.GetByLabel(UiText.Lt("Touchpoint")));
        await ChooseFirstAsync(page, form.GetByLabel(UiText.Lt("Channel")));
        await TabToAsync(page, form.GetByLabel(UiText.Lt("Summary"), new() { Exact = true }));
        await page.Keyboard.TypeAsync(summary);
        // The counter follows every key in the browser (the value itself goes to the server when the field is left).
        await Expect(form.GetByText(new Regex($@"^{summary.Length} / \d+$"))).ToBeVisibleAsync();

        await TabToAsync(page, form.GetByRole(AriaRole.Button, new() { Name = UiText.Lt("Add a promise") }));
        await page.Keyboard.PressAsync("Enter");
        var promised = form.GetByLabel(UiText.Lt("What was promised"));
        await Expect(promised).ToBeFocusedAsync(); // the new field takes the focus, not the button below it
        await page.Keyboard.TypeAsync(promise);

        await TabToAsync(page, form.GetByTestId("save-contact"));
        await page.Keyboard.PressAsync("Enter");

        await Expect(form).ToBeHiddenAsync();
        await Expect(page.GetByTestId("contacts-grid")).ToContainTextAsync(summary);
        await ChooseTabAsync(page, page.GetByRole(AriaRole.Tab, new() { Name = UiText.Lt("Promises") }));
        await Expect(page.GetByTestId("promises")).ToContainTextAsync(promise);
    }

    [SkippableFact]
    public async Task Reception_takes_a_phone_message_with_the_keyboard_alone()
    {
        await using var session = await fixture.SignInAsync("reception", output, returnUrl: "phone-messages");
        var page = session.Page;
        await session.OpenAsync("phone-messages");
        var phone = $"+370 68{Random.Shared.Next(0, 10)} {Random.Shared.Next(10000, 99999)}";

        await TabToAsync(page, page.GetByTestId("take-message"));
        await page.Keyboard.PressAsync("Enter");
        var form = page.GetByRole(AriaRole.Dialog).Filter(new() { Has = page.GetByTestId("take-message-form") });
        await Expect(form).ToBeVisibleAsync();
        await Expect(form.Locator(":focus")).ToHaveCountAsync(1); // the focus moved into the dialog

        await ChooseFirstAsync(page, form.GetByLabel(UiText.Lt("For"), new() { Exact = true }));
        await TabToAsync(page, form.GetByLabel(UiText.Lt("Caller's name")));
        await page.Keyboard.TypeAsync("Ona Klaviatūrienė");
        await TabToAsync(page, form.GetByLabel(UiText.Lt("Phone"), new() { Exact = true }));
        await page.Keyboard.TypeAsync(phone);
        await TabToAsync(page, form.GetByLabel(UiText.Lt("Detailed message")));
        await page.Keyboard.TypeAsync("Prašo perskambinti dėl vizito laiko.");

        await TabToAsync(page, form.GetByTestId("save-message"));
        await page.Keyboard.PressAsync("Enter");

        await Expect(form).ToBeHiddenAsync();
        await Expect(page.GetByTestId("messages-grid").GetByRole(AriaRole.Row).Filter(new() { HasText = phone })).ToHaveCountAsync(1);
        Assert.Matches(new Regex("/phone-messages$"), page.Url);
    }
}
