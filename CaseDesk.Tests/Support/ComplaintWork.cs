using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.Support;

/// <summary>Short ways to register feedback and take a complaint along its path through the real use cases.</summary>
public static class ComplaintWork
{
    public static RegisterFeedback Feedback(DateTime receivedAtUtc, FeedbackKind kind = FeedbackKind.Complaint, Guid? clientId = null, Guid? caseId = null,
        string text = "Niekas neatskambino, nors žadėjo", int[]? touchpoints = null, string[]? commitments = null,
        string? contactName = null, string? contactDetails = null, FeedbackSource source = FeedbackSource.Phone) =>
        new(kind, source, receivedAtUtc, text, clientId, caseId, contactName, contactDetails, touchpoints ?? [2], commitments ?? ["VIII"]);

    public static Task<Guid> RegisterFeedbackAsync(this TestDatabase db, Caller by, FeedbackKind kind = FeedbackKind.Complaint, Guid? clientId = null,
        string text = "Niekas neatskambino, nors žadėjo", int[]? touchpoints = null, string[]? commitments = null, DateTime? receivedAtUtc = null,
        string? contactName = "Ona Onaitė", string? contactDetails = "+37060000000") =>
        db.Send(Feedback(receivedAtUtc ?? db.Clock.UtcDateTime, kind, clientId, null, text, touchpoints, commitments, contactName, contactDetails), by);

    public static async Task<ComplaintDetails> GetAsync(this TestDatabase db, Guid id, Caller by) => await db.Send(new GetComplaint(id), by);

    /// <summary>
    /// Takes a complaint from where it is to <paramref name="stage"/> as <paramref name="officer"/>, one minute per step.
    /// Actions are planned for <paramref name="owner"/> with a deadline a day ahead and verified once the clock passes it.
    /// </summary>
    public static async Task<Guid> TakeToAsync(this TestDatabase db, Guid id, ComplaintStage stage, Caller officer, Caller owner,
        Guid unit = default, string rootCause = "routing")
    {
        var c = await db.GetAsync(id, officer);
        var version = c.Version;
        while (c.Stage < stage)
        {
            db.Clock.Advance(TimeSpan.FromMinutes(1));
            version = c.Stage switch
            {
                ComplaintStage.Registered => await db.Send(new AcknowledgeComplaint(id, version, false, null), officer),
                ComplaintStage.Acknowledged => await db.Send(new ClarifyComplaintFacts(id, version, "Pranešimas kolegai nebuvo perduotas"), officer),
                ComplaintStage.FactsClarified => await db.Send(new TellComplaintActionPlan(id, version, "Paskambinsime ir perduosime pranešimą"), officer),
                ComplaintStage.ActionPlanTold => await db.Send(new RouteComplaint(id, version, [unit == default ? Casework.SocialServices : unit]), officer),
                ComplaintStage.Routed => await db.Send(new ChooseRootCause(id, version, rootCause, "Žodinis perdavimas"), officer),
                ComplaintStage.RootCauseFound => await db.Send(new PlanCorrectiveAction(id, version, "Pranešimus perduoti raštu sistemoje",
                    owner.UserId, db.Clock.UtcDateTime.AddDays(1)), officer),
                ComplaintStage.ActionsPlanned => await VerifyAllAsync(db, id, version, officer),
                ComplaintStage.ActionsVerified => await db.Send(new InformComplainant(id, version, "Atsiprašėme, tvarka pakeista", "Telefonu"), officer),
                ComplaintStage.ClientInformed => await db.Send(new CloseComplaint(id, version), officer),
                _ => throw new InvalidOperationException($"Cannot move on from {c.Stage}."),
            };
            c = await db.GetAsync(id, officer);
            Assert.Equal(version, c.Version);
        }
        Assert.Equal(stage, c.Stage);
        return version;
    }

    private static async Task<Guid> VerifyAllAsync(TestDatabase db, Guid id, Guid version, Caller officer)
    {
        var c = await db.GetAsync(id, officer);
        var latest = c.Actions.Where(a => a.Result != VerificationResult.Done).Max(a => a.DeadlineUtc);
        if (db.Clock.UtcDateTime <= latest)
            db.Clock.Advance(latest - db.Clock.UtcDateTime + TimeSpan.FromMinutes(1));
        foreach (var action in c.Actions.Where(a => a.Result != VerificationResult.Done))
            version = await db.Send(new VerifyCorrectiveAction(id, version, action.Id, VerificationResult.Done, "Patikrinta sistemoje"), officer);
        return version;
    }

    /// <summary>A Head of the unit (the demo heads' way: the unit is set on the user).</summary>
    public static async Task<Caller> HeadOfAsync(this TestDatabase db, Guid unit, string name)
    {
        var head = await db.CreateUserAsync(name, Roles.Head);
        await using var context = db.OpenDb();
        (await context.Users.SingleAsync(u => u.Id == head.UserId)).UnitId = unit;
        await context.SaveChangesAsync();
        return head;
    }
}
