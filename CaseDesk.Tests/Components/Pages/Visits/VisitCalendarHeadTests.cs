using Bunit;
using CaseDesk.App.Components.Pages.Visits;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Visits;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.Visits;
using MudBlazor;

namespace CaseDesk.Tests.Components.Pages.Visits;

/// <summary>A head picks whose visit calendar to see; it opens on the week of that person's next visit.</summary>
public sealed class VisitCalendarHeadTests : DomainComponentTestContext
{
    private Caller asta = default!;

    protected override async Task<Caller> ArrangeAsync()
    {
        var vida = await Database.CreateUserAsync("vida", Roles.Head);
        asta = await Database.CreateUserAsync("asta", Roles.Caseworker);
        var @case = await CaseworkSeed.CaseAsync(Database, asta, firstName: "Ona", lastName: "Vizitienė");
        var id = await Database.Send(new OfferVisit(@case.CaseId, "Buities sąlygų įvertinimas", false), asta);
        var offered = await Database.Send(new GetVisit(id), asta);
        var start = VilniusTime.ToUtc(new DateTime(2026, 3, 25, 11, 0, 0));
        await Database.Send(new AgreeVisit(id, offered.Version, start, start.AddHours(1)), asta);
        return vida;
    }

    [Fact]
    public async Task Picking_a_caseworker_opens_on_the_week_of_their_next_visit()
    {
        var calendar = Render<VisitCalendar>();
        calendar.WaitForAssertion(() => Assert.NotEmpty(calendar.FindAll("[data-testid=calendar-empty]")));
        Assert.Equal("2026-03-02", calendar.Find("[data-testid=calendar-day]").GetAttribute("data-date"));

        var select = calendar.FindComponent<MudSelect<string>>();
        await select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(asta.UserId));

        calendar.WaitForAssertion(() => Assert.Equal("2026-03-23", calendar.Find("[data-testid=calendar-day]").GetAttribute("data-date")));
        Assert.Contains("Ona Vizitienė", calendar.Find("[data-testid=calendar-visit]").TextContent);
    }
}
