using Bunit;
using CaseDesk.App.Components.Pages.Visits;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Visits;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.Visits;
using MudBlazor;

namespace CaseDesk.Tests.Components.Pages.Visits;

/// <summary>
/// The visit calendar on the real domain. The clock stands on Monday 2026-03-02 10:30 in Vilnius: the calendar opens on a
/// week with dates on its days, on the week of the next visit when this one has none, and every visit is a button.
/// </summary>
public sealed class VisitCalendarTests : DomainComponentTestContext
{
    private Caller asta = default!;
    private SeededCase @case = default!;

    protected override async Task<Caller> ArrangeAsync()
    {
        asta = await Database.CreateUserAsync("asta", Roles.Caseworker);
        @case = await CaseworkSeed.CaseAsync(Database, asta, firstName: "Ona", lastName: "Vizitienė");
        return asta;
    }

    private async Task<Guid> AgreedAsync(DateTime vilniusStart)
    {
        var id = await Database.Send(new OfferVisit(@case.CaseId, "Buities sąlygų įvertinimas", false), asta);
        var offered = await Database.Send(new GetVisit(id), asta);
        var start = VilniusTime.ToUtc(vilniusStart);
        await Database.Send(new AgreeVisit(id, offered.Version, start, start.AddHours(1)), asta);
        return id;
    }

    private static string[] Days(IRenderedComponent<VisitCalendar> calendar) =>
        calendar.FindAll("[data-testid=calendar-day]").Select(d => d.GetAttribute("data-date")!).ToArray();

    [Fact]
    public void Without_visits_it_opens_on_this_week_with_a_date_on_every_day_and_says_the_week_is_empty()
    {
        var calendar = Render<VisitCalendar>();

        calendar.WaitForAssertion(() => Assert.NotEmpty(calendar.FindAll("[data-testid=calendar-empty]")));
        Assert.Equal(["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08"], Days(calendar));
        var monday = calendar.Find("[data-testid=calendar-day]");
        Assert.Contains("Monday", monday.TextContent);
        Assert.Contains("2026-03-02", monday.TextContent);
        Assert.Contains("Today", monday.TextContent);
        Assert.Contains("2026-03-02 – 2026-03-08", calendar.Find("[data-testid=calendar-range]").TextContent);
        Assert.Empty(calendar.FindAll("[data-testid=calendar-go-next]"));
    }

    [Fact]
    public async Task With_this_week_empty_it_opens_on_the_week_of_the_next_visit_and_today_brings_it_back()
    {
        await AgreedAsync(new DateTime(2026, 3, 18, 9, 0, 0));

        var calendar = Render<VisitCalendar>();

        calendar.WaitForAssertion(() => Assert.Equal("2026-03-16", Days(calendar)[0]));
        var visit = calendar.Find("[data-testid=calendar-visit]");
        Assert.Equal("BUTTON", visit.TagName); // reachable with Tab, opened with Enter
        Assert.Contains("09:00–10:00", visit.TextContent);
        Assert.Contains("Ona Vizitienė", visit.TextContent);
        Assert.Equal("2026-03-18", visit.Closest("[data-testid=calendar-day]")!.GetAttribute("data-date"));

        await calendar.Find("[data-testid=calendar-today]").ClickAsync(new());
        calendar.WaitForAssertion(() => Assert.Equal("2026-03-02", Days(calendar)[0]));
        Assert.Contains("2026-03-18 09:00", calendar.Find("[data-testid=calendar-go-next]").TextContent);
    }

    [Fact]
    public async Task Previous_and_next_move_a_week_at_a_time()
    {
        await AgreedAsync(new DateTime(2026, 3, 4, 14, 0, 0));
        var calendar = Render<VisitCalendar>();
        calendar.WaitForAssertion(() => Assert.Single(calendar.FindAll("[data-testid=calendar-visit]")));

        await calendar.Find("[data-testid=calendar-next]").ClickAsync(new());
        calendar.WaitForAssertion(() => Assert.Equal("2026-03-09", Days(calendar)[0]));
        Assert.Empty(calendar.FindAll("[data-testid=calendar-visit]"));

        await calendar.Find("[data-testid=calendar-previous]").ClickAsync(new());
        await calendar.Find("[data-testid=calendar-previous]").ClickAsync(new());
        calendar.WaitForAssertion(() => Assert.Equal("2026-02-23", Days(calendar)[0]));
        Assert.Equal("Previous week", calendar.Find("[data-testid=calendar-previous]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task A_visit_opens_with_its_details_and_next_steps()
    {
        await AgreedAsync(new DateTime(2026, 3, 4, 14, 0, 0));
        var dialogs = Render<MudDialogProvider>();
        var calendar = Render<VisitCalendar>();
        calendar.WaitForAssertion(() => Assert.Single(calendar.FindAll("[data-testid=calendar-visit]")));

        _ = calendar.Find("[data-testid=calendar-visit]").ClickAsync(new()); // returns when the dialog closes

        dialogs.WaitForAssertion(() => Assert.Equal("Time agreed", dialogs.Find("[data-testid=visit-dialog] [data-testid=visit-status]").TextContent.Trim()));
        Assert.Equal("2026-03-04 14:00–15:00", dialogs.Find("[data-testid=visit-time]").TextContent.Trim());
        Assert.NotNull(dialogs.Find("[data-testid=visit-arrival]"));
    }
}
