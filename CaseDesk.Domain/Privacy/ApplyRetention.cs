using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Visits;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Privacy;

/// <summary>
/// Anonymizes, in place, up to <see cref="BatchSize"/> records of each kind whose retention period has
/// passed since the record's end (docs/privacy.md). Run by the retention job as the system, repeatedly
/// until nothing is left, so each run is one short transaction; an administrator may also run it.
/// </summary>
[AllowedRoles(Roles.Admin)]
public sealed record ApplyRetention(int BatchSize = 500) : ICommand<RetentionResult>;

public sealed record RetentionResult(IReadOnlyDictionary<RetentionKind, int> Anonymized)
{
    public int Total => Anonymized.Values.Sum();
}

internal sealed class ApplyRetentionValidator : AbstractValidator<ApplyRetention>
{
    public ApplyRetentionValidator() => RuleFor(r => r.BatchSize).InclusiveBetween(1, 5000).WithMessage(_ => T("The list window is out of range."));
}

internal sealed class ApplyRetentionHandler(CaseDeskDb db, Anonymizer anonymizer, CallerContext callers, TimeProvider clock)
    : IRequestHandler<ApplyRetention, RetentionResult>
{
    private const string Redacted = Anonymization.Redacted;

    public async Task<RetentionResult> Handle(ApplyRetention request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var take = request.BatchSize;
        var counts = new Dictionary<RetentionKind, int>();
        async Task<DateTime> Cutoff(RetentionKind kind) => now.AddMonths(-await RetentionPolicy.MonthsAsync(db, kind, ct));

        var cutoff = await Cutoff(RetentionKind.ClientsAndClosedCases);
        var clients = await db.Clients
            .Where(c => !(c.FirstName == Anonymization.Name && c.LastName == Anonymization.Name) && c.CreatedAtUtc < cutoff
                && !db.Cases.Any(k => k.ClientId == c.Id && (k.Status != CaseStatus.Closed || k.ClosedAtUtc >= cutoff))
                && !db.Contacts.Any(k => k.ClientId == c.Id && k.OccurredAtUtc >= cutoff)
                && !db.Complaints.Any(k => k.ClientId == c.Id && (k.ReceivedAtUtc >= cutoff || (k.Kind == FeedbackKind.Complaint && k.Stage != ComplaintStage.Closed))))
            .OrderBy(c => c.CreatedAtUtc).Select(c => c.Id).Take(take).ToListAsync(ct);
        counts[RetentionKind.ClientsAndClosedCases] = clients.Count == 0 ? 0 : (await anonymizer.ClientsAsync(clients, ct))["Clients"];

        cutoff = await Cutoff(RetentionKind.Contacts);
        var contacts = await db.Contacts.Where(c => c.OccurredAtUtc < cutoff && c.Summary != Redacted)
            .OrderBy(c => c.OccurredAtUtc).Select(c => c.Id).Take(take).ToListAsync(ct);
        counts[RetentionKind.Contacts] = await anonymizer.ContactsAsync(db.Contacts.Where(c => contacts.Contains(c.Id)), ct);
        var promises = await db.Promises.Where(p => (p.DoneAtUtc ?? p.DueAtUtc) < cutoff && p.Text != Redacted)
            .OrderBy(p => p.DueAtUtc).Select(p => p.Id).Take(take).ToListAsync(ct);
        counts[RetentionKind.Contacts] += await anonymizer.PromisesAsync(db.Promises.Where(p => promises.Contains(p.Id)), ct);

        cutoff = await Cutoff(RetentionKind.PhoneMessages);
        var messages = await db.PhoneMessages.Where(m => (m.CalledBackAtUtc ?? m.CalledAtUtc) < cutoff && m.Message != Redacted)
            .OrderBy(m => m.CalledAtUtc).Select(m => m.Id).Take(take).ToListAsync(ct);
        counts[RetentionKind.PhoneMessages] = await anonymizer.PhoneMessagesAsync(db.PhoneMessages.Where(m => messages.Contains(m.Id)), ct);

        cutoff = await Cutoff(RetentionKind.Emails);
        var emails = await db.EmailEnquiries.Where(e => (e.RepliedAtUtc ?? e.ReceivedAtUtc) < cutoff && e.Body != Redacted)
            .OrderBy(e => e.ReceivedAtUtc).Select(e => e.Id).Take(take).ToListAsync(ct);
        counts[RetentionKind.Emails] = await anonymizer.EmailsAsync(db.EmailEnquiries.Where(e => emails.Contains(e.Id)), ct);

        cutoff = await Cutoff(RetentionKind.Letters);
        var letters = await db.InformationLetters.Where(l => (l.SentAtUtc ?? l.CreatedAtUtc) < cutoff && l.Body != Redacted)
            .OrderBy(l => l.CreatedAtUtc).Select(l => l.Id).Take(take).ToListAsync(ct);
        counts[RetentionKind.Letters] = await anonymizer.LettersAsync(db.InformationLetters.Where(l => letters.Contains(l.Id)), ct);

        cutoff = await Cutoff(RetentionKind.HomeVisits);
        var visits = await db.HomeVisits
            .Where(v => (v.Status == VisitStatus.Done || v.Status == VisitStatus.Cancelled)
                && (v.DepartedAtUtc ?? v.AgreedEndUtc ?? v.OfferedAtUtc) < cutoff && v.Purpose != Redacted)
            .OrderBy(v => v.OfferedAtUtc).Select(v => v.Id).Take(take).ToListAsync(ct);
        counts[RetentionKind.HomeVisits] = await anonymizer.VisitsAsync(db.HomeVisits.Where(v => visits.Contains(v.Id)), ct);

        cutoff = await Cutoff(RetentionKind.Complaints);
        var complaints = await db.Complaints
            .Where(c => c.Text != Redacted
                && ((c.Kind == FeedbackKind.Complaint && c.Stage == ComplaintStage.Closed && c.ClosedAtUtc < cutoff)
                    // Suggestions and praise have no closing step: kept from the thanks (or the registration, when no one was thanked).
                    || (c.Kind != FeedbackKind.Complaint && (c.ThankedAtUtc ?? c.RegisteredAtUtc) < cutoff)))
            .OrderBy(c => c.ReceivedAtUtc).Select(c => c.Id).Take(take).ToListAsync(ct);
        counts[RetentionKind.Complaints] = await anonymizer.ComplaintsAsync(db.Complaints.Where(c => complaints.Contains(c.Id)), ct);

        // The audit log keeps who did what and when; what goes is the free text and the lists of clients shown.
        cutoff = await Cutoff(RetentionKind.AuditLog);
        var entries = await db.AuditEntries.Where(a => a.AtUtc < cutoff && (a.Reason != null || (a.Kind == AuditKind.Read && a.Fields != null)))
            .OrderBy(a => a.Id).Select(a => a.Id).Take(take).ToListAsync(ct);
        counts[RetentionKind.AuditLog] = await db.AuditEntries.Where(a => entries.Contains(a.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Reason, (string?)null)
            .SetProperty(a => a.Fields, a => a.Kind == AuditKind.Read ? null : a.Fields), ct);

        var result = new RetentionResult(counts);
        db.RetentionRuns.Add(new RetentionRun
        {
            Id = Guid.CreateVersion7(), RanAtUtc = now, RanByUserId = callers.Caller.UserId, Anonymized = result.Total,
            Summary = string.Join("; ", counts.Where(c => c.Value > 0).Select(c => $"{c.Key}={c.Value}")),
        });
        await db.SaveChangesAsync(ct);
        return result;
    }
}
