using Bunit;
using CaseDesk.App.Components.Pages.Visits;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Visits;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.Visits;

namespace CaseDesk.Tests.Components.Pages.Visits;

/// <summary>The reschedule and arrival forms on an agreed visit, against the real domain.</summary>
public sealed class VisitChangeFormTests : DomainComponentTestContext
{
    private Caller asta = default!;
    private VisitDetails visit = default!;

    protected override async Task<Caller> ArrangeAsync()
    {
        asta = await Database.CreateUserAsync("asta", Roles.Caseworker);
        var seeded = await CaseworkSeed.CaseAsync(Database, asta);
        var id = await Database.Send(new OfferVisit(seeded.CaseId, "Buities sąlygų įvertinimas", false), asta);
        var offered = await Database.Send(new GetVisit(id), asta);
        var start = Database.Clock.UtcDateTime.AddDays(2);
        await Database.Send(new AgreeVisit(id, offered.Version, start, start.AddHours(1)), asta);
        visit = await Database.Send(new GetVisit(id), asta);
        return asta;
    }

    [Fact]
    public async Task Rescheduling_without_a_reason_shows_the_domains_message_at_the_reason_and_keeps_the_agreed_time()
    {
        var form = Render<RescheduleVisitForm>(p => p.Add(f => f.Visit, visit));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Contains("Say why the visit is moved.",
            form.Find("textarea[name=Reason]").Closest(".rz-form-field")!.NextElementSibling!.TextContent));
        var stored = await Database.Send(new GetVisit(visit.Id), asta);
        Assert.Equal((visit.AgreedStartUtc, 0), (stored.AgreedStartUtc, stored.Reschedules.Count));
    }

    [Fact]
    public async Task An_arrival_out_of_range_shows_the_domains_message_under_the_arrival_time_and_records_nothing()
    {
        var form = Render<RecordArrivalForm>(p => p.Add(f => f.Visit, visit));
        await form.Find("input[name=ArrivedAt]").ChangeAsync(new() { Value = "1999-01-05 10:00" });

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("The date is out of range.",
            form.Find("input[name=ArrivedAt]").Closest(".rz-form-field")!.NextElementSibling!.TextContent.Trim()));
        Assert.Null((await Database.Send(new GetVisit(visit.Id), asta)).ArrivedAtUtc);
    }
}
