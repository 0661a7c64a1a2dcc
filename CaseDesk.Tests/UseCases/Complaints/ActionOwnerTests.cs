using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Common.Pipeline;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Users;
using CaseDesk.Domain.Work;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Complaints;

/// <summary>
/// Issue 17: the owner of a corrective or improvement action reads its text in "My work" and in notifications, so only
/// someone who may see the complaint can be made the owner; a refused owner is told why at the owner field, and an owner
/// whose role is later taken away no longer sees the action's text.
/// </summary>
public sealed class ActionOwnerTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private Caller officer = default!;
    private Caller asta = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        officer = await database.CreateUserAsync("darius", Roles.QualityOfficer);
        asta = await database.CreateUserAsync("asta", Roles.Caseworker);
        await database.HeadOfAsync(Casework.SocialServices, "vida");
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    /// <summary>Every role that may not own an action, and an account without a role ("").</summary>
    public static TheoryData<string> IneligibleRoles => new([.. Roles.All.Except(ActionOwners.Roles), ""]);

    [Fact]
    public void The_owner_roles_are_those_that_may_both_read_the_complaint_and_report_the_action_done()
    {
        var read = RequestPolicy.AllowedRoles(typeof(GetComplaint));
        var report = RequestPolicy.AllowedRoles(typeof(ReportActionDone));

        Assert.Equal(Roles.All.Where(r => read.Contains(r) && report.Contains(r)), ActionOwners.Roles);
        Assert.DoesNotContain(Roles.Trainer, ActionOwners.Roles);
        Assert.DoesNotContain(Roles.Admin, ActionOwners.Roles);
        Assert.Contains(Roles.Caseworker, ActionOwners.Roles);
    }

    [Theory]
    [MemberData(nameof(IneligibleRoles))]
    public async Task Planning_a_corrective_action_for_a_role_that_may_not_see_complaints_is_refused_at_the_owner_field(string role)
    {
        var owner = role == "" ? await database.CreateCallerAsync() : await database.CreateCallerAsync(role);
        var id = await database.RegisterFeedbackAsync(officer);
        var version = await database.TakeToAsync(id, ComplaintStage.RootCauseFound, officer, asta);

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(
            new PlanCorrectiveAction(id, version, "Paskambinti Onai Onaitei", owner.UserId, database.Clock.UtcDateTime.AddDays(3)), officer));

        AssertSaysWhy(refused, role);
        await AssertNothingReachedAsync(id, owner);
    }

    [Theory]
    [MemberData(nameof(IneligibleRoles))]
    public async Task Adding_an_improvement_action_for_a_role_that_may_not_see_suggestions_is_refused_at_the_owner_field(string role)
    {
        var owner = role == "" ? await database.CreateCallerAsync() : await database.CreateCallerAsync(role);
        var id = await database.RegisterFeedbackAsync(officer, FeedbackKind.Suggestion);
        var version = (await database.GetAsync(id, officer)).Version;

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(
            new AddImprovementAction(id, version, "Įrengti rampą Onai", owner.UserId, database.Clock.UtcDateTime.AddDays(3)), officer));

        AssertSaysWhy(refused, role);
        await AssertNothingReachedAsync(id, owner);
    }

    [Fact]
    public async Task A_staff_member_holding_an_eligible_role_beside_the_trainer_role_may_own_an_action()
    {
        var both = await database.CreateCallerAsync(Roles.Caseworker, Roles.Trainer);
        var id = await database.RegisterFeedbackAsync(officer, FeedbackKind.Suggestion);

        await database.Send(new AddImprovementAction(id, (await database.GetAsync(id, officer)).Version, "Įrengti rampą",
            both.UserId, database.Clock.UtcDateTime.AddDays(3)), officer);

        Assert.Equal(both.UserId, Assert.Single((await database.GetAsync(id, officer)).Actions).OwnerUserId);
        Assert.Contains(await database.Send(new GetMyWork(), both), i => i.Kind == WorkKind.CorrectiveAction && i.Title == "Įrengti rampą");
    }

    [Fact]
    public async Task An_owner_whose_role_is_changed_to_trainer_no_longer_sees_the_action_in_my_work_or_in_notifications()
    {
        var id = await database.RegisterFeedbackAsync(officer);
        await database.TakeToAsync(id, ComplaintStage.ActionsPlanned, officer, asta);
        Assert.Contains(await database.Send(new GetMyWork(), asta), i => i.Kind == WorkKind.CorrectiveAction);
        Assert.Contains(await database.Send(new GetMyNotifications(), asta), n => n.Link == $"complaints/{id}");

        var admin = await database.CreateCallerAsync(Roles.Admin);
        var stamp = await database.ReadAsync(db => db.Users.Where(u => u.Id == asta.UserId).Select(u => u.ConcurrencyStamp!).SingleAsync());
        await database.Send(new SetStaffRoles(asta.UserId, [Roles.Trainer], stamp), admin);
        // Signed in again (a role change ends her session), she holds the trainer role only.
        var trainer = asta with { Roles = new HashSet<string>(await database.RolesOfAsync(asta.UserId)) };

        Assert.Equal([Roles.Trainer], trainer.Roles);
        Assert.Empty(await database.Send(new GetMyWork(), trainer));
        Assert.Empty(await database.Send(new GetMyNotifications(), trainer));
    }

    private static void AssertSaysWhy(RequestValidationException refused, string role)
    {
        var message = Assert.Single(Assert.Contains(nameof(PlanCorrectiveAction.OwnerUserId), refused.Errors));
        Assert.StartsWith("This employee cannot own the action, because ", message);
        Assert.Contains(role == "" ? "an account without a role may not see complaints" : $"the role {Domain.Audit.AuditNames.Role(role)} may not see complaints",
            message);
        Assert.Single(refused.Errors);
    }

    private async Task AssertNothingReachedAsync(Guid complaintId, Caller owner)
    {
        Assert.DoesNotContain((await database.GetAsync(complaintId, officer)).Actions, a => a.OwnerUserId == owner.UserId);
        Assert.False(await database.ReadAsync(db => db.Notifications.AnyAsync(n => n.UserId == owner.UserId)));
    }
}
