using Bunit;
using CaseDesk.App.Components.Pages.Cases;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Common;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.Components.Pages.Cases;

/// <summary>The case forms against the real domain: the message under a field is the domain's own.</summary>
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

    private static string MessageAfter<T>(IRenderedComponent<T> form, string fieldName) where T : Microsoft.AspNetCore.Components.IComponent =>
        form.Find($"[name={fieldName}]").Closest(".rz-form-field")!.NextElementSibling!.TextContent.Trim();

    [Fact]
    public async Task Opening_a_case_without_the_service_shows_the_message_at_the_service_field_and_opens_nothing()
    {
        var form = Render<OpenCaseForm>(p => p.Add(f => f.ClientId, clientId));
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("[name=ServiceRequested]")));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Say which service the client asks for.", MessageAfter(form, "ServiceRequested")));
        Assert.Single(form.FindAll(".validation-message"));
        Assert.Equal(0, await Database.ReadAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task Opening_a_case_due_in_the_past_shows_the_message_at_the_due_field()
    {
        var form = Render<OpenCaseForm>(p => p.Add(f => f.ClientId, clientId));
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("[name=ServiceRequested]")));
        await form.Find("[name=ServiceRequested]").ChangeAsync(new() { Value = "Pagalba namuose" });
        await form.Find("input[name=Due]").ChangeAsync(new() { Value = "2020-01-06 10:00" });

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("The due date cannot be in the past.", MessageAfter(form, "Due")));
        Assert.Equal(0, await Database.ReadAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task Setting_a_due_date_in_the_past_shows_the_message_at_the_due_field_and_keeps_the_old_one()
    {
        var seen = await OpenCaseAsync();
        var form = Render<SetCaseDueForm>(p => p.Add(f => f.Case, seen));
        await form.Find("input[name=Due]").ChangeAsync(new() { Value = "2020-01-06 10:00" });

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("The due date cannot be in the past.", MessageAfter(form, "Due")));
        Assert.Equal(seen.DueAtUtc, (await Database.Send(new GetCase(seen.Id), asta)).DueAtUtc);
    }

    [Fact]
    public async Task Routing_without_a_caseworker_shows_the_message_at_the_caseworker_field()
    {
        var seen = await OpenCaseAsync();
        var form = Render<AssignCaseForm>(p => p.Add(f => f.Case, seen));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Choose the caseworker.", MessageAfter(form, "AssignToUserId")));
        Assert.Equal(seen.Version, (await Database.Send(new GetCase(seen.Id), asta)).Version);
    }

    [Fact]
    public async Task Closing_with_a_too_long_note_shows_the_message_at_the_note_field_and_the_case_stays_open()
    {
        var seen = await OpenCaseAsync();
        var form = Render<CloseCaseForm>(p => p.Add(f => f.Case, seen));
        await form.Find("textarea[name=Note]").ChangeAsync(new() { Value = new string('a', 2001) });

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("At most 2000 characters.", MessageAfter(form, "Note")));
        Assert.NotEqual(CaseStatus.Closed, (await Database.Send(new GetCase(seen.Id), asta)).Status);
    }
}
