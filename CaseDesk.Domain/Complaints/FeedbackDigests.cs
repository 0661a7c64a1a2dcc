using System.Text;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Complaints;

/// <summary>The digest a hand-over would send for a period (local dates, inclusive), without recording it.</summary>
[AllowedRoles(Roles.QualityOfficer)]
public sealed record PreviewFeedbackDigest(DateOnly From, DateOnly To) : IQuery<DigestDraft>, IAuditedRead
{
    // The digest quotes the feedback's text, which is the clients' own words; it names no client record to list.
    string IAuditedRead.AuditedRecordType => nameof(FeedbackDigest);
    string? IAuditedRead.AuditedRecordId => null;
}

/// <summary>
/// 12.2: the standard officer hands the feedback of a period to the employees and heads concerned.
/// The digest (new feedback of the period, open items per unit and its heads, open actions per owner)
/// is stored as sent, with its recipients, and each recipient is notified in the app.
/// </summary>
[AllowedRoles(Roles.QualityOfficer)]
public sealed record RecordFeedbackDigest(DateOnly From, DateOnly To) : ICommand<Guid>;

/// <summary>Past hand-overs, newest first.</summary>
[AllowedRoles(Roles.QualityOfficer, Roles.Head)]
public sealed record GetFeedbackDigests(int Take = 20) : IQuery<IReadOnlyList<DigestRow>>, IAuditedRead
{
    string IAuditedRead.AuditedRecordType => nameof(FeedbackDigest);
    string? IAuditedRead.AuditedRecordId => null;
}

public sealed record DigestDraft(DateTime FromUtc, DateTime ToUtc, string Body, IReadOnlyList<DigestRecipient> Recipients, int NewItems, int OpenItems);

/// <summary>Who receives the digest and why: the head of a unit concerned, or the owner of open actions.</summary>
public sealed record DigestRecipient(string UserId, string Name, string Why);

public sealed record DigestRow(Guid Id, DateTime FromUtc, DateTime ToUtc, DateTime SentAtUtc, string SentBy, string Body, IReadOnlyList<string> Recipients);

internal sealed class DigestPeriodValidator : AbstractValidator<RecordFeedbackDigest>
{
    public DigestPeriodValidator(TimeProvider clock)
    {
        RuleFor(r => r.To).Must((r, to) => to >= r.From).WithMessage(_ => T("The period must not end before it starts."))
            .Must(to => to <= DateOnly.FromDateTime(VilniusTime.Now(clock))).WithMessage(_ => T("The period cannot end in the future."));
        RuleFor(r => r.From).Must((r, from) => r.To.DayNumber - from.DayNumber <= 366).WithMessage(_ => T("A hand-over covers at most a year."));
    }
}

internal sealed class PreviewDigestPeriodValidator : AbstractValidator<PreviewFeedbackDigest>
{
    public PreviewDigestPeriodValidator()
    {
        RuleFor(r => r.To).Must((r, to) => to >= r.From).WithMessage(_ => T("The period must not end before it starts."));
        RuleFor(r => r.From).Must((r, from) => r.To.DayNumber - from.DayNumber <= 366).WithMessage(_ => T("A hand-over covers at most a year."));
    }
}

internal sealed class FeedbackDigestHandler(CaseDeskDb db, CallerContext callers, TimeProvider clock) :
    IRequestHandler<PreviewFeedbackDigest, DigestDraft>, IRequestHandler<RecordFeedbackDigest, Guid>, IRequestHandler<GetFeedbackDigests, IReadOnlyList<DigestRow>>
{
    public Task<DigestDraft> Handle(PreviewFeedbackDigest request, CancellationToken ct) => BuildAsync(request.From, request.To, ct);

    public async Task<Guid> Handle(RecordFeedbackDigest request, CancellationToken ct)
    {
        var draft = await BuildAsync(request.From, request.To, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var digest = new FeedbackDigest
        {
            Id = Guid.CreateVersion7(), PeriodFromUtc = draft.FromUtc, PeriodToUtc = draft.ToUtc, SentAtUtc = now, SentByUserId = callers.Caller.UserId,
            Body = draft.Body, Recipients = string.Join(",", draft.Recipients.Select(r => r.UserId)),
        };
        db.FeedbackDigests.Add(digest);
        foreach (var recipient in draft.Recipients.Where(r => r.UserId != callers.Caller.UserId))
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(), UserId = recipient.UserId, CreatedAtUtc = now, Link = "complaints",
                Text = T("Feedback hand-over {0} – {1}: {2} new, {3} open items. You receive it as {4}.", Day(draft.FromUtc), LastDay(draft.ToUtc),
                    draft.NewItems, draft.OpenItems, recipient.Why),
            });
        }
        await db.SaveChangesAsync(ct);
        return digest.Id;
    }

    public async Task<IReadOnlyList<DigestRow>> Handle(GetFeedbackDigests request, CancellationToken ct)
    {
        var digests = await db.FeedbackDigests.AsNoTracking().OrderByDescending(d => d.SentAtUtc).Take(Math.Clamp(request.Take, 1, 200)).ToListAsync(ct);
        var ids = digests.SelectMany(d => d.Recipients.Split(',', StringSplitOptions.RemoveEmptyEntries)).Append("").Concat(digests.Select(d => d.SentByUserId))
            .Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName })
            .ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        string Name(string id) => names.TryGetValue(id, out var n) ? n : id;
        return digests.Select(d => new DigestRow(d.Id, d.PeriodFromUtc, d.PeriodToUtc, d.SentAtUtc, Name(d.SentByUserId), d.Body,
            d.Recipients.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Name).ToList())).ToList();
    }

    private async Task<DigestDraft> BuildAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var fromUtc = ComplaintQueries.StartOfDayUtc(from);
        var toUtc = ComplaintQueries.StartOfDayUtc(to.AddDays(1));

        var fresh = await db.Complaints.AsNoTracking().Where(c => c.ReceivedAtUtc >= fromUtc && c.ReceivedAtUtc < toUtc).OrderBy(c => c.ReceivedAtUtc)
            .Select(c => new { c.Number, c.Kind, c.Source, c.ReceivedAtUtc, Excerpt = c.Text.Length > 200 ? c.Text.Substring(0, 200) : c.Text })
            .ToListAsync(ct);
        var open = await ComplaintQueries.Filtered(db, new ComplaintFilter(ComplaintScope.Open)).OrderBy(c => c.ReceivedAtUtc)
            .Select(c => new { c.Id, c.Number, c.Kind, c.Stage, c.ReceivedAtUtc, Units = c.Tags.Where(t => t.Kind == TagKind.Unit).Select(t => t.Value).ToList() })
            .ToListAsync(ct);
        var openIds = open.Select(c => c.Id).ToList();
        var actions = await db.CorrectiveActions.AsNoTracking()
            .Where(a => openIds.Contains(a.ComplaintId) && a.WithdrawnAtUtc == null && (a.Result == null || a.Result != VerificationResult.Done))
            .OrderBy(a => a.DeadlineUtc)
            .Select(a => new { a.ComplaintId, a.OwnerUserId, a.Description, a.DeadlineUtc, a.ReportedDoneAtUtc })
            .ToListAsync(ct);

        var units = await db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.NameLt, u.NameEn }).ToListAsync(ct);
        var heads = await db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.Head), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId)
            .Join(db.Users, id => id, u => u.Id, (id, u) => new { u.Id, u.UnitId, Name = u.FirstName + " " + u.LastName }).ToListAsync(ct);
        var ownerIds = actions.Select(a => a.OwnerUserId).Distinct().ToList();
        var owners = await db.Users.Where(u => ownerIds.Contains(u.Id)).Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName })
            .ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var numbers = open.ToDictionary(c => c.Id, c => c.Number);

        var body = new StringBuilder();
        body.AppendLine(T("Feedback hand-over for {0} – {1}", from.ToString("yyyy-MM-dd"), to.ToString("yyyy-MM-dd")));
        body.AppendLine();
        body.AppendLine(T("New feedback: {0} complaint(s), {1} suggestion(s), {2} praise.", fresh.Count(c => c.Kind == FeedbackKind.Complaint),
            fresh.Count(c => c.Kind == FeedbackKind.Suggestion), fresh.Count(c => c.Kind == FeedbackKind.Praise)));
        foreach (var c in fresh)
            body.AppendLine($"  {c.Number} · {KindName(c.Kind)} · {SourceName(c.Source)} · {Day(c.ReceivedAtUtc)} · {ComplaintQueries.Shorten(c.Excerpt, 160)}");

        body.AppendLine();
        body.AppendLine(T("Open feedback by unit: {0}.", open.Count));
        var concernedUnits = open.SelectMany(c => c.Units).Distinct().ToList();
        foreach (var unit in units.Where(u => concernedUnits.Contains(u.Id.ToString())).OrderBy(u => u.NameLt, LithuanianOrder.Instance))
        {
            var unitHeads = heads.Where(h => h.UnitId == unit.Id).Select(h => h.Name).ToList();
            body.AppendLine(T("{0} (heads: {1})", ComplaintQueries.Localized(unit.NameLt, unit.NameEn),
                unitHeads.Count == 0 ? T("none") : string.Join(", ", unitHeads)));
            foreach (var c in open.Where(c => c.Units.Contains(unit.Id.ToString())))
                body.AppendLine($"  {c.Number} · {StageOf(c.Kind, c.Stage)} · {T("received {0}", Day(c.ReceivedAtUtc))}");
        }
        var unrouted = open.Where(c => c.Units.Count == 0).ToList();
        if (unrouted.Count > 0)
        {
            body.AppendLine(T("Not routed to a unit yet"));
            foreach (var c in unrouted)
                body.AppendLine($"  {c.Number} · {StageOf(c.Kind, c.Stage)} · {T("received {0}", Day(c.ReceivedAtUtc))}");
        }

        body.AppendLine();
        body.AppendLine(T("Open actions by owner: {0}.", actions.Count));
        foreach (var owner in actions.GroupBy(a => a.OwnerUserId).OrderBy(g => owners.GetValueOrDefault(g.Key)))
        {
            body.AppendLine(owners.GetValueOrDefault(owner.Key) ?? owner.Key);
            foreach (var a in owner)
                body.AppendLine($"  {numbers[a.ComplaintId]} · {ComplaintQueries.Shorten(a.Description, 160)} · {T("due {0}", Day(a.DeadlineUtc))}"
                    + (a.ReportedDoneAtUtc is null ? "" : " · " + T("reported done")));
        }

        var recipients = new List<DigestRecipient>();
        foreach (var unit in units.Where(u => concernedUnits.Contains(u.Id.ToString())))
        {
            foreach (var head in heads.Where(h => h.UnitId == unit.Id && recipients.All(r => r.UserId != h.Id)))
                recipients.Add(new DigestRecipient(head.Id, head.Name, T("head of {0}", ComplaintQueries.Localized(unit.NameLt, unit.NameEn))));
        }
        foreach (var owner in ownerIds.Where(id => recipients.All(r => r.UserId != id)))
            recipients.Add(new DigestRecipient(owner, owners.GetValueOrDefault(owner) ?? owner, T("owner of open actions")));

        return new DigestDraft(fromUtc, toUtc, body.ToString(), recipients, fresh.Count, open.Count);
    }

    private static string Day(DateTime utc) => VilniusTime.ToLocal(utc).ToString("yyyy-MM-dd");

    /// <summary>The period is stored as [from, to) in UTC; people read its last day.</summary>
    private static string LastDay(DateTime endUtc) => VilniusTime.ToLocal(endUtc).AddDays(-1).ToString("yyyy-MM-dd");

    /// <summary>A complaint shows its step; a suggestion or praise has no steps, so its kind stands in.</summary>
    private static string StageOf(FeedbackKind kind, ComplaintStage stage) =>
        kind == FeedbackKind.Complaint ? Complaint.StageName(stage) : KindName(kind);

    internal static string KindName(FeedbackKind kind) => kind switch
    {
        FeedbackKind.Complaint => T("complaint"),
        FeedbackKind.Praise => T("praise"),
        _ => T("suggestion"),
    };

    internal static string SourceName(FeedbackSource source) => source switch
    {
        FeedbackSource.InPerson => T("in person"),
        FeedbackSource.Phone => T("by phone"),
        FeedbackSource.Email => T("by e-mail"),
        FeedbackSource.Website => T("website"),
        FeedbackSource.FeedbackBook => T("feedback book"),
        FeedbackSource.ClientSurvey => T("client survey"),
        FeedbackSource.ResidentSurvey => T("resident survey"),
        _ => T("social network"),
    };
}
