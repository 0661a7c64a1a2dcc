using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Complaints;

/// <summary>
/// The standard officer's desk (12.2): open complaints by stage and age, actions due or overdue for
/// verification, clients waiting to be told what was done, suggestions and praise not yet thanked, and when
/// feedback was last handed over.
/// </summary>
[AllowedRoles(Roles.QualityOfficer)]
public sealed record GetOfficerDesk : IQuery<OfficerDesk>, IReadsPersonalData
{
    /// <summary>Actions whose deadline falls within this many days are listed as due.</summary>
    public const int DueWithinDays = 7;

    Guid? IReadsPersonalData.ClientId => null;
}

public sealed record OfficerDesk(
    DateTime NowUtc,
    IReadOnlyList<DeskStage> OpenByStage,
    IReadOnlyList<DeskAction> ActionsToVerify,
    IReadOnlyList<DeskComplaint> NotInformed,
    IReadOnlyList<DeskComplaint> NotThanked,
    DateTime? LastDigestToUtc) : IShowsClients
{
    public IEnumerable<Guid> ClientIdsShown =>
        OpenByStage.SelectMany(s => s.Complaints).Concat(NotInformed).Concat(NotThanked)
            .Where(c => c.ClientId is not null).Select(c => c.ClientId!.Value);
}

public sealed record DeskStage(ComplaintStage Stage, IReadOnlyList<DeskComplaint> Complaints);

/// <summary>
/// An open item; the age counts from when the department received it, StageSince from its last step. <see cref="FollowedByCode"/>:
/// given on the public form, the person follows it with their tracking code (so even anonymous, there is someone to thank).
/// </summary>
public sealed record DeskComplaint(Guid Id, string Number, FeedbackKind Kind, ComplaintStage Stage, DateTime ReceivedAtUtc, DateTime StageSinceUtc,
    string Excerpt, Guid? ClientId, string? From, bool IsAnonymous, ClockStatus? Resolution, DateTime? ResolutionDueUtc, bool FollowedByCode = false);

/// <summary>
/// An action to check. <see cref="VerifiableNow"/>: its deadline passed or its owner reported it done.
/// <see cref="NeedsNewDeadline"/>: verified as not done, waiting for a new deadline.
/// </summary>
public sealed record DeskAction(Guid ActionId, Guid ComplaintId, string ComplaintNumber, FeedbackKind Kind, string Description, string Owner,
    DateTime DeadlineUtc, DateTime? ReportedDoneAtUtc, bool VerifiableNow, bool Overdue, bool NeedsNewDeadline);

internal sealed class GetOfficerDeskHandler(CaseDeskDb db, TimeProvider clock) : IRequestHandler<GetOfficerDesk, OfficerDesk>
{
    public async Task<OfficerDesk> Handle(GetOfficerDesk request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;

        var open = await Items(ComplaintQueries.Filtered(db, new ComplaintFilter(ComplaintScope.Open)), now, ct);
        var complaints = open.Where(c => c.Kind == FeedbackKind.Complaint).ToList();
        var byStage = complaints.GroupBy(c => c.Stage).OrderBy(g => g.Key)
            .Select(g => new DeskStage(g.Key, g.OrderBy(c => c.ReceivedAtUtc).Select(c => c.Item).ToList())).ToList();
        var notInformed = complaints.Where(c => c.Stage == ComplaintStage.ActionsVerified).OrderBy(c => c.StageSinceUtc).ToList();
        // Anonymous feedback followed by a tracking code is thanked on the public status page.
        var notThanked = open.Where(c => c.Kind != FeedbackKind.Complaint && (!c.IsAnonymous || c.Item.FollowedByCode) && !c.Thanked)
            .OrderBy(c => c.ReceivedAtUtc).ToList();

        // Matches IX_CorrectiveActions_ToVerify: actions not verified, or verified as not done.
        var horizon = now.AddDays(GetOfficerDesk.DueWithinDays);
        var actions = await db.CorrectiveActions.AsNoTracking()
            .Where(a => (a.VerifiedAtUtc == null || a.Result == VerificationResult.NotDone) && a.WithdrawnAtUtc == null)
            .Where(a => a.Result == VerificationResult.NotDone || a.DeadlineUtc <= horizon || a.ReportedDoneAtUtc != null)
            .Join(db.Complaints, a => a.ComplaintId, c => c.Id, (a, c) => new { a, c.Number, c.Kind, c.Stage })
            .Where(x => x.Kind != FeedbackKind.Complaint || x.Stage == ComplaintStage.ActionsPlanned)
            .OrderBy(x => x.a.DeadlineUtc)
            .Select(x => new
            {
                x.a.Id, x.a.ComplaintId, x.Number, x.Kind, x.a.Description, x.a.DeadlineUtc, x.a.ReportedDoneAtUtc, x.a.Result,
                Owner = db.Users.Where(u => u.Id == x.a.OwnerUserId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var toVerify = actions.Select(a => new DeskAction(a.Id, a.ComplaintId, a.Number, a.Kind, a.Description, a.Owner ?? "", a.DeadlineUtc, a.ReportedDoneAtUtc,
            a.Result is null && (now >= a.DeadlineUtc || a.ReportedDoneAtUtc is not null), a.Result is null && now > a.DeadlineUtc,
            a.Result == VerificationResult.NotDone)).ToList();

        var lastDigest = await db.FeedbackDigests.OrderByDescending(d => d.PeriodToUtc).Select(d => (DateTime?)d.PeriodToUtc).FirstOrDefaultAsync(ct);

        return new OfficerDesk(now, byStage, toVerify, notInformed.Select(c => c.Item).ToList(), notThanked.Select(c => c.Item).ToList(), lastDigest);
    }

    private sealed record Open(DeskComplaint Item, bool Thanked)
    {
        public FeedbackKind Kind => Item.Kind;
        public ComplaintStage Stage => Item.Stage;
        public DateTime ReceivedAtUtc => Item.ReceivedAtUtc;
        public DateTime StageSinceUtc => Item.StageSinceUtc;
        public bool IsAnonymous => Item.IsAnonymous;
    }

    private async Task<List<Open>> Items(IQueryable<Complaint> query, DateTime now, CancellationToken ct)
    {
        var rows = await query
            .Select(c => new
            {
                c.Id, c.Number, c.Kind, c.Stage, c.ReceivedAtUtc, c.ClientId, c.ContactName, c.ContactDetails, c.ThankedAtUtc,
                Excerpt = c.Text.Length > 200 ? c.Text.Substring(0, 200) : c.Text,
                StepTimes = c.Steps.Select(s => s.AtUtc).ToList(),
                ClientName = db.Clients.Where(k => k.Id == c.ClientId).Select(k => k.FirstName + " " + k.LastName).FirstOrDefault(),
                Clock = db.ResponseClocks.Where(k => k.SubjectId == c.Id && k.Kind == ClockKind.ComplaintResolved)
                    .OrderByDescending(k => k.StartedAtUtc).FirstOrDefault(),
                FollowedByCode = db.PublicFeedbackTickets.Any(t => t.ComplaintId == c.Id),
            })
            .ToListAsync(ct);
        return rows.Select(r => new Open(new DeskComplaint(r.Id, r.Number, r.Kind, r.Stage, r.ReceivedAtUtc, r.StepTimes.Count > 0 ? r.StepTimes.Max() : r.ReceivedAtUtc,
                ComplaintQueries.Shorten(r.Excerpt, 160), r.ClientId, r.ClientName ?? r.ContactName,
                r.ClientId is null && string.IsNullOrEmpty(r.ContactDetails), r.Clock?.StatusAt(now), r.Clock?.DueAtUtc, r.FollowedByCode),
            r.ThankedAtUtc is not null)).ToList();
    }
}
