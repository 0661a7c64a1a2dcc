using System.Globalization;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Complaints;

/// <summary>
/// The complaint page: what was said, by whom, every step with who and when, the actions with their
/// owners, deadlines and verification, the tags, and how its two clocks stand. Reading a complaint of a
/// client shows that client's personal data, so the read is audited.
/// </summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record GetComplaint(Guid Id) : IQuery<ComplaintDetails>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

public sealed record ComplaintDetails(
    Guid Id, Guid Version, string Number, FeedbackKind Kind, FeedbackSource Source, DateTime ReceivedAtUtc, DateTime RegisteredAtUtc,
    string RegisteredBy, string Text, Guid? ClientId, string? ClientName, string? ClientPhone, string? ClientEmail, Guid? CaseId, string? CaseNumber,
    string? ContactName, string? ContactDetails, bool IsAnonymous, ComplaintStage Stage, bool IsOpen,
    bool DepartmentAtFault, string? Apology, string? Facts, string? ActionPlan,
    string? RootCauseCode, string? RootCauseName, string? RootCauseText, string? Outcome, DateTime? ClientInformedAtUtc, string? ClientInformedHow,
    DateTime? ThankedAtUtc, DateTime? ClosedAtUtc, int ReopenCount,
    IReadOnlyList<ComplaintStepRow> Steps, IReadOnlyList<CorrectiveActionRow> Actions,
    IReadOnlyList<TagRow> Touchpoints, IReadOnlyList<TagRow> Commitments, IReadOnlyList<TagRow> Units,
    IReadOnlyList<ComplaintClockRow> Clocks, bool FollowedByCode = false) : IHasClientId
{
    /// <summary>
    /// Anonymous and not followed by a tracking code: there is no one to thank or tell. Feedback from the public form that is followed
    /// by code has someone to tell even without a name, on the public status page.
    /// </summary>
    public bool NoOneToTell => IsAnonymous && !FollowedByCode;

    Guid IHasClientId.ClientId => ClientId ?? Guid.Empty;
}

/// <summary>A step of the path; <see cref="WithdrawnActionId"/> marks an entry that records an action's withdrawal (the stage stays).</summary>
public sealed record ComplaintStepRow(ComplaintStage Stage, DateTime AtUtc, string By, string? Note, Guid? WithdrawnActionId = null);

/// <summary>An action as the page shows it; <see cref="VerifiableNow"/> says whether the officer may check it at the time of reading.</summary>
public sealed record CorrectiveActionRow(Guid Id, string Description, string OwnerUserId, string Owner, DateTime DeadlineUtc, DateTime CreatedAtUtc,
    DateTime? ReportedDoneAtUtc, VerificationResult? Result, string? Evidence, DateTime? VerifiedAtUtc, string? VerifiedBy, bool VerifiableNow,
    DateTime? WithdrawnAtUtc = null, string? WithdrawnBy = null, string? WithdrawalReason = null)
{
    public bool IsWithdrawn => WithdrawnAtUtc is not null;

    /// <summary>Still to be done or checked: neither verified done nor withdrawn.</summary>
    public bool IsOpen => Result != VerificationResult.Done && !IsWithdrawn;
}

public sealed record TagRow(string Value, string Name);

public sealed record ComplaintClockRow(ClockKind Kind, ClockStatus Status, string Commitment, DateTime StartedAtUtc, DateTime DueAtUtc,
    DateTime? StoppedAtUtc, double? MarginMinutes, Guid Id, string? PauseReason)
{
    /// <summary>Open and of a kind that may wait for the client (docs/clocks.md, Pause).</summary>
    public bool CanPause => StoppedAtUtc is null && Status != ClockStatus.Cancelled && ResponseClock.IsPausable(Kind);
}

internal sealed class GetComplaintHandler(CaseDeskDb db, TimeProvider clock) : IRequestHandler<GetComplaint, ComplaintDetails>
{
    public async Task<ComplaintDetails> Handle(GetComplaint request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var c = await db.Complaints.AsNoTracking().Include(x => x.Steps).Include(x => x.Actions).Include(x => x.Tags).AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == request.Id, ct) ?? throw new NotFoundException("Complaint", request.Id);

        var userIds = c.Steps.Select(s => s.ByUserId)
            .Concat(c.Actions.SelectMany(a => new[] { a.OwnerUserId, a.VerifiedByUserId ?? "", a.WithdrawnByUserId ?? "" }))
            .Append(c.RegisteredByUserId).Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        string Name(string? id) => id is null ? "" : names.TryGetValue(id, out var n) ? n
            : id == Caller.System.UserId ? "CaseDesk" : id == Caller.Public.UserId ? DomainText.T("the public website") : id;

        var client = c.ClientId is null ? null : await db.Clients.AsNoTracking().Where(k => k.Id == c.ClientId)
            .Select(k => new { Name = k.FirstName + " " + k.LastName, k.Phone, k.Email }).SingleAsync(ct);
        var caseNumber = c.CaseId is null ? null : await db.Cases.Where(k => k.Id == c.CaseId).Select(k => k.Number).SingleAsync(ct);
        var rootCause = c.RootCauseCode is null ? null : await db.RootCauses.AsNoTracking().SingleOrDefaultAsync(r => r.Code == c.RootCauseCode, ct);

        var tagValues = c.Tags.ToLookup(t => t.Kind, t => t.Value);
        var touchpointNumbers = tagValues[TagKind.Touchpoint].Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList();
        var touchpoints = await db.Touchpoints.AsNoTracking().Where(t => touchpointNumbers.Contains(t.Number)).OrderBy(t => t.Number)
            .Select(t => new { t.Number, t.NameLt, t.NameEn }).ToListAsync(ct);
        var numerals = tagValues[TagKind.Commitment].ToList();
        var commitments = await db.Commitments.AsNoTracking().Where(k => numerals.Contains(k.Numeral)).OrderBy(k => k.Number)
            .Select(k => new { k.Numeral, k.TitleLt, k.TitleEn }).ToListAsync(ct);
        var unitIds = tagValues[TagKind.Unit].Select(Guid.Parse).ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).OrderBy(u => EF.Functions.Collate(u.NameLt, CaseDeskDb.LithuanianCollation))
            .Select(u => new { u.Id, u.NameLt, u.NameEn }).ToListAsync(ct);

        var clocks = await db.ResponseClocks.AsNoTracking()
            .Where(k => k.SubjectId == c.Id && (k.Kind == ClockKind.ComplaintAcknowledged || k.Kind == ClockKind.ComplaintResolved))
            .OrderBy(k => k.StartedAtUtc).ThenBy(k => k.Kind).ToListAsync(ct);

        var isAnonymous = c.IsAnonymous;
        // The person follows the feedback on the public status page with their code (docs/public.md).
        var followedByCode = await db.PublicFeedbackTickets.AnyAsync(t => t.ComplaintId == c.Id, ct);
        var isOpen = c.Kind == FeedbackKind.Complaint
            ? c.Stage != ComplaintStage.Closed
            : (c.ThankedAtUtc is null && (!isAnonymous || followedByCode)) || c.Actions.Any(a => a.IsOpen);

        return new ComplaintDetails(c.Id, c.Version, c.Number, c.Kind, c.Source, c.ReceivedAtUtc, c.RegisteredAtUtc, Name(c.RegisteredByUserId), c.Text,
            c.ClientId, client?.Name, client?.Phone, client?.Email, c.CaseId, caseNumber, c.ContactName, c.ContactDetails, isAnonymous, c.Stage, isOpen,
            c.DepartmentAtFault, c.Apology, c.Facts, c.ActionPlan,
            c.RootCauseCode, rootCause is null ? null : ComplaintQueries.Localized(rootCause.NameLt, rootCause.NameEn), c.RootCauseText,
            c.Outcome, c.ClientInformedAtUtc, c.ClientInformedHow, c.ThankedAtUtc, c.ClosedAtUtc, c.ReopenCount,
            c.Steps.OrderBy(s => s.AtUtc).ThenBy(s => s.Id).Select(s => new ComplaintStepRow(s.Stage, s.AtUtc, Name(s.ByUserId), s.Note, s.WithdrawnActionId)).ToList(),
            c.Actions.OrderBy(a => a.CreatedAtUtc).ThenBy(a => a.Id).Select(a => new CorrectiveActionRow(a.Id, a.Description, a.OwnerUserId, Name(a.OwnerUserId),
                a.DeadlineUtc, a.CreatedAtUtc, a.ReportedDoneAtUtc, a.Result, a.Evidence, a.VerifiedAtUtc,
                a.VerifiedByUserId is null ? null : Name(a.VerifiedByUserId),
                (c.Kind != FeedbackKind.Complaint || c.Stage == ComplaintStage.ActionsPlanned)
                    && a.IsOpen && (now >= a.DeadlineUtc || a.ReportedDoneAtUtc is not null),
                a.WithdrawnAtUtc, a.WithdrawnByUserId is null ? null : Name(a.WithdrawnByUserId), a.WithdrawalReason)).ToList(),
            touchpoints.Select(t => new TagRow(t.Number.ToString(CultureInfo.InvariantCulture), $"{t.Number}. {ComplaintQueries.Localized(t.NameLt, t.NameEn)}")).ToList(),
            commitments.Select(k => new TagRow(k.Numeral, $"{k.Numeral} {ComplaintQueries.Localized(k.TitleLt, k.TitleEn)}")).ToList(),
            units.Select(u => new TagRow(u.Id.ToString(), ComplaintQueries.Localized(u.NameLt, u.NameEn))).ToList(),
            clocks.Select(k => new ComplaintClockRow(k.Kind, k.StatusAt(now), k.Commitment, k.StartedAtUtc, k.DueAtUtc, k.StoppedAtUtc, k.MarginMinutes, k.Id, k.PauseReason)).ToList(),
            followedByCode);
    }
}
