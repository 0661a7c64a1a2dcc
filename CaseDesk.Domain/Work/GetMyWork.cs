using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Common.Pipeline;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Emails;
using CaseDesk.Domain.Visits;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Work;

public enum WorkKind
{
    CallBack = 1,
    EmailReply = 2,
    Promise = 3,
    Letter = 4,
    VisitToAgree = 5,
    Visit = 6,
    CaseDue = 7,
    /// <summary>A corrective or improvement action of a complaint or suggestion (12.2) the user owns, not yet reported done.</summary>
    CorrectiveAction = 8,
    /// <summary>A reply the user wrote that the mail server finally refused (or that ran out of attempts): the e-mail is still unanswered.</summary>
    ReplyFailed = 9,
    /// <summary>
    /// A complaint's acknowledgement or outcome the user sent by e-mail that the mail server finally refused: the step's clock still
    /// runs. Its <see cref="WorkItem.Id"/> is the outbox message (for <see cref="Mail.ResendComplaintMessage"/>), ComplaintId the complaint.
    /// </summary>
    ComplaintMessageFailed = 10,
}

/// <summary>
/// One open item. <see cref="DueAtUtc"/> and <see cref="Status"/> come from the item's commitment clock
/// when it has one (docs/clocks.md), promises included; cases due and corrective actions (due at their deadline) have no
/// clock: they are at risk within a day of their due time and breached (overdue) after it.
/// </summary>
public sealed record WorkItem(WorkKind Kind, Guid Id, string Title, string? Detail, Guid? ClientId, Guid? CaseId, DateTime DueAtUtc,
    ClockStatus Status = ClockStatus.OnTrack, Guid? ComplaintId = null);

/// <summary>
/// The signed-in employee's open items, soonest due first: call-backs to make, e-mails to answer,
/// promises to keep, letters to send, visits to agree or make, cases whose next action is due, and the corrective
/// actions they own that are neither reported done nor verified done.
/// </summary>
[AnyStaff]
public sealed record GetMyWork : IQuery<IReadOnlyList<WorkItem>>, IAuditedListRead;

internal sealed class GetMyWorkHandler(CaseDeskDb db, CallerContext callers, TimeProvider clock) : IRequestHandler<GetMyWork, IReadOnlyList<WorkItem>>
{
    /// <summary>Items made before clocks existed have none; they fall back to these plain spans.</summary>
    public static readonly TimeSpan CallBackWithin = TimeSpan.FromDays(1);
    public static readonly TimeSpan ReplyWithin = TimeSpan.FromDays(1);
    public static readonly TimeSpan LetterWithin = TimeSpan.FromDays(5);
    public static readonly TimeSpan VisitOfferedWithin = TimeSpan.FromDays(5);
    private static readonly TimeSpan CasesDueHorizon = TimeSpan.FromDays(3);
    private static readonly TimeSpan AtRiskWithin = TimeSpan.FromDays(1);

    public async Task<IReadOnlyList<WorkItem>> Handle(GetMyWork request, CancellationToken ct)
    {
        var me = callers.Caller.UserId;
        bool May(WorkKind kind) => RequestPolicy.Check(ReadOf(kind), callers.Caller) is null;
        var horizon = clock.GetUtcNow().UtcDateTime + CasesDueHorizon;
        var items = new List<WorkItem>();

        // Each kind only for a caller who may read it: an owner whose role no longer may (or never might, a legacy row) sees nothing of it.
        if (May(WorkKind.CallBack))
            items.AddRange((await db.PhoneMessages.AsNoTracking().Where(m => m.AddresseeUserId == me && m.CalledBackAtUtc == null)
                    .Select(m => new { m.Id, m.CallerName, m.Phone, m.Message, m.ClientId, m.CaseId, m.CalledAtUtc }).ToListAsync(ct))
                .Select(m => new WorkItem(WorkKind.CallBack, m.Id, Join(m.CallerName, m.Phone), Shorten(m.Message), m.ClientId, m.CaseId, m.CalledAtUtc + CallBackWithin)));

        if (May(WorkKind.EmailReply))
            // A reply on its way keeps the e-mail here (its clock runs until the server accepts it); one that failed is the writer's ReplyFailed item instead.
            items.AddRange((await db.EmailEnquiries.AsNoTracking().Where(e => e.AssignedToUserId == me && e.Status != EmailStatus.Answered)
                    .Where(e => !(e.Status == EmailStatus.ReplySending && e.RepliedByUserId == me
                        && Mail.Outbox.Messages(db).Any(m => m.Id == e.ReplyOutboxId && m.Status == Mail.OutboxStatus.Failed)))
                    .Select(e => new { e.Id, e.Subject, e.FromAddress, e.ClientId, e.CaseId, e.ReceivedAtUtc }).ToListAsync(ct))
                .Select(e => new WorkItem(WorkKind.EmailReply, e.Id, e.Subject, e.FromAddress, e.ClientId, e.CaseId, e.ReceivedAtUtc + ReplyWithin)));

        if (May(WorkKind.ReplyFailed))
            items.AddRange((await db.EmailEnquiries.AsNoTracking().Where(e => e.RepliedByUserId == me && e.Status == EmailStatus.ReplySending)
                    .Join(Mail.Outbox.Messages(db).Where(m => m.Status == Mail.OutboxStatus.Failed), e => e.ReplyOutboxId, m => (Guid?)m.Id,
                        (e, m) => new { e.Id, e.Subject, m.LastError, e.ClientId, e.CaseId, e.ReceivedAtUtc })
                    .ToListAsync(ct))
                .Select(e => new WorkItem(WorkKind.ReplyFailed, e.Id, e.Subject, e.LastError, e.ClientId, e.CaseId, e.ReceivedAtUtc + ReplyWithin)));

        if (May(WorkKind.ComplaintMessageFailed))
            items.AddRange((await Mail.Outbox.Messages(db).AsNoTracking()
                    .Where(m => m.CreatedByUserId == me && m.Status == Mail.OutboxStatus.Failed
                        && (m.SourceKind == Mail.ComplaintMail.AcknowledgementKind || m.SourceKind == Mail.ComplaintMail.OutcomeKind))
                    .Join(db.Complaints, m => m.SourceId, c => c.Id, (m, c) => new { m.Id, m.Subject, m.LastError, m.LastAttemptAtUtc, m.CreatedAtUtc, ComplaintId = c.Id, c.ClientId, c.CaseId })
                    .ToListAsync(ct))
                .Select(m => new WorkItem(WorkKind.ComplaintMessageFailed, m.Id, m.Subject, m.LastError, m.ClientId, m.CaseId, m.LastAttemptAtUtc ?? m.CreatedAtUtc, ComplaintId: m.ComplaintId)));

        if (May(WorkKind.Promise))
            items.AddRange(await db.Promises.AsNoTracking().Where(p => p.OwnerUserId == me && p.DoneAtUtc == null)
                .Select(p => new WorkItem(WorkKind.Promise, p.Id, p.Text, null, p.ClientId, p.CaseId, p.DueAtUtc)).ToListAsync(ct));

        if (May(WorkKind.Letter))
            items.AddRange((await db.InformationLetters.AsNoTracking().Where(l => l.CreatedByUserId == me && l.SentAtUtc == null)
                    .Select(l => new { l.Id, l.Subject, l.ClientId, l.CaseId, l.RequestedAtUtc }).ToListAsync(ct))
                .Select(l => new WorkItem(WorkKind.Letter, l.Id, l.Subject, null, l.ClientId, l.CaseId, l.RequestedAtUtc + LetterWithin)));

        var mayVisit = May(WorkKind.Visit);
        var visits = await db.HomeVisits.AsNoTracking()
            .Where(v => mayVisit && v.CaseworkerUserId == me && (v.Status == VisitStatus.Offered || v.Status == VisitStatus.Agreed))
            .Select(v => new { v.Id, v.Purpose, v.ClientId, v.CaseId, v.Status, v.OfferedAtUtc, v.AgreedStartUtc, v.ArrivedAtUtc }).ToListAsync(ct);
        // Arrived, the visit is still to record, but its punctuality clock has finished (met or missed): not overdue twice.
        var arrived = visits.Where(v => v.ArrivedAtUtc is not null).Select(v => v.Id).ToHashSet();
        items.AddRange(visits.Select(v => v.Status == VisitStatus.Offered
            ? new WorkItem(WorkKind.VisitToAgree, v.Id, v.Purpose, null, v.ClientId, v.CaseId, v.OfferedAtUtc + VisitOfferedWithin)
            : new WorkItem(WorkKind.Visit, v.Id, v.Purpose, null, v.ClientId, v.CaseId, v.AgreedStartUtc!.Value)));

        if (May(WorkKind.CaseDue))
            items.AddRange((await db.Cases.AsNoTracking()
                    .Where(c => c.AssignedToUserId == me && c.Status != CaseStatus.Closed && c.DueAtUtc <= horizon)
                    .OrderBy(c => c.DueAtUtc).Take(50)
                    .Select(c => new { c.Id, c.Number, c.ServiceRequested, c.ClientId, c.DueAtUtc }).ToListAsync(ct))
                .Select(c => new WorkItem(WorkKind.CaseDue, c.Id, Join(c.Number, c.ServiceRequested), null, c.ClientId, c.Id, c.DueAtUtc)));

        if (May(WorkKind.CorrectiveAction))
            items.AddRange((await db.CorrectiveActions.AsNoTracking()
                    .Where(a => a.OwnerUserId == me).Where(Overdue.ActionOpenForOwner)
                    .Join(db.Complaints, a => a.ComplaintId, c => c.Id, (a, c) => new { a.Id, a.Description, a.DeadlineUtc, ComplaintId = c.Id, c.Number })
                    .ToListAsync(ct))
                .Select(a => new WorkItem(WorkKind.CorrectiveAction, a.Id, Shorten(a.Description), a.Number, null, null, a.DeadlineUtc, ComplaintId: a.ComplaintId)));

        // Matches IX_ResponseClocks_OpenByOwner.
        var now = clock.GetUtcNow().UtcDateTime;
        var clocks = (await db.ResponseClocks.AsNoTracking()
                .Where(c => c.OwnerUserId == me && (c.State == ClockState.Running || c.State == ClockState.Paused))
                .ToListAsync(ct))
            .ToLookup(c => (c.SubjectId, c.Kind));
        return items.Select(item => ClockKindOf(item.Kind) is { } kind && clocks[(item.Id, kind)].FirstOrDefault() is { } c
                ? item with { DueAtUtc = c.DueAtUtc, Status = c.StatusAt(now) }
                : item.Kind == WorkKind.Visit && arrived.Contains(item.Id) ? item with { Status = ClockStatus.OnTrack }
                : item with { Status = item.DueAtUtc < now ? ClockStatus.Breached : item.DueAtUtc < now + AtRiskWithin ? ClockStatus.AtRisk : ClockStatus.OnTrack })
            .OrderBy(i => i.DueAtUtc).ToList();
    }

    /// <summary>The request that reads an item of the kind: whoever may not run it does not see the item's text in "My work" either.</summary>
    internal static Type ReadOf(WorkKind kind) => kind switch
    {
        WorkKind.CallBack => typeof(PhoneMessages.GetPhoneMessage),
        WorkKind.EmailReply or WorkKind.ReplyFailed => typeof(GetEmail),
        WorkKind.Promise => typeof(Clients.GetClient),
        WorkKind.Letter => typeof(Letters.GetLetter),
        WorkKind.VisitToAgree or WorkKind.Visit => typeof(GetVisit),
        WorkKind.CaseDue => typeof(GetCase),
        WorkKind.CorrectiveAction or WorkKind.ComplaintMessageFailed => typeof(GetComplaint),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static ClockKind? ClockKindOf(WorkKind kind) => kind switch
    {
        WorkKind.CallBack => ClockKind.CallBack,
        WorkKind.EmailReply or WorkKind.ReplyFailed => ClockKind.EmailReply,
        WorkKind.Letter => ClockKind.InformationLetter,
        WorkKind.VisitToAgree => ClockKind.VisitAgreed,
        WorkKind.Visit => ClockKind.VisitArrival,
        WorkKind.Promise => ClockKind.Promise,
        _ => null,
    };

    /// <summary>"Name · phone" from the parts that are there: a blank part leaves no lone separator ("Name · · ...").</summary>
    internal static string Join(params string?[] parts) => string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));

    private static string Shorten(string text) => text.Length <= 140 ? text : text[..139] + "…";
}
