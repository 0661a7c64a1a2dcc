using Bunit;
using CaseDesk.App.Components.Pages.Visits;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Visits;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.Visits;
using MudBlazor;
using static CaseDesk.Tests.Support.FieldMessages;
using static CaseDesk.Tests.Support.Eventually;

namespace CaseDesk.Tests.Components.Pages.Visits;

/// <summary>The forms on an agreed visit (move, arrive, leave, cancel), against the real domain.</summary>
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

    private Task<VisitDetails> Stored() => Database.Send(new GetVisit(visit.Id), asta);

    [Fact]
    public async Task Rescheduling_without_a_reason_shows_the_domains_message_at_the_reason_and_keeps_the_agreed_time()
    {
        var form = Render<RescheduleVisitForm>(p => p.Add(f => f.Visit, visit));
        Assert.Empty(InvalidFields(form));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Say why the visit is moved.", At(form, "textarea[name=Reason]")));
        Assert.Equal("Say how the client was told.", At(form, "input[name=ClientToldHow]"));
        var stored = await Stored();
        Assert.Equal((visit.AgreedStartUtc, 0), (stored.AgreedStartUtc, stored.Reschedules.Count));
    }

    [Fact]
    public async Task Telling_the_client_after_the_agreed_time_is_flagged_before_saving()
    {
        var form = Render<RescheduleVisitForm>(p => p.Add(f => f.Visit, visit));
        Assert.Empty(form.FindAll("[data-testid=told-late]"));

        await form.Find("input[name=ClientToldAtDate]").ChangeAsync(new() { Value = VilniusTime.ToLocal(visit.AgreedStartUtc!.Value).AddDays(1).ToString("yyyy-MM-dd") });

        form.WaitForAssertion(() => Assert.Contains("only after the agreed time", form.Find("[data-testid=told-late]").TextContent));
    }

    [Fact]
    public async Task An_arrival_out_of_range_shows_the_domains_message_at_the_arrival_date_and_records_nothing()
    {
        var form = Render<RecordArrivalForm>(p => p.Add(f => f.Visit, visit));
        Assert.Empty(InvalidFields(form));
        await form.Find("input[name=ArrivedAtDate]").ChangeAsync(new() { Value = "1999-01-05" });

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("The date is out of range.", At(form, "input[name=ArrivedAtDate]")));
        Assert.Null((await Stored()).ArrivedAtUtc);
    }

    [Fact]
    public async Task A_departure_without_a_summary_shows_the_domains_message_at_the_summary_and_a_new_promise_takes_the_focus()
    {
        Database.Clock.Advance(visit.AgreedStartUtc!.Value.AddMinutes(10) - Database.Clock.UtcDateTime);
        await Database.Send(new RecordArrival(visit.Id, visit.Version, visit.AgreedStartUtc!.Value), asta);
        var arrived = await Stored();
        var form = Render<RecordDepartureForm>(p => p.Add(f => f.Visit, arrived));
        Assert.Empty(InvalidFields(form));

        await form.Find("[data-testid=add-promise]").ClickAsync(new());
        form.WaitForAssertion(() => Assert.Single(form.FindAll("[data-testid=promise-row]")));
        Assert.Contains(JSInterop.Invocations, i => i.Identifier.Contains("focus", StringComparison.OrdinalIgnoreCase));
        await form.Find("input[name='Promises[0].Text']").ChangeAsync(new() { Value = "Atnešti prašymo formą" });
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Write what the contact was about.", At(form, "textarea[name=Summary]")));
        var stored = await Stored();
        Assert.Equal((VisitStatus.Agreed, (DateTime?)null), (stored.Status, stored.DepartedAtUtc));
    }

    [Fact]
    public async Task Cancelling_without_a_reason_says_so_at_the_field_without_asking_first()
    {
        var dialogs = Render<MudDialogProvider>();
        var form = Render<CancelVisitForm>(p => p.Add(f => f.Visit, visit));
        Assert.Empty(InvalidFields(form));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Say why the visit is cancelled, because the client must be told the reason.",
            At(form, "textarea[name=Reason]")));
        Assert.Empty(dialogs.FindAll("[role=dialog]"));
        Assert.Equal(VisitStatus.Agreed, (await Stored()).Status);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Cancelling_asks_first_and_only_a_yes_cancels(bool confirm)
    {
        var dialogs = Render<MudDialogProvider>();
        var form = Render<CancelVisitForm>(p => p.Add(f => f.Visit, visit));
        await form.Find("textarea[name=Reason]").ChangeAsync(new() { Value = "Klientas išvyko" });

        var saving = form.Find("form").SubmitAsync(); // waits on the question
        dialogs.WaitForAssertion(() => Assert.Contains("cannot be undone", dialogs.Find("[role=dialog]").TextContent));
        var answer = dialogs.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == (confirm ? "Cancel the visit" : "Keep the visit"));
        await answer.ClickAsync(new());
        await saving.WaitAsync(TimeSpan.FromSeconds(15));

        await WaitForAsync(async () => Assert.Equal(confirm ? VisitStatus.Cancelled : VisitStatus.Agreed, (await Stored()).Status));
    }
}
