using CaseDesk.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CaseDesk.Tests.Resilience;

/// <summary>
/// A contact half-typed when the app dies: the input was kept in the tab as it was typed, so after the
/// restart and a reload the form comes back with it and says so; saving it clears the kept copy.
/// </summary>
[Collection(BrowserRestartCollection.Name)]
public sealed class DraftRecoveryTests(BrowserFixture fixture, ITestOutputHelper output)
{
    /// <summary>The Discussed field of every contact draft kept in the tab.</summary>
    private const string KeptDiscussed = "() => Object.keys(sessionStorage).filter(k => k.startsWith('casedesk-draft:contact:'))" +
        ".map(k => JSON.parse(sessionStorage.getItem(k)).Discussed).join('\\n')";

    [SkippableFact]
    public async Task Contact_input_typed_before_the_app_was_killed_is_restored_with_a_notice_after_the_restart()
    {
        BrowserRequirement.Check();
        var lastName = $"Juodraštienė{BrowserCaseSeed.Letters(6)}";
        var seeded = await BrowserCaseSeed.CaseForAsync(fixture.App, "caseworker", "Rūta", lastName);
        await using var session = await fixture.SignInAsync("caseworker", output);
        await session.OpenAsync($"cases/{seeded.CaseId}");

        const string summary = "Klientė prašė padėti užpildyti prašymą dėl pagalbos į namus";
        const string discussed = "Aptarta, kokių dokumentų reikia";
        await session.Page.GetByTestId("log-contact").ClickAsync();
        var form = session.Page.GetByTestId("contact-form");
        await form.Locator("textarea[name=Summary]").FillAsync(summary);
        await form.Locator("textarea[name=Discussed]").FillAsync(discussed);
        await session.Page.WaitForFunctionAsync($"() => ({KeptDiscussed})() === {System.Text.Json.JsonSerializer.Serialize(discussed)}");
        await Expect(form.GetByTestId("draft-restored")).ToHaveCountAsync(0);

        fixture.App.Kill();
        await fixture.App.StartAsync();
        await session.Page.ReloadAsync();
        await session.WaitForCircuitAsync();
        await session.Page.GetByTestId("log-contact").ClickAsync();

        form = session.Page.GetByTestId("contact-form");
        await Expect(form.GetByTestId("draft-restored"))
            .ToContainTextAsync(UiText.Lt("Your unsaved input from before the connection was lost has been restored. Check it and save."));
        await Expect(form.Locator("textarea[name=Summary]")).ToHaveValueAsync(summary);
        await Expect(form.Locator("textarea[name=Discussed]")).ToHaveValueAsync(discussed);

        await form.GetByTestId("save-contact").ClickAsync();
        await Expect(form).ToHaveCountAsync(0);
        await session.Page.WaitForFunctionAsync($"() => ({KeptDiscussed})() === ''");
        await using var domain = new DomainAccess(fixture.App);
        Assert.Equal([(summary, discussed)], await domain.ReadAsync(db => db.Contacts.Where(c => c.CaseId == seeded.CaseId)
            .Select(c => new { c.Summary, c.Discussed }).ToListAsync()).ContinueWith(t => t.Result.Select(c => (c.Summary, c.Discussed)).ToList()));
    }
}
