using Bunit;
using CaseDesk.App.Components.Pages.Complaints;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.Components.Pages.Complaints;

/// <summary>The standard officer's desk (12.2) on the real domain: what waits on whom, and what is late says so in words.</summary>
public sealed class OfficerDeskTests : DomainComponentTestContext
{
    private Caller officer = default!;
    private Caller asta = default!;
    private Guid registered;
    private Guid routed;
    private Guid planned;

    protected override async Task<Caller> ArrangeAsync()
    {
        asta = await Database.CreateUserAsync("asta", Roles.Caseworker);
        officer = await Database.CreateUserAsync("darius", Roles.QualityOfficer);
        await Database.HeadOfAsync(Casework.SocialServices, "vida");
        registered = await Database.RegisterFeedbackAsync(officer, text: "Niekas neatskambino");
        routed = await Database.RegisterFeedbackAsync(officer, text: "Laiškas liko be atsakymo");
        await Database.TakeToAsync(routed, ComplaintStage.Routed, officer, asta);
        planned = await Database.RegisterFeedbackAsync(officer, text: "Vizitas atšauktas be paaiškinimo");
        await Database.TakeToAsync(planned, ComplaintStage.ActionsPlanned, officer, asta);
        return officer;
    }

    private IRenderedComponent<OfficerDeskPage> Open()
    {
        var page = Render<OfficerDeskPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=desk-stage]")));
        return page;
    }

    private static string Words(string text) => string.Join(" ", text.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Open_complaints_are_grouped_by_whom_their_next_step_waits_on()
    {
        var page = Open();

        string WaitingOn(Guid id) => page.Find($"[data-testid=desk-complaint][data-id='{id}']").Closest("[data-testid=desk-waiting]")!.GetAttribute("data-waiting")!;
        Assert.Equal("Officer", WaitingOn(registered));
        Assert.Equal("UnitHeads", WaitingOn(routed));
        Assert.Equal("ActionOwners", WaitingOn(planned));
        Assert.Equal(
            ["Waiting on you (1)", "Waiting on the heads of the units concerned (1)", "Waiting on the owners of the actions (1)"],
            page.FindAll("[data-testid=desk-waiting] h3").Select(h => Words(h.TextContent)));
        Assert.Equal(ComplaintStage.Routed.ToString(),
            page.Find($"[data-testid=desk-complaint][data-id='{routed}']").Closest("[data-testid=desk-stage]")!.GetAttribute("data-stage"));
    }

    [Fact]
    public void Whom_a_complaint_waits_on_is_named_the_unit_with_its_head_or_the_actions_owner()
    {
        var page = Open();

        Assert.Matches(@"^Waiting on: .+ \(vida Tester\)$", page.Find($"[data-testid=desk-complaint][data-id='{routed}'] [data-testid=waiting-on]").TextContent.Trim());
        Assert.Equal("Waiting on: asta Tester", page.Find($"[data-testid=desk-complaint][data-id='{planned}'] [data-testid=waiting-on]").TextContent.Trim());
        Assert.Empty(page.FindAll($"[data-testid=desk-complaint][data-id='{registered}'] [data-testid=waiting-on]"));
    }

    [Fact]
    public async Task Past_their_deadlines_a_complaint_and_its_action_say_overdue_in_words_with_the_date()
    {
        var action = Assert.Single((await Database.GetAsync(planned, officer)).Actions);
        Database.Clock.Advance(TimeSpan.FromDays(60));

        var page = Open();

        var late = page.Find($"[data-testid=desk-complaint][data-id='{planned}']");
        Assert.StartsWith("Overdue:", Words(late.QuerySelector("[data-testid=overdue]")!.TextContent));
        Assert.NotNull(late.QuerySelector("[data-testid=overdue] svg")); // the icon beside the word
        var toVerify = Assert.Single(page.FindAll("[data-testid=desk-action]"));
        Assert.Equal("deadline passed: verify", toVerify.QuerySelector("[data-testid=action-state]")!.TextContent.Trim());
        Assert.Equal($"Overdue: {App.Services.Display.Time(action.DeadlineUtc)}", Words(toVerify.QuerySelector("[data-testid=overdue]")!.TextContent));
        Assert.Contains("overdue", page.Find("[data-testid=desk-overdue]").TextContent);
    }
}
