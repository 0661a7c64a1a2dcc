using System.Text.RegularExpressions;
using CaseDesk.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CaseDesk.Tests.Browser;

/// <summary>
/// Issue 14: feedback from a registered client. Choosing the client used to throw in the drop-down and leave the
/// dialog dead; now the feedback is registered, linked to the client and the case, and listed on the client's card.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class FeedbackFromClientTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("quality", "Rūta", "Skundžiamoji")]
    [InlineData("reception", "Vytas", "Pasiūlantis")]
    public async Task Feedback_from_a_registered_client_is_linked_to_them_and_shown_on_their_card(string userName, string firstName, string lastName)
    {
        BrowserRequirement.Check();
        var seeded = await BrowserCaseSeed.CaseForAsync(fixture.App, "caseworker", firstName, lastName);
        var text = $"Ilgai laukė atsakymo dėl {seeded.Number}";

        await using var user = await fixture.SignInAsync(userName, output);
        var page = user.Page;
        await user.OpenAsync("complaints");
        await page.GetByTestId("register-feedback").ClickAsync();
        var form = page.GetByTestId("feedback-form");
        await Expect(form).ToBeVisibleAsync();

        // A registered client is the first choice and already chosen (issue 16: it was "another person").
        var who = form.GetByTestId("feedback-who");
        await Expect(who.GetByRole(AriaRole.Radio, new() { Name = UiText.Lt("A registered client"), Exact = true })).ToBeCheckedAsync();
        await form.GetByTestId("client-search").FillAsync(lastName);
        await form.GetByTestId("choose-client").Filter(new() { HasText = seeded.ClientName }).ClickAsync();
        await Expect(form.GetByTestId("chosen-client")).ToHaveTextAsync(seeded.ClientName);
        await form.GetByTestId("case-picker").ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = seeded.Number }).First.ClickAsync();

        await form.Locator("textarea[name=Text]").FillAsync(text);
        await form.GetByTestId("feedback-touchpoints").ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = $"2. {StandardReferenceData.Touchpoints.Single(t => t.Number == 2).NameLt}" }).First.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await form.GetByTestId("save-feedback").ClickAsync();

        await Expect(form).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(ComplaintUrl());
        await Expect(page.GetByTestId("complaint-from")).ToContainTextAsync(seeded.ClientName);
        var number = await page.GetByTestId("complaint-number").InnerTextAsync();

        await using (var domain = new DomainAccess(fixture.App))
        {
            var stored = await domain.ReadAsync(db => db.Complaints.Where(c => c.Number == number).Select(c => new { c.ClientId, c.CaseId, c.ContactName }).SingleAsync());
            Assert.Equal(seeded.ClientId, stored.ClientId);
            Assert.Equal(seeded.CaseId, stored.CaseId);
            Assert.Null(stored.ContactName);
        }

        await user.OpenAsync($"clients/{seeded.ClientId}");
        var row = page.GetByTestId("client-feedback").Locator("tbody tr").Filter(new() { HasText = number });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(text);
        await Expect(row).ToContainTextAsync(UiText.Lt("Complaint"));
        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ComplaintUrl());
        Assert.Empty(user.PageErrors);
        Assert.Empty(user.ConsoleErrors);
    }

    [GeneratedRegex(@"/complaints/[0-9a-f-]{36}$")]
    private static partial Regex ComplaintUrl();
}
