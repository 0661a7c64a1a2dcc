using Bunit;
using CaseDesk.App.Components.Pages.Training;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Incidents;
using CaseDesk.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CaseDesk.Tests.Components.Pages.Training;

/// <summary>The standard officer's incident screens against the real domain: the form's messages at its fields, release asked first and refused with its because.</summary>
public sealed class IncidentPagesTests : DomainComponentTestContext
{
    private const string Source = "Jonas Petraitis šaukė ant darbuotojos ir grasino.";
    private Caller officer = default!;
    private Caller caseworker = default!;
    private Guid clientId;

    protected override async Task<Caller> ArrangeAsync()
    {
        caseworker = await Database.CreateCallerAsync(Roles.Caseworker);
        officer = await Database.CreateCallerAsync(Roles.QualityOfficer);
        clientId = await Database.RegisterAsync(caseworker, "Jonas", "Petraitis");
        return officer;
    }

    private Task<Guid> IncidentAsync() => Database.Send(IncidentWork.Incident(Database.Clock.UtcDateTime.AddHours(-2), Source, clientId), caseworker);

    private async Task<IRenderedComponent<IncidentReviewPage>> ReviewAsync(Guid incidentId)
    {
        var page = Render<IncidentReviewPage>(p => p.Add(x => x.Id, incidentId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=release-copy]")));
        return await Task.FromResult(page);
    }

    private static async Task AnswerAsync(IRenderedComponent<MudDialogProvider> dialogs, string question, string button)
    {
        dialogs.WaitForAssertion(() => Assert.Contains(question, dialogs.Markup));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == button).ClickAsync(new());
    }

    private async Task<TrainingCopyStatus> StatusAsync(Guid incidentId) =>
        (await Database.Send(new GetIncidentReview(incidentId), officer)).Copy.Status;

    [Fact]
    public async Task A_blank_incident_form_shows_no_error_and_saving_it_shows_the_domains_message_at_what_happened()
    {
        Render<MudPopoverProvider>();
        var form = Render<RecordIncidentPage>();
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("textarea[name=WhatHappened]")));
        Assert.Empty(FieldMessages.InvalidFields(form));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Write what happened.", FieldMessages.At(form, "textarea[name=WhatHappened]")));
        Assert.Equal(0, await Database.ReadAsync(db => db.Incidents.CountAsync()));
    }

    [Fact]
    public async Task Recording_an_incident_keeps_the_source_and_goes_home()
    {
        Render<MudPopoverProvider>();
        var form = Render<RecordIncidentPage>();
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("textarea[name=WhatHappened]")));
        await form.Find("textarea[name=WhatHappened]").ChangeAsync(new() { Value = "Laima Stonkienė šaukė prie langelio." });
        await form.Find("textarea[name=OtherNames]").ChangeAsync(new() { Value = "Laima Stonkienė" });

        await form.Find("form").SubmitAsync();

        await Eventually.WaitForAsync(async () => Assert.Equal(1, await Database.ReadAsync(db => db.Incidents.CountAsync())));
        var people = await Database.ReadAsync(db => db.IncidentPeople.Select(p => p.Name).ToListAsync());
        Assert.Contains("Laima Stonkienė", people);
        form.WaitForAssertion(() => Assert.EndsWith("/", Services.GetRequiredService<NavigationManager>().Uri));
    }

    [Fact]
    public async Task Releasing_asks_first_and_cancelling_keeps_the_copy_a_draft()
    {
        var incident = await IncidentAsync();
        var dialogs = Render<MudDialogProvider>();
        var page = await ReviewAsync(incident);

        var releasing = page.Find("[data-testid=release-copy]").ClickAsync(new());
        await AnswerAsync(dialogs, "Check that it names nobody.", "Cancel");
        await releasing.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(TrainingCopyStatus.Draft, await StatusAsync(incident));
    }

    [Fact]
    public async Task Releasing_after_the_question_reaches_trainers_and_the_page_says_released()
    {
        var incident = await IncidentAsync();
        var dialogs = Render<MudDialogProvider>();
        var page = await ReviewAsync(incident);

        var releasing = page.Find("[data-testid=release-copy]").ClickAsync(new());
        await AnswerAsync(dialogs, "Check that it names nobody.", "Release");
        await releasing.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(TrainingCopyStatus.Released, await StatusAsync(incident));
        page.WaitForAssertion(() => Assert.Equal("Released to trainers", page.Find("[data-testid=copy-status]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=release-copy]"));
    }

    [Fact]
    public async Task A_copy_edited_back_to_a_source_name_is_refused_with_the_domains_because()
    {
        var incident = await IncidentAsync();
        var dialogs = Render<MudDialogProvider>();
        var notices = Render<MudSnackbarProvider>();
        var page = await ReviewAsync(incident);
        await page.Find("textarea[name=Situation]").ChangeAsync(new() { Value = "Jonas Petraitis šaukė." });

        var releasing = page.Find("[data-testid=release-copy]").ClickAsync(new());
        await AnswerAsync(dialogs, "Check that it names nobody.", "Release");
        await releasing.WaitAsync(TimeSpan.FromSeconds(15));

        notices.WaitForAssertion(() => Assert.Contains("still contains a name of a person linked to the incident",
            notices.Find("[data-testid=notification]").TextContent));
        Assert.Equal(TrainingCopyStatus.Draft, await StatusAsync(incident));
    }

    [Fact]
    public async Task Saving_the_copy_without_a_title_shows_the_domains_message_at_the_title()
    {
        var incident = await IncidentAsync();
        var page = await ReviewAsync(incident);
        await page.Find("input[name=Title]").ChangeAsync(new() { Value = "" });

        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("Write a title.", FieldMessages.At(page, "input[name=Title]")));
        Assert.NotEqual("", (await Database.Send(new GetIncidentReview(incident), officer)).Copy.Title);
    }

    [Fact]
    public async Task Withdrawing_a_released_copy_asks_first()
    {
        var incident = await IncidentAsync();
        await Database.ReleaseAsync(incident, officer);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<IncidentReviewPage>(p => p.Add(x => x.Id, incident));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=withdraw-copy]")));

        var withdrawing = page.Find("[data-testid=withdraw-copy]").ClickAsync(new());
        await AnswerAsync(dialogs, "show it as withdrawn", "Cancel");
        await withdrawing.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(TrainingCopyStatus.Released, await StatusAsync(incident));

        withdrawing = page.Find("[data-testid=withdraw-copy]").ClickAsync(new());
        await AnswerAsync(dialogs, "show it as withdrawn", "Withdraw the copy");
        await withdrawing.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(TrainingCopyStatus.Draft, await StatusAsync(incident));
    }
}
