using static CaseDesk.Tests.Support.Eventually;
using Bunit;
using CaseDesk.App.Components.Pages.Visits;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Visits;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.Visits;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using static CaseDesk.Tests.Support.FieldMessages;

namespace CaseDesk.Tests.Components.Pages.Visits;

/// <summary>Offering a visit and agreeing its time, against the real domain: the messages shown are the domain's own.</summary>
public sealed class VisitFormTests : DomainComponentTestContext
{
    private Caller caseworker = default!;
    private Caller colleague = default!;
    private SeededCase @case = default!;

    protected override async Task<Caller> ArrangeAsync()
    {
        caseworker = await Database.CreateUserAsync("asta", Roles.Caseworker);
        colleague = await Database.CreateUserAsync("rima", Roles.Caseworker);
        @case = await CaseworkSeed.CaseAsync(Database, caseworker, meetWithTwoEmployees: true);
        return caseworker;
    }

    private async Task<VisitDetails> OfferedAsync()
    {
        var id = await Database.Send(new OfferVisit(@case.CaseId, "Vizitas", false), caseworker);
        return await Database.Send(new GetVisit(id), caseworker);
    }

    [Fact]
    public void A_blank_offer_form_shows_no_field_in_error()
    {
        var form = Render<OfferVisitForm>(p => p.Add(f => f.CaseId, @case.CaseId));

        form.WaitForAssertion(() => Assert.NotNull(form.Find("input[name=IsInspection]")));
        Assert.Empty(InvalidFields(form));
        Assert.Empty(form.FindAll("[data-testid=open-visit-hint]"));
    }

    [Fact]
    public async Task Offering_without_a_purpose_shows_the_domains_message_at_the_purpose_field_and_offers_nothing()
    {
        var form = Render<OfferVisitForm>(p => p.Add(f => f.CaseId, @case.CaseId));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Say what the visit is for.", At(form, "textarea[name=Purpose]")));
        Assert.True(IsInvalid(form.Find("textarea[name=Purpose]")));
        Assert.Equal(0, await Database.ReadAsync(db => db.HomeVisits.CountAsync()));
    }

    [Fact]
    public async Task With_a_purpose_the_visit_is_offered_and_the_field_message_is_gone()
    {
        var form = Render<OfferVisitForm>(p => p.Add(f => f.CaseId, @case.CaseId));
        await form.Find("form").SubmitAsync();
        form.WaitForAssertion(() => Assert.NotEqual("", At(form, "textarea[name=Purpose]")));

        await form.Find("textarea[name=Purpose]").ChangeAsync(new() { Value = "Buities sąlygų įvertinimas" });
        await form.Find("form").SubmitAsync();

        await WaitForAsync(async () => Assert.Equal(1, await Database.ReadAsync(db => db.HomeVisits.CountAsync())));
        form.WaitForAssertion(() => Assert.DoesNotContain("Say what the visit is for.", At(form, "textarea[name=Purpose]")));
        var visit = await Database.ReadAsync(db => db.HomeVisits.AsNoTracking().SingleAsync());
        Assert.Equal(("Buities sąlygų įvertinimas", VisitStatus.Offered, caseworker.UserId), (visit.Purpose, visit.Status, visit.CaseworkerUserId));
    }

    [Fact]
    public async Task A_second_offer_on_the_same_case_says_there_is_already_an_open_offer_and_then_the_agreed_time()
    {
        var offered = await OfferedAsync();

        var form = Render<OfferVisitForm>(p => p.Add(f => f.CaseId, @case.CaseId));

        form.WaitForAssertion(() => Assert.Contains($"already has an open visit offer, made on {App.Services.Display.Date(Database.Clock.UtcDateTime)}",
            form.Find("[data-testid=open-visit-hint]").TextContent));

        var start = Database.Clock.UtcDateTime.AddDays(3);
        await Database.Send(new AgreeVisit(offered.Id, offered.Version, start, start.AddHours(1), colleague.UserId), caseworker);
        var again = Render<OfferVisitForm>(p => p.Add(f => f.CaseId, @case.CaseId));

        again.WaitForAssertion(() => Assert.Contains($"already has an agreed visit on {App.Services.Display.Time(start)}",
            again.Find("[data-testid=open-visit-hint]").TextContent));
    }

    [Fact]
    public async Task The_agree_form_shows_the_two_employee_flag_and_shows_the_refusal_when_no_second_employee_is_chosen()
    {
        var visit = await OfferedAsync();
        var snackbars = Render<MudSnackbarProvider>();
        var form = Render<AgreeVisitForm>(p => p.Add(f => f.Visit, visit));

        Assert.Contains("two employees", form.Find("[data-testid=safety-flag]").TextContent);
        Assert.Empty(InvalidFields(form)); // the required second employee is not red before anyone touched it
        await form.Find("form").SubmitAsync();

        snackbars.WaitForAssertion(() => Assert.Contains(
            "Choose a second employee, because this client is to be met by two employees (standard 9.6).",
            snackbars.Find("[data-testid=notification]").TextContent));
        Assert.Equal(VisitStatus.Offered, (await Database.Send(new GetVisit(visit.Id), caseworker)).Status);
    }

    [Fact]
    public async Task Agreeing_without_a_time_says_so_at_the_fields_and_agrees_nothing()
    {
        var visit = await OfferedAsync();
        var form = Render<AgreeVisitForm>(p => p.Add(f => f.Visit, visit));
        form.WaitForAssertion(() => Assert.Equal(Tomorrow, form.Find("input[name=StartDate]").GetAttribute("value")));

        await form.Find("input[name=StartTime]").ChangeAsync(new() { Value = "" });
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Choose the date and time.", At(form, "input[name=StartDate]")));
        Assert.True(IsInvalid(form.Find("input[name=StartTime]")));
        Assert.Equal(VisitStatus.Offered, (await Database.Send(new GetVisit(visit.Id), caseworker)).Status);
    }

    [Fact]
    public async Task A_date_and_time_typed_in_with_a_second_employee_agree_the_visit_in_vilnius_time()
    {
        var visit = await OfferedAsync();
        var form = Render<AgreeVisitForm>(p => p.Add(f => f.Visit, visit));
        var select = form.FindComponents<MudSelect<string>>().Single();

        await form.Find("input[name=StartDate]").ChangeAsync(new() { Value = "2026-03-10" });
        await form.Find("input[name=StartTime]").ChangeAsync(new() { Value = "09:15" });
        await select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(colleague.UserId));
        await form.Find("form").SubmitAsync();

        await WaitForAsync(async () =>
        {
            var stored = await Database.Send(new GetVisit(visit.Id), caseworker);
            Assert.Equal((VisitStatus.Agreed, new DateTime(2026, 3, 10, 7, 15, 0), new DateTime(2026, 3, 10, 8, 15, 0), colleague.UserId),
                (stored.Status, stored.AgreedStartUtc, stored.AgreedEndUtc, stored.SecondEmployeeUserId));
        });
    }

    private string Tomorrow => VilniusTime.Now(Database.Clock).Date.AddDays(1).ToString("yyyy-MM-dd");

}
