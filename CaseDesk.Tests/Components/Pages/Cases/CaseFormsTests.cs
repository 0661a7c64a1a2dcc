using Bunit;
using CaseDesk.App.Components.Pages.Cases;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Common;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CaseDesk.Tests.Components.Pages.Cases;

/// <summary>The case forms against the real domain: the message at a field (its aria-describedby) is the domain's own.</summary>
public sealed class CaseFormsTests : DomainComponentTestContext
{
    private Caller asta = default!;
    private Guid clientId;

    protected override async Task<Caller> ArrangeAsync()
    {
        asta = await Database.CreateUserAsync("asta", Roles.Caseworker);
        await Database.PlaceInUnitAsync(asta, Casework.SocialServices);
        clientId = await Database.RegisterAsync(asta, "Ona", "Žemaitienė");
        return asta;
    }

    private async Task<CaseDetails> OpenCaseAsync() =>
        await Database.Send(new GetCase(await Database.OpenCaseAsync(asta, clientId, asta.UserId)), asta);

    private static async Task TypeDateAsync<T>(IRenderedComponent<T> form, string testId, string text) where T : Microsoft.AspNetCore.Components.IComponent =>
        await form.Find($"input[data-testid={testId}]").ChangeAsync(new() { Value = text });

    [Fact]
    public async Task Opening_a_case_without_the_service_shows_the_message_at_the_service_field_and_opens_nothing()
    {
        Render<MudPopoverProvider>();
        var form = Render<OpenCaseForm>(p => p.Add(f => f.ClientId, clientId));
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("[name=ServiceRequested]")));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Say which service the client asks for.", FieldMessages.At(form, "[name=ServiceRequested]")));
        Assert.Equal(0, await Database.ReadAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task Opening_a_case_due_in_the_past_shows_the_message_at_the_due_date_field()
    {
        Render<MudPopoverProvider>();
        var form = Render<OpenCaseForm>(p => p.Add(f => f.ClientId, clientId));
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("[name=ServiceRequested]")));
        await form.Find("[name=ServiceRequested]").ChangeAsync(new() { Value = "Pagalba namuose" });
        await TypeDateAsync(form, "case-due-date", "2020-01-06");

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("The due date cannot be in the past.", FieldMessages.At(form, "input[data-testid=case-due-date]")));
        Assert.Equal(0, await Database.ReadAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task A_blank_form_shows_no_error_before_it_is_saved()
    {
        Render<MudPopoverProvider>();
        var form = Render<OpenCaseForm>(p => p.Add(f => f.ClientId, clientId));
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("[name=ServiceRequested]")));

        Assert.Empty(form.FindAll("[aria-invalid=true]"));
    }

    [Fact]
    public async Task Setting_a_due_date_in_the_past_shows_the_message_at_the_due_field_and_keeps_the_old_one()
    {
        Render<MudPopoverProvider>();
        var seen = await OpenCaseAsync();
        var form = Render<SetCaseDueForm>(p => p.Add(f => f.Case, seen));
        await TypeDateAsync(form, "due-date", "2020-01-06");

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("The due date cannot be in the past.", FieldMessages.At(form, "input[data-testid=due-date]")));
        Assert.Equal(seen.DueAtUtc, (await Database.Send(new GetCase(seen.Id), asta)).DueAtUtc);
    }

    [Fact]
    public async Task Setting_the_due_date_sends_the_vilnius_date_and_time_shown_as_utc()
    {
        Render<MudPopoverProvider>();
        var seen = await OpenCaseAsync();
        var form = Render<SetCaseDueForm>(p => p.Add(f => f.Case, seen));
        var day = VilniusTime.Now(Database.Clock).Date.AddDays(3);
        await TypeDateAsync(form, "due-date", day.ToString("yyyy-MM-dd"));

        await form.Find("form").SubmitAsync();

        var due = VilniusTime.ToLocal(seen.DueAtUtc);
        var expected = VilniusTime.ToUtc(day + new TimeSpan(due.Hour, due.Minute, 0)); // the time field kept the case's time
        form.WaitForAssertion(() => Assert.Equal(expected, Database.Send(new GetCase(seen.Id), asta).GetAwaiter().GetResult().DueAtUtc));
    }

    [Fact]
    public async Task Routing_without_a_caseworker_shows_the_message_at_the_caseworker_field()
    {
        Render<MudPopoverProvider>();
        var seen = await OpenCaseAsync();
        var form = Render<AssignCaseForm>(p => p.Add(f => f.Case, seen));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Choose the caseworker.", FieldMessages.At(form, "[data-testid=assignee-picker]")));
        Assert.Equal(seen.Version, (await Database.Send(new GetCase(seen.Id), asta)).Version);
    }

    [Fact]
    public async Task Closing_with_a_too_long_note_shows_the_message_at_the_note_field_and_the_case_stays_open()
    {
        Render<MudPopoverProvider>();
        var seen = await OpenCaseAsync();
        var form = Render<CloseCaseForm>(p => p.Add(f => f.Case, seen));
        await form.Find("textarea[name=Note]").ChangeAsync(new() { Value = new string('a', 2001) });

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("At most 2000 characters.", FieldMessages.At(form, "textarea[name=Note]")));
        Assert.NotEqual(CaseStatus.Closed, (await Database.Send(new GetCase(seen.Id), asta)).Status);
    }

    [Fact]
    public async Task Refusing_the_service_without_a_reason_is_refused_with_the_domains_because()
    {
        Render<MudPopoverProvider>();
        var notices = Render<MudSnackbarProvider>();
        var seen = await OpenCaseAsync();
        var form = Render<CloseCaseForm>(p => p.Add(f => f.Case, seen));
        var outcome = form.FindComponent<MudSelect<CaseOutcome>>();
        await outcome.InvokeAsync(() => outcome.Instance.ValueChanged.InvokeAsync(CaseOutcome.ServiceRefused));

        await form.Find("form").SubmitAsync();

        notices.WaitForAssertion(() => Assert.Contains("A refusal must say why", notices.Find("[data-testid=notification]").TextContent));
        Assert.NotEqual(CaseStatus.Closed, (await Database.Send(new GetCase(seen.Id), asta)).Status);
    }
}
