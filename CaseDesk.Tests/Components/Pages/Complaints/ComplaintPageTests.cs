using Bunit;
using CaseDesk.App.Components.Pages.Complaints;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.Complaints;
using MudBlazor;

namespace CaseDesk.Tests.Components.Pages.Complaints;

/// <summary>The complaint page offers only the action buttons the domain would accept, and says where a closed complaint stands.</summary>
public sealed class ComplaintPageTests : DomainComponentTestContext
{
    private Caller officer = default!;
    private Caller asta = default!;

    protected override async Task<Caller> ArrangeAsync()
    {
        asta = await Database.CreateUserAsync("asta", Roles.Caseworker);
        officer = await Database.CreateUserAsync("darius", Roles.QualityOfficer);
        await Database.HeadOfAsync(Casework.SocialServices, "vida");
        return officer;
    }

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private bool popovers;

    private IRenderedComponent<ComplaintPage> Open(Guid id)
    {
        if (!popovers)
            (popovers, _) = (true, Render<MudPopoverProvider>());
        var page = Render<ComplaintPage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=next-step]")));
        return page;
    }

    private const string PublicNote = "[data-testid=public-status-note]";

    [Fact]
    public async Task Anonymous_feedback_followed_by_code_says_the_person_reads_what_is_written_at_each_step_on_the_status_page()
    {
        var id = await Database.RegisterFeedbackAsync(officer, contactName: null, contactDetails: null);
        await Database.FollowByCodeAsync(id);

        var registered = Open(id);
        Assert.Contains("follows it on the public status page with their code", registered.Find("[data-testid=complaint-from]").TextContent);
        Assert.DoesNotContain("no one to tell", registered.Find("[data-testid=complaint-from]").TextContent);
        var note = registered.Find($"[data-testid=next-step] [data-testid=step-form] {PublicNote}").TextContent;
        Assert.Contains("follows this feedback on the public status page with their tracking code", note);
        Assert.Contains("The acknowledgement, the action plan, the outcome and the thanks written here are shown there", note);
        Assert.Contains("not the facts, the root cause, the actions or notes", note);

        // Not at the facts (never shown there); again at the outcome, instead of "no one to tell".
        await Database.TakeToAsync(id, ComplaintStage.Acknowledged, officer, asta);
        Assert.Empty(Open(id).FindAll(PublicNote));
        await Database.TakeToAsync(id, ComplaintStage.ActionsVerified, officer, asta);
        var outcome = Open(id);
        Assert.Single(outcome.FindAll($"[data-testid=step-form] {PublicNote}"));
        Assert.DoesNotContain("there was no one to tell", outcome.Find("[data-testid=next-step]").TextContent);
    }

    [Fact]
    public async Task Anonymous_feedback_without_a_code_still_has_no_one_to_tell_and_no_status_page_note()
    {
        var id = await Database.RegisterFeedbackAsync(officer, contactName: null, contactDetails: null);
        await Database.TakeToAsync(id, ComplaintStage.ActionsVerified, officer, asta);

        var page = Open(id);

        Assert.Contains("no one to tell", page.Find("[data-testid=complaint-from]").TextContent);
        Assert.Contains("Anonymous: record the outcome and that there was no one to tell.", page.Find("[data-testid=next-step]").TextContent);
        Assert.Empty(page.FindAll(PublicNote));
    }

    [Fact]
    public async Task Anonymous_praise_is_thanked_when_followed_by_code_and_otherwise_there_is_no_one_to_thank()
    {
        var followed = await Database.RegisterFeedbackAsync(officer, FeedbackKind.Praise, contactName: null, contactDetails: null);
        await Database.FollowByCodeAsync(followed);
        var unreachable = await Database.RegisterFeedbackAsync(officer, FeedbackKind.Praise, contactName: null, contactDetails: null);

        var page = Open(followed);
        Assert.Contains("Praise · Phone · received", page.Markup);
        Assert.Equal("Still open", page.Find("[data-testid=complaint-stage]").TextContent.Trim());
        Assert.Contains("Thank the client for the praise", page.Find("[data-testid=step-form]").TextContent);
        Assert.Single(page.FindAll($"[data-testid=step-form] {PublicNote}"));
        await page.Find("[data-testid=step-form] input[name=How]").ChangeAsync(new() { Value = "Padėka parašyta būsenos puslapyje" });
        await page.Find("[data-testid=step-form]").SubmitAsync();
        page.WaitForAssertion(() => Assert.Contains("The client was thanked", page.Find("[data-testid=next-step] h2").TextContent), Patience);
        Assert.NotNull((await Database.GetAsync(followed, officer)).ThankedAtUtc);

        var none = Open(unreachable);
        Assert.Contains("The praise is anonymous: there is no one to thank.", none.Find("[data-testid=next-step]").TextContent);
        Assert.Empty(none.FindAll("[data-testid=next-step] [data-testid=step-form]"));
        Assert.Empty(none.FindAll(PublicNote));
    }

    [Fact]
    public async Task Verify_is_offered_only_after_the_deadline_or_once_the_owner_reported_the_action_done()
    {
        var id = await Database.RegisterFeedbackAsync(officer);
        await Database.TakeToAsync(id, ComplaintStage.ActionsPlanned, officer, asta);
        var action = Assert.Single((await Database.GetAsync(id, officer)).Actions);

        var before = Open(id);
        Assert.Empty(before.FindAll("[data-testid=verify-action]"));
        Assert.Single(before.FindAll("[data-testid=report-done]"));

        await Database.Send(new ReportActionDone(action.Id), asta);
        var reported = Open(id);
        Assert.Single(reported.FindAll("[data-testid=verify-action]"));
    }

    [Fact]
    public async Task Verify_is_offered_once_the_deadline_has_passed()
    {
        var id = await Database.RegisterFeedbackAsync(officer);
        await Database.TakeToAsync(id, ComplaintStage.ActionsPlanned, officer, asta);
        var action = Assert.Single((await Database.GetAsync(id, officer)).Actions);
        Database.Clock.Advance(action.DeadlineUtc - Database.Clock.UtcDateTime + TimeSpan.FromMinutes(1));

        Assert.Single(Open(id).FindAll("[data-testid=verify-action]"));
    }

    [Fact]
    public async Task A_closed_complaint_says_it_is_closed_not_that_it_is_routed_to_the_heads()
    {
        var id = await Database.RegisterFeedbackAsync(officer);
        await Database.TakeToAsync(id, ComplaintStage.Closed, officer, asta);

        var page = Open(id);

        Assert.Equal("The complaint is closed", page.Find("[data-testid=next-step] h2").TextContent.Trim());
        Assert.Single(page.FindAll("[data-testid=next-step] [data-testid=step-submit]")); // reopening, for the officer
    }

    [Fact]
    public async Task An_open_action_is_withdrawn_with_a_reason_and_then_offers_nothing_more()
    {
        var id = await Database.RegisterFeedbackAsync(officer);
        await Database.TakeToAsync(id, ComplaintStage.ActionsPlanned, officer, asta);
        var page = Open(id);

        page.WaitForElement("[data-testid=withdraw-action]", Patience).Click();
        // The form opens after a render; on PostgreSQL (truly asynchronous) not yet when the click returns.
        await page.WaitForElement("[data-testid=withdraw-form] textarea[name=WithdrawalReason]", Patience).ChangeAsync(new() { Value = "Suplanuota du kartus" });
        await page.Find("[data-testid=withdraw-form]").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("Suplanuota du kartus", page.Find("[data-testid=action-withdrawn]").TextContent), Patience);
        Assert.Empty(page.FindAll("[data-testid=withdraw-action]"));
        Assert.Empty(page.FindAll("[data-testid=verify-action]"));
        Assert.Empty(page.FindAll("[data-testid=report-done]"));
        Assert.Contains("Suplanuota du kartus", page.Find("[data-testid=timeline]").TextContent);
    }

    [Fact]
    public async Task A_step_without_its_text_shows_the_domains_message_at_the_field_and_the_stage_stays()
    {
        var id = await Database.RegisterFeedbackAsync(officer);
        await Database.TakeToAsync(id, ComplaintStage.Acknowledged, officer, asta);
        var page = Open(id);

        await page.Find("[data-testid=next-step] form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("Write the facts that were clarified.", FieldMessages.At(page, "textarea[name=Facts]")), Patience);
        Assert.Equal(ComplaintStage.Acknowledged, (await Database.GetAsync(id, officer)).Stage);
    }

    [Fact]
    public async Task The_owner_list_offers_only_staff_who_may_see_the_complaint_not_a_trainer_or_the_administrator()
    {
        var trainer = await Database.CreateUserAsync("treneris", Roles.Trainer);
        var admin = await Database.CreateUserAsync("adminas", Roles.Admin);
        var id = await Database.RegisterFeedbackAsync(officer);
        await Database.TakeToAsync(id, ComplaintStage.RootCauseFound, officer, asta);
        var page = Open(id);

        var owner = page.FindComponent<MudSelect<string>>();
        await owner.InvokeAsync(() => owner.Instance.OpenMenu());

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindComponents<MudSelectItem<string>>()), Patience);
        var offered = page.FindComponents<MudSelectItem<string>>().Select(i => i.Instance.Value).ToList();
        Assert.Contains(asta.UserId, offered);
        Assert.Contains(officer.UserId, offered);
        Assert.DoesNotContain(trainer.UserId, offered);
        Assert.DoesNotContain(admin.UserId, offered);
    }

    [Fact]
    public async Task A_refused_step_says_why_on_the_page()
    {
        var id = await Database.RegisterFeedbackAsync(officer);
        await Database.TakeToAsync(id, ComplaintStage.ActionsPlanned, officer, asta);
        var page = Open(id);
        var planned = Assert.Single((await Database.GetAsync(id, officer)).Actions);
        await page.Find("[data-testid=action-form] textarea[name=Description]").ChangeAsync(new() { Value = planned.Description });
        var owner = page.FindComponent<MudSelect<string>>();
        await owner.InvokeAsync(() => owner.Instance.ValueChanged.InvokeAsync(asta.UserId));

        await page.Find("[data-testid=action-form]").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains($"The action was not added, because the complaint already has the open action \"{planned.Description}\"",
            page.Find("[data-testid=refusal]").TextContent), Patience);
        Assert.Single((await Database.GetAsync(id, officer)).Actions);
    }

    [Fact]
    public async Task Closing_asks_first_says_what_happens_and_a_cancel_leaves_the_complaint_open()
    {
        var id = await Database.RegisterFeedbackAsync(officer);
        await Database.TakeToAsync(id, ComplaintStage.ClientInformed, officer, asta);
        var dialogs = Render<MudDialogProvider>();
        var page = Open(id);
        var number = (await Database.GetAsync(id, officer)).Number;

        var asking = page.Find("[data-testid=next-step] [data-testid=step-submit]").ClickAsync(new()); // the click waits for the answer

        dialogs.WaitForAssertion(() => Assert.Contains($"Complaint {number} will be closed", dialogs.Find("[role=dialog]").TextContent), Patience);
        await dialogs.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync(new());
        await asking.WaitAsync(Patience);
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[role=dialog]")), Patience);
        Assert.Equal(ComplaintStage.ClientInformed, (await Database.GetAsync(id, officer)).Stage);

        var closing = page.Find("[data-testid=next-step] [data-testid=step-submit]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[role=dialog]")), Patience);
        await dialogs.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Close the complaint").ClickAsync(new());
        await closing.WaitAsync(Patience);

        await Eventually.WaitForAsync(async () => Assert.Equal(ComplaintStage.Closed, (await Database.GetAsync(id, officer)).Stage));
        page.WaitForAssertion(() => Assert.Equal("The complaint is closed", page.Find("[data-testid=next-step] h2").TextContent.Trim()), Patience);
    }
}
