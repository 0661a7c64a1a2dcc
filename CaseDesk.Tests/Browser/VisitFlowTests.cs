using System.Text.RegularExpressions;
using CaseDesk.Domain.Common;
using Microsoft.Playwright;
using IPage = Microsoft.Playwright.IPage;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CaseDesk.Tests.Browser;

/// <summary>Touchpoint 7 clicked through: offer and agree a home visit on the case page, then arrive and leave from the visit calendar.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VisitFlowTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static ILocator Dialog(IPage page, string formTestId) =>
        page.GetByRole(AriaRole.Dialog).Filter(new() { Has = page.GetByTestId(formTestId) });

    [SkippableFact]
    public async Task A_caseworker_schedules_a_home_visit_records_arrival_and_departure_and_sees_it_on_the_visit_calendar()
    {
        BrowserRequirement.Check();
        var lastName = "Vizitienė" + BrowserCaseSeed.Letters(5);
        var seeded = await BrowserCaseSeed.CaseForAsync(fixture.App, "caseworker", "Ona", lastName);
        await using var session = await fixture.SignInAsync("caseworker", output);
        var page = session.Page;

        // The case page: offer a visit, then agree its time.
        await session.OpenAsync($"cases/{seeded.CaseId}");
        await Expect(page.GetByTestId("case-number")).ToHaveTextAsync(seeded.Number);
        await page.GetByRole(AriaRole.Tab, new() { Name = UiText.Lt("Home visits") }).ClickAsync();
        await page.GetByTestId("offer-visit").ClickAsync();
        var offer = Dialog(page, "offer-visit-form");
        await offer.GetByTestId("visit-purpose").FillAsync("Buities sąlygų įvertinimas");
        await offer.GetByTestId("save-offer").ClickAsync();
        await Expect(offer).ToHaveCountAsync(0);
        var row = page.GetByTestId("visit-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("visit-status")).ToHaveTextAsync(UiText.Lt("Offered, no time yet"));

        // A minute ago, in Vilnius: always today, so the calendar opens on its week (the domain accepts a start up to 5 minutes past).
        var start = VilniusTime.Now(TimeProvider.System);
        start = new DateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0).AddMinutes(-1);
        await row.GetByTestId("visit-agree").ClickAsync();
        var agree = Dialog(page, "agree-visit-form");
        await agree.GetByLabel(UiText.Lt("Date"), new() { Exact = true }).FillAsync(start.ToString("yyyy-MM-dd"));
        await agree.GetByLabel(UiText.Lt("Date"), new() { Exact = true }).PressAsync("Tab");
        await agree.GetByLabel(UiText.Lt("Time"), new() { Exact = true }).FillAsync(start.ToString("HH:mm"));
        await agree.GetByLabel(UiText.Lt("Time"), new() { Exact = true }).PressAsync("Tab");
        await agree.GetByTestId("save-agree").ClickAsync();
        await Expect(agree).ToHaveCountAsync(0);
        await Expect(row.GetByTestId("visit-status")).ToHaveTextAsync(UiText.Lt("Time agreed"));
        await Expect(row.GetByTestId("visit-time")).ToContainTextAsync(start.ToString("yyyy-MM-dd HH:mm"));

        // The visit calendar, reached from the navigation, opens on this week, its days dated; the agreed visit is a button
        // on today's column, opened here with the keyboard.
        await session.NavItems.Filter(new() { HasText = UiText.Lt("Visit calendar") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/visits$"));
        var today = page.Locator($"[data-testid=calendar-day][data-date='{start:yyyy-MM-dd}']");
        await Expect(today).ToContainTextAsync(start.ToString("yyyy-MM-dd"));
        var appointment = today.GetByTestId("calendar-visit").Filter(new() { HasText = seeded.ClientName });
        await Expect(appointment).ToHaveCountAsync(1);
        await Expect(appointment).ToContainTextAsync(start.ToString("HH:mm"));
        await appointment.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var visit = page.GetByTestId("visit-dialog");
        await Expect(visit.GetByTestId("visit-status")).ToHaveTextAsync(UiText.Lt("Time agreed"));
        await Expect(visit.GetByTestId("visit-time")).ToContainTextAsync(start.ToString("yyyy-MM-dd HH:mm"));

        await visit.GetByTestId("visit-arrival").ClickAsync();
        var arrival = Dialog(page, "arrival-form");
        await arrival.GetByTestId("save-arrival").ClickAsync();
        await ExpectClosedAsync(arrival);
        await Expect(visit.GetByTestId("visit-arrived")).ToContainTextAsync(start.ToString("yyyy-MM-dd"));

        await visit.GetByTestId("visit-departure").ClickAsync();
        var departure = Dialog(page, "departure-form");
        await departure.GetByTestId("departure-summary").FillAsync("Įvertintos buities sąlygos");
        await departure.Locator("textarea[name=NextStep]").FillAsync("Parengti paslaugos sutartį");
        await departure.GetByTestId("save-departure").ClickAsync();
        await ExpectClosedAsync(departure);
        await Expect(visit.GetByTestId("visit-status")).ToHaveTextAsync(UiText.Lt("Visited"));
        await Expect(visit.GetByTestId("visit-departed")).ToBeVisibleAsync();

        // Back on the case: the visit is done and its face-to-face contact is on touchpoint 7.
        await session.OpenAsync($"cases/{seeded.CaseId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = UiText.Lt("Home visits") }).ClickAsync();
        await Expect(page.GetByTestId("visit-row").GetByTestId("visit-status")).ToHaveTextAsync(UiText.Lt("Visited"));
        await page.GetByRole(AriaRole.Tab, new() { Name = UiText.Lt("Contacts") }).ClickAsync();
        var contact = page.Locator("[data-testid=contacts-grid] tbody tr").Filter(new() { HasText = "Įvertintos buities sąlygos" });
        await Expect(contact).ToHaveCountAsync(1);
        await Expect(contact.GetByTestId("contact-touchpoint")).ToHaveTextAsync("7");
        Assert.Empty(session.PageErrors);
    }

    /// <summary>
    /// The dialog closed after its save; if not, the failure carries what it shows (a field error) and the end of the
    /// page's text, where a refusal's notification ("Not done: ... because ...") sits.
    /// </summary>
    private static async Task ExpectClosedAsync(ILocator dialog)
    {
        try
        {
            await Expect(dialog).ToHaveCountAsync(0);
        }
        catch (PlaywrightException e)
        {
            var shown = await dialog.CountAsync() > 0 ? await dialog.InnerTextAsync() : "";
            var page = await dialog.Page.Locator("body").InnerTextAsync();
            throw new Xunit.Sdk.XunitException(
                $"The dialog stayed open after its save, showing:\n{shown}\n--- end of the page:\n{page[Math.Max(0, page.Length - 1500)..]}\n{e.Message}");
        }
    }
}
