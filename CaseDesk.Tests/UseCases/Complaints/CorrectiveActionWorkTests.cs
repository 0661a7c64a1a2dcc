using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Dashboard;
using CaseDesk.Domain.Work;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.UseCases.Complaints;

/// <summary>"My work" lists the corrective actions the user owns until they are reported done: due at the deadline, overdue after it.</summary>
public sealed class CorrectiveActionWorkTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private Caller asta = default!;
    private Caller tomas = default!;
    private Caller officer = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        asta = await database.CreateUserAsync("asta", Roles.Caseworker);
        tomas = await database.CreateUserAsync("tomas", Roles.Caseworker);
        officer = await database.CreateUserAsync("darius", Roles.QualityOfficer);
        await database.HeadOfAsync(Casework.SocialServices, "vida");
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<IReadOnlyList<WorkItem>> ActionsOf(Caller user) =>
        (await database.Send(new GetMyWork(), user)).Where(i => i.Kind == WorkKind.CorrectiveAction).ToList();

    [Fact]
    public async Task The_owners_action_is_listed_with_its_deadline_becomes_overdue_after_it_and_leaves_once_reported_done()
    {
        var id = await database.RegisterFeedbackAsync(officer);
        await database.TakeToAsync(id, ComplaintStage.ActionsPlanned, officer, asta);
        var complaint = await database.GetAsync(id, officer);
        var action = Assert.Single(complaint.Actions);

        var item = Assert.Single(await ActionsOf(asta));
        Assert.Equal((action.Id, action.DeadlineUtc, (Guid?)id, complaint.Number), (item.Id, item.DueAtUtc, item.ComplaintId, item.Detail));
        Assert.Equal("Pranešimus perduoti raštu sistemoje", item.Title);
        Assert.NotEqual(ClockStatus.Breached, item.Status);
        Assert.Empty(await ActionsOf(tomas));

        database.Clock.Advance(action.DeadlineUtc - database.Clock.UtcDateTime + TimeSpan.FromMinutes(1));
        Assert.Equal(ClockStatus.Breached, Assert.Single(await ActionsOf(asta)).Status);

        await database.Send(new ReportActionDone(action.Id), asta);
        Assert.Empty(await ActionsOf(asta));
    }

    [Fact]
    public async Task An_action_verified_done_is_not_listed_and_one_verified_not_done_is_listed_again_with_its_new_deadline()
    {
        var id = await database.RegisterFeedbackAsync(officer);
        var version = await database.TakeToAsync(id, ComplaintStage.ActionsPlanned, officer, asta);
        var action = Assert.Single((await database.GetAsync(id, officer)).Actions);
        database.Clock.Advance(action.DeadlineUtc - database.Clock.UtcDateTime + TimeSpan.FromMinutes(1));

        version = await database.Send(new VerifyCorrectiveAction(id, version, action.Id, VerificationResult.NotDone, "Tvarka nepakeista"), officer);
        Assert.Single(await ActionsOf(asta));
        var newDeadline = database.Clock.UtcDateTime.AddDays(7);
        version = await database.Send(new ExtendCorrectiveAction(id, version, action.Id, newDeadline), officer);
        var extended = Assert.Single(await ActionsOf(asta));
        Assert.Equal((newDeadline, ClockStatus.OnTrack), (extended.DueAtUtc, extended.Status));

        database.Clock.Advance(TimeSpan.FromDays(8));
        await database.Send(new VerifyCorrectiveAction(id, version, action.Id, VerificationResult.Done, "Patikrinta sistemoje"), officer);
        Assert.Empty(await ActionsOf(asta));
    }
    [Fact]
    public async Task A_withdrawn_action_leaves_my_work_the_dashboard_and_the_officers_desk_and_stays_in_the_history()
    {
        var id = await database.RegisterFeedbackAsync(officer);
        var version = await database.TakeToAsync(id, ComplaintStage.ActionsPlanned, officer, asta);
        var action = Assert.Single((await database.GetAsync(id, officer)).Actions);
        database.Clock.Advance(action.DeadlineUtc - database.Clock.UtcDateTime + TimeSpan.FromMinutes(1));
        Assert.Equal(ClockStatus.Breached, Assert.Single(await ActionsOf(asta)).Status);
        Assert.Equal(1, (await database.Send(new GetDashboard(DashboardScope.Department, DashboardWindow.Today), officer)).CorrectiveActionsOverdue);
        Assert.Contains((await database.Send(new GetOfficerDesk(), officer)).ActionsToVerify, a => a.ActionId == action.Id);

        await database.Send(new WithdrawCorrectiveAction(id, version, action.Id, "Suplanuota du kartus"), officer);

        Assert.Empty(await ActionsOf(asta));
        Assert.Equal(0, (await database.Send(new GetDashboard(DashboardScope.Department, DashboardWindow.Today), officer)).CorrectiveActionsOverdue);
        Assert.DoesNotContain((await database.Send(new GetOfficerDesk(), officer)).ActionsToVerify, a => a.ActionId == action.Id);
        var complaint = await database.GetAsync(id, officer);
        var withdrawn = Assert.Single(complaint.Actions);
        Assert.Equal((true, false, "Suplanuota du kartus", "darius Tester"), (withdrawn.IsWithdrawn, withdrawn.IsOpen, withdrawn.WithdrawalReason, withdrawn.WithdrawnBy));
        Assert.False(withdrawn.VerifiableNow);
        Assert.Contains(complaint.Steps, s => s.WithdrawnActionId == action.Id && s.Note!.Contains("Suplanuota du kartus"));
        Assert.Equal(nameof(WithdrawCorrectiveAction), (await database.AuditEntriesAsync()).Last(a => a.Kind == AuditKind.Change).Action);
    }

    [Fact]
    public async Task Only_heads_and_the_standard_officer_withdraw_actions()
    {
        var id = await database.RegisterFeedbackAsync(officer);
        var version = await database.TakeToAsync(id, ComplaintStage.ActionsPlanned, officer, asta);
        var action = Assert.Single((await database.GetAsync(id, officer)).Actions);

        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new WithdrawCorrectiveAction(id, version, action.Id, "Nereikia"), asta));

        Assert.True(Assert.Single((await database.GetAsync(id, officer)).Actions).IsOpen);
    }

    [Fact]
    public async Task Planning_the_same_action_again_is_refused_and_nothing_is_added()
    {
        using var _ = UiCulture.Use("en");
        var id = await database.RegisterFeedbackAsync(officer);
        var version = await database.TakeToAsync(id, ComplaintStage.ActionsPlanned, officer, asta);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(
            new PlanCorrectiveAction(id, version, "pranešimus perduoti raštu sistemoje", tomas.UserId, database.Clock.UtcDateTime.AddDays(3)), officer));

        Assert.StartsWith("The action was not added, because the complaint already has the open action", refusal.Because);
        Assert.Single((await database.GetAsync(id, officer)).Actions);
    }
}
