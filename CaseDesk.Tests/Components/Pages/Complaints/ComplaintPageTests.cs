using Bunit;
using CaseDesk.App.Components.Pages.Complaints;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Tests.Support;

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

    private IRenderedComponent<ComplaintPage> Open(Guid id)
    {
        var page = Render<ComplaintPage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=next-step]")));
        return page;
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

        page.Find("[data-testid=withdraw-action]").Click();
        page.Find("[data-testid=withdraw-form] textarea[name=WithdrawalReason]").Change("Suplanuota du kartus");
        await page.Find("[data-testid=withdraw-form]").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("Suplanuota du kartus", page.Find("[data-testid=action-withdrawn]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=withdraw-action]"));
        Assert.Empty(page.FindAll("[data-testid=verify-action]"));
        Assert.Empty(page.FindAll("[data-testid=report-done]"));
        Assert.Contains("Suplanuota du kartus", page.Find("[data-testid=timeline]").TextContent);
    }
}
