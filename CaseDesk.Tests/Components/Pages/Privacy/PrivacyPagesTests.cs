using AngleSharp.Dom;
using Bunit;
using CaseDesk.App.Components.Pages.Privacy;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Privacy;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CaseDesk.Tests.Components.Pages.Privacy;

/// <summary>The erasure requests as the head who decides them, against the real domain (four eyes, refusals, anonymization).</summary>
public sealed class ErasureRequestsPageTests : DomainComponentTestContext
{
    private Caller head = default!;
    private Caller asta = default!;
    private Guid ona;
    private Guid jonas;
    private Guid openCaseClient;

    protected override async Task<Caller> ArrangeAsync()
    {
        head = await Database.CreateUserAsync("head", Roles.Head);
        asta = await Database.CreateUserAsync("asta", Roles.Caseworker);
        await Database.PlaceInUnitAsync(asta, Casework.SocialServices);
        ona = await Database.RegisterAsync(asta, "Ona", "Onaitė");
        jonas = await Database.RegisterAsync(asta, "Jonas", "Jonaitis");
        openCaseClient = await Database.RegisterAsync(asta, "Petras", "Atvejauskas");
        await Database.OpenCaseAsync(asta, openCaseClient, asta.UserId);
        return head;
    }

    private Task<Guid> RequestAsync(Guid clientId, Caller by) =>
        Database.Send(new RequestErasure(clientId, ErasureGround.ClientRequest, "Klientė raštu paprašė"), by);

    private async Task<ErasureRequestRow> RowAsync(Guid requestId) =>
        (await Database.Send(new ListErasureRequests(), head)).Single(r => r.Id == requestId);

    private IRenderedComponent<ErasureRequestsPage> RenderPage(int rows)
    {
        var page = Render<ErasureRequestsPage>();
        page.WaitForAssertion(() => Assert.Equal(rows, page.FindAll("[data-testid=erasure-requests] tbody tr").Count));
        return page;
    }

    private static IElement Row(IRenderedComponent<ErasureRequestsPage> page, string text) =>
        page.FindAll("[data-testid=erasure-requests] tbody tr").Single(r => r.TextContent.Contains(text, StringComparison.Ordinal));

    private static async Task AnswerAsync(IRenderedComponent<MudDialogProvider> dialogs, string button)
    {
        dialogs.WaitForAssertion(() => Assert.Contains(dialogs.FindAll("button"), b => b.TextContent.Trim() == button));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == button).ClickAsync(new());
    }

    [Fact]
    public async Task A_head_may_decide_others_requests_but_not_their_own_and_an_erased_client_links_nowhere()
    {
        await RequestAsync(ona, asta);
        await RequestAsync(jonas, head);
        var erased = await RequestAsync(await Database.RegisterAsync(asta, "Pranė", "Pranaitė"), asta);
        await Database.Send(new ApproveErasure(erased, (await RowAsync(erased)).Version), head);

        var page = RenderPage(3);

        var others = Row(page, "Onaitė");
        Assert.Single(others.QuerySelectorAll("[data-testid=approve-erasure]"));
        Assert.Single(others.QuerySelectorAll("[data-testid=refuse-erasure]"));
        Assert.Empty(Row(page, "Jonaitis").QuerySelectorAll("[data-testid=approve-erasure]"));
        var done = Row(page, Anonymization.Name);
        Assert.Equal("Erased (anonymized)", done.QuerySelector("[data-testid=erasure-status]")!.TextContent);
        Assert.Empty(done.QuerySelectorAll("a"));
    }

    [Fact]
    public async Task Approving_asks_first_saying_what_is_erased_and_cancelling_erases_nothing()
    {
        var request = await RequestAsync(ona, asta);
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage(1);

        var approving = Row(page, "Onaitė").QuerySelector("[data-testid=approve-erasure]")!.ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Erase the personal data of Ona Onaitė? Names, contact details and every text", dialogs.Markup));
        await AnswerAsync(dialogs, "Cancel");
        await approving.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(ErasureStatus.Requested, (await RowAsync(request)).Status);
        Assert.Equal("Onaitė", await Database.ReadAsync(db => db.Clients.Where(c => c.Id == ona).Select(c => c.LastName).SingleAsync()));
    }

    [Fact]
    public async Task Approving_after_the_confirmation_anonymizes_the_client_and_the_list_says_so()
    {
        var request = await RequestAsync(ona, asta);
        var dialogs = Render<MudDialogProvider>();
        var notices = Render<MudSnackbarProvider>();
        var page = RenderPage(1);

        var approving = Row(page, "Onaitė").QuerySelector("[data-testid=approve-erasure]")!.ClickAsync(new());
        await AnswerAsync(dialogs, "Approve and erase");
        await approving.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(ErasureStatus.Executed, (await RowAsync(request)).Status);
        Assert.Equal(Anonymization.Name, await Database.ReadAsync(db => db.Clients.Where(c => c.Id == ona).Select(c => c.LastName).SingleAsync()));
        page.WaitForAssertion(() => Assert.Equal("Erased (anonymized)", Row(page, Anonymization.Name).QuerySelector("[data-testid=erasure-status]")!.TextContent));
        notices.WaitForAssertion(() => Assert.Contains("The client's data was anonymized.", notices.Find("[data-testid=notification]").TextContent));
    }

    [Fact]
    public async Task Approving_for_a_client_with_an_open_case_is_refused_with_the_domains_because()
    {
        var request = await RequestAsync(openCaseClient, asta);
        var dialogs = Render<MudDialogProvider>();
        var notices = Render<MudSnackbarProvider>();
        var page = RenderPage(1);

        var approving = Row(page, "Atvejauskas").QuerySelector("[data-testid=approve-erasure]")!.ClickAsync(new());
        await AnswerAsync(dialogs, "Approve and erase");
        await approving.WaitAsync(TimeSpan.FromSeconds(15));

        notices.WaitForAssertion(() => Assert.Contains("the client has 1 open case(s); close them first", notices.Find("[data-testid=notification]").TextContent));
        Assert.Equal(ErasureStatus.Requested, (await RowAsync(request)).Status);
    }

    [Fact]
    public async Task Refusing_asks_for_the_reason_then_for_a_confirmation_and_keeps_the_reason()
    {
        var request = await RequestAsync(ona, asta);
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage(1);

        var refusing = Row(page, "Onaitė").QuerySelector("[data-testid=refuse-erasure]")!.ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("textarea[data-testid=reason]")));
        await dialogs.Find("textarea[data-testid=reason]").ChangeAsync(new() { Value = "Duomenų reikia vykdomam atvejui" });
        await dialogs.Find("[data-testid=reason-ok]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Nothing is erased; the decision is final", dialogs.Markup));
        await AnswerAsync(dialogs, "Refuse");
        await refusing.WaitAsync(TimeSpan.FromSeconds(15));

        var refused = await RowAsync(request);
        Assert.Equal((ErasureStatus.Refused, "Duomenų reikia vykdomam atvejui"), (refused.Status, refused.RefusalBecause));
        page.WaitForAssertion(() => Assert.Contains("Duomenų reikia vykdomam atvejui", Row(page, "Onaitė").QuerySelector("[data-testid=erasure-refusal]")!.TextContent));
    }

    [Fact]
    public async Task The_status_filter_shows_only_the_requests_in_that_status()
    {
        await RequestAsync(ona, asta);
        var refused = await RequestAsync(jonas, asta);
        await Database.Send(new RefuseErasure(refused, (await RowAsync(refused)).Version, "Duomenų dar reikia"), head);
        Render<MudPopoverProvider>();
        var page = RenderPage(2);

        var filter = page.FindComponent<MudSelect<ErasureStatus?>>();
        await filter.InvokeAsync(() => filter.Instance.ValueChanged.InvokeAsync(ErasureStatus.Refused));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=erasure-requests] tbody tr")));
        Assert.Contains("Jonaitis", page.Find("[data-testid=erasure-requests]").TextContent);
    }
}

/// <summary>A caseworker asks for erasures and sees them, but decides none.</summary>
public sealed class ErasureRequestFormTests : DomainComponentTestContext
{
    private Caller asta = default!;
    private Guid ona;

    protected override async Task<Caller> ArrangeAsync()
    {
        asta = await Database.CreateUserAsync("asta", Roles.Caseworker);
        await Database.PlaceInUnitAsync(asta, Casework.SocialServices);
        ona = await Database.RegisterAsync(asta, "Ona", "Onaitė");
        return asta;
    }

    private IRenderedComponent<RequestErasureForm> RenderForm()
    {
        Render<MudPopoverProvider>();
        return Render<RequestErasureForm>(p => p.Add(f => f.ClientId, ona));
    }

    [Fact]
    public async Task A_request_without_a_reason_shows_the_domains_message_at_the_reason_and_asks_nothing()
    {
        var form = RenderForm();
        Assert.Empty(FieldMessages.InvalidFields(form));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Say why the client's data is to be erased.", FieldMessages.At(form, "textarea[name=Reason]")));
        Assert.Equal(0, await Database.ReadAsync(db => db.ErasureRequests.CountAsync()));
    }

    [Fact]
    public async Task A_request_is_saved_with_its_ground_and_a_second_one_is_refused_while_the_first_waits()
    {
        var notices = Render<MudSnackbarProvider>();
        var form = RenderForm();
        var ground = form.FindComponent<MudSelect<ErasureGround>>();
        await ground.InvokeAsync(() => ground.Instance.ValueChanged.InvokeAsync(ErasureGround.ConsentWithdrawn));
        await form.Find("textarea[name=Reason]").ChangeAsync(new() { Value = "Sutikimas atšauktas raštu" });

        await form.Find("form").SubmitAsync();

        var saved = await Database.ReadAsync(db => db.ErasureRequests.SingleAsync());
        Assert.Equal((ona, ErasureGround.ConsentWithdrawn, "Sutikimas atšauktas raštu"), (saved.ClientId, saved.Ground, saved.Reason));

        var again = Render<RequestErasureForm>(p => p.Add(f => f.ClientId, ona));
        await again.Find("textarea[name=Reason]").ChangeAsync(new() { Value = "Dar kartą" });
        await again.Find("form").SubmitAsync();

        notices.WaitForAssertion(() => Assert.Contains(notices.FindAll("[data-testid=notification]"),
            n => n.TextContent.Contains("already waiting for a decision", StringComparison.Ordinal)));
        Assert.Equal(1, await Database.ReadAsync(db => db.ErasureRequests.CountAsync()));
    }

    [Fact]
    public async Task A_caseworker_sees_the_requests_but_decides_none()
    {
        var other = await Database.CreateUserAsync("rasa", Roles.Caseworker);
        await Database.Send(new RequestErasure(ona, ErasureGround.ClientRequest, "Prašymas"), other);

        var page = Render<ErasureRequestsPage>();

        page.WaitForAssertion(() => Assert.Contains("Ona Onaitė", page.Find("[data-testid=erasure-requests]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=approve-erasure]"));
        Assert.Empty(page.FindAll("[data-testid=refuse-erasure]"));
    }
}

/// <summary>The retention periods: one form, one save, the domain's message at the period it refuses.</summary>
public sealed class RetentionSettingsPageTests : DomainComponentTestContext
{
    private Caller admin = default!;

    protected override async Task<Caller> ArrangeAsync() => admin = await Database.CreateUserAsync("admin", Roles.Admin);

    private IRenderedComponent<RetentionSettingsPage> RenderPage()
    {
        var page = Render<RetentionSettingsPage>();
        page.WaitForAssertion(() => Assert.Equal(Enum.GetValues<RetentionKind>().Length, page.FindAll("input[name^=Months-]").Count));
        return page;
    }

    private Task<RetentionSettings> SettingsAsync() => Database.Send(new GetRetentionSettings(), admin);

    private static Task TypeMonthsAsync(IRenderedComponent<RetentionSettingsPage> page, RetentionKind kind, string months) =>
        page.Find($"input[name=Months-{kind}]").ChangeAsync(new() { Value = months });

    [Fact]
    public async Task An_administrator_changes_two_periods_with_one_save_and_each_gets_a_version_with_the_note()
    {
        var page = RenderPage();
        Assert.Empty(FieldMessages.InvalidFields(page));
        await TypeMonthsAsync(page, RetentionKind.Contacts, "48");
        await TypeMonthsAsync(page, RetentionKind.PhoneMessages, "6");
        await page.Find("textarea[name=Note]").ChangeAsync(new() { Value = "Tarybos sprendimas" });
        page.WaitForAssertion(() => Assert.Contains("2 period(s) changed", page.Find("[data-testid=retention-changes]").TextContent));

        await page.Find("[data-testid=save-retention]").ClickAsync(new());

        var settings = await SettingsAsync();
        Assert.Equal(48, settings.InForce.Single(r => r.Kind == RetentionKind.Contacts).Months);
        Assert.Equal(6, settings.InForce.Single(r => r.Kind == RetentionKind.PhoneMessages).Months);
        Assert.Equal(2, settings.History.Count);
        Assert.All(settings.History, v => Assert.Equal("Tarybos sprendimas", v.Note));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=retention-history] tbody tr").Count));
        Assert.Contains("No changes.", page.Find("[data-testid=retention-changes]").TextContent);
    }

    [Fact]
    public async Task A_period_out_of_range_gets_the_domains_message_at_its_field_and_the_valid_change_is_saved()
    {
        var page = RenderPage();
        await TypeMonthsAsync(page, RetentionKind.Contacts, "48");
        await TypeMonthsAsync(page, RetentionKind.Emails, "0");

        await page.Find("[data-testid=save-retention]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal($"A retention period must be between {RetentionDefaults.MinMonths} and {RetentionDefaults.MaxMonths} months.",
            FieldMessages.At(page, $"input[name=Months-{RetentionKind.Emails}]")));
        Assert.Equal("", FieldMessages.At(page, $"input[name=Months-{RetentionKind.Contacts}]"));
        var settings = await SettingsAsync();
        Assert.Equal(48, settings.InForce.Single(r => r.Kind == RetentionKind.Contacts).Months);
        Assert.True(settings.InForce.Single(r => r.Kind == RetentionKind.Emails).IsDefault);
        Assert.Contains("1 period(s) changed", page.Find("[data-testid=retention-changes]").TextContent);
    }

    [Fact]
    public async Task A_too_long_note_gets_the_domains_message_at_the_note_and_nothing_is_saved()
    {
        var page = RenderPage();
        await TypeMonthsAsync(page, RetentionKind.Contacts, "48");
        await TypeMonthsAsync(page, RetentionKind.Emails, "24");
        await page.Find("textarea[name=Note]").ChangeAsync(new() { Value = new string('a', 1001) });

        await page.Find("[data-testid=save-retention]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("At most 1000 characters.", FieldMessages.At(page, "textarea[name=Note]")));
        Assert.Empty((await SettingsAsync()).History);
    }

    [Fact]
    public async Task Applying_retention_asks_first_and_cancelling_runs_nothing()
    {
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage();

        var applying = page.Find("[data-testid=apply-retention]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Names, contact details and free text of those records are replaced for good", dialogs.Markup));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync(new());
        await applying.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Empty((await SettingsAsync()).LatestRuns);
    }
}

/// <summary>A head reads the periods but changes none (SetRetentionPeriod is the administrator's).</summary>
public sealed class RetentionSettingsReadOnlyTests : DomainComponentTestContext
{
    protected override Task<Caller> ArrangeAsync() => Database.CreateUserAsync("head", Roles.Head);

    [Fact]
    public void A_head_sees_the_periods_without_a_form_or_the_run_button()
    {
        var page = Render<RetentionSettingsPage>();

        page.WaitForAssertion(() => Assert.Equal(Enum.GetValues<RetentionKind>().Length, page.FindAll("[data-testid=retention-periods] tbody tr").Count));
        Assert.Empty(page.FindAll("input"));
        Assert.Empty(page.FindAll("[data-testid=apply-retention]"));
        Assert.Contains("120 months", page.Find("[data-testid=retention-periods]").TextContent);
    }
}
