using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Common.Pipeline;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Emails;
using CaseDesk.Domain.Incidents;
using CaseDesk.Domain.Letters;
using CaseDesk.Domain.Visits;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Privacy;

/// <summary>
/// Commitment VII and GDPR art. 15: one document with everything held on the client: the personal data
/// (the personal code in full, only here and on purposeful reveal), the cases and their course, every
/// contact with its closing summary, promises, phone messages, e-mails and replies, letters, home visits,
/// complaints and suggestions with their decisions and corrective actions, the commitment clocks, incidents recorded
/// about the client (the source, not the anonymized training copy), erasure requests, and who read or changed the client's data. The read is audited with its purpose like a reveal of the code; like the
/// card, a caseworker asking for a client of another unit states <paramref name="AccessReason"/> and the read is flagged
/// (see <see cref="UnitScope"/>).
/// </summary>
[AllowedRoles(Roles.Caseworker, Roles.Head, Roles.QualityOfficer, Roles.Admin)]
public sealed record GetSubjectAccessReport(Guid ClientId, string? AccessReason = null)
    : IQuery<SubjectAccessReport>, IReadsPersonalData, IUnitScopedRead, IHasReadPurpose
{
    public const string Reason = "Subject access report (GDPR art. 15): all data held, personal code in full";

    Guid? IReadsPersonalData.ClientId => ClientId;
    Guid? IUnitScopedRead.ScopeClientId => ClientId;
    Guid? IUnitScopedRead.ScopeCaseId => null;
    string IHasReadPurpose.ReadPurpose => Reason;
}

internal sealed class GetSubjectAccessReportValidator : AbstractValidator<GetSubjectAccessReport>
{
    public GetSubjectAccessReportValidator()
    {
        RuleFor(r => r.AccessReason).MaximumLength(300);
        RuleFor(r => r.AccessReason).FreeText();
    }
}

public sealed record SubjectAccessReport(
    Guid ClientId, DateTime GeneratedAtUtc, string GeneratedBy, PersonalDataSection PersonalData,
    IReadOnlyList<CaseSection> Cases, IReadOnlyList<ContactEntry> Contacts, IReadOnlyList<PromiseEntry> Promises,
    IReadOnlyList<PhoneMessageEntry> PhoneMessages, IReadOnlyList<EmailEntry> Emails, IReadOnlyList<LetterEntry> Letters,
    IReadOnlyList<VisitEntry> Visits, IReadOnlyList<FeedbackEntry> ComplaintsAndSuggestions, IReadOnlyList<ClockEntry> Clocks,
    IReadOnlyList<IncidentEntry> Incidents, IReadOnlyList<ErasureEntry> ErasureRequests, IReadOnlyList<AccessEntry> AccessLog) : IHasClientId;

public sealed record PersonalDataSection(
    string FirstName, string LastName, string? PersonalCode, DateOnly? BirthDate, string? Phone, string? Email, string? Address,
    IReadOnlyList<string> Groups, ClientLanguage Language, string? LanguageNote, string? AccessibilityNeeds, bool MeetWithTwoEmployees,
    string? SafetyNote, IReadOnlyList<HouseholdMemberInput> Household, DateTime RegisteredAtUtc, string RegisteredBy);

public sealed record CaseSection(Guid Id, string Number, string ServiceRequested, string Unit, CaseStatus Status, string? Caseworker,
    DateTime OpenedAtUtc, DateTime? ServiceStartedAtUtc, DateTime? ClosedAtUtc, CaseOutcome? Outcome, string? OutcomeNote,
    IReadOnlyList<CaseHistoryEntry> History);

public sealed record CaseHistoryEntry(DateTime AtUtc, string By, CaseStatus? From, CaseStatus To, string? AssignedTo, string? Note);

public sealed record ContactEntry(Guid Id, string? CaseNumber, int Touchpoint, string TouchpointName, ContactChannel Channel, ContactDirection Direction,
    DateTime OccurredAtUtc, string Employee, string Summary, string? Discussed, string? Decided, string? Done, string? NextStep,
    DateTime? NextMeetingAtUtc, string? NextMeetingPlace);

public sealed record PromiseEntry(Guid Id, string? CaseNumber, string Text, DateTime DueAtUtc, string Owner, DateTime MadeAtUtc, DateTime? DoneAtUtc, string? DoneNote);

public sealed record PhoneMessageEntry(Guid Id, DateTime CalledAtUtc, string CallerName, string? Organisation, string? Position, string Phone,
    string Message, string Addressee, string TakenBy, DateTime? CalledBackAtUtc);

public sealed record EmailEntry(Guid Id, DateTime ReceivedAtUtc, string FromAddress, string? FromName, string Subject, string Body, EmailStatus Status,
    DateTime? RepliedAtUtc, string? RepliedBy, string? ReplySubject, string? ReplyBody);

public sealed record LetterEntry(Guid Id, string CaseNumber, string Subject, string Body, DateTime RequestedAtUtc, DateTime WrittenAtUtc, string Author,
    DateTime? SentAtUtc, LetterChannel? Channel);

public sealed record VisitEntry(Guid Id, string CaseNumber, string Purpose, bool IsInspection, string Caseworker, string? SecondEmployee,
    DateTime OfferedAtUtc, DateTime? AgreedStartUtc, DateTime? AgreedEndUtc, DateTime? ArrivedAtUtc, DateTime? DepartedAtUtc, VisitStatus Status,
    string? CancelReason, IReadOnlyList<VisitRescheduleEntry> Reschedules);

public sealed record VisitRescheduleEntry(DateTime RecordedAtUtc, DateTime PreviousStartUtc, DateTime NewStartUtc, string Reason, DateTime ClientToldAtUtc, string ClientToldHow);

public sealed record FeedbackEntry(Guid Id, string Number, FeedbackKind Kind, FeedbackSource Source, DateTime ReceivedAtUtc, string Text, ComplaintStage Stage,
    bool DepartmentAtFault, string? Apology, string? Facts, string? ActionPlan, string? RootCause, string? RootCauseText, string? Outcome,
    DateTime? ClientInformedAtUtc, string? ClientInformedHow, DateTime? ClosedAtUtc, IReadOnlyList<FeedbackStepEntry> Steps,
    IReadOnlyList<CorrectiveActionEntry> Actions);

public sealed record FeedbackStepEntry(ComplaintStage Stage, DateTime AtUtc, string By, string? Note);

public sealed record CorrectiveActionEntry(string Description, string Owner, DateTime DeadlineUtc, VerificationResult? Result, DateTime? VerifiedAtUtc, string? Evidence);

public sealed record ClockEntry(ClockKind Kind, string Commitment, int? Touchpoint, string SubjectKind, DateTime StartedAtUtc, DateTime DueAtUtc,
    DateTime? StoppedAtUtc, ClockState State, int TargetMinutes, TargetUnit TargetUnit, double? ActualMinutes);

/// <summary>
/// An incident recorded about the client, as written (12.1). People: the client and their household as linked, and the
/// employees; other names typed on it are third parties' data and are left out (GDPR art. 15(4)).
/// </summary>
public sealed record IncidentEntry(Guid Id, IncidentType Type, int? Touchpoint, IReadOnlyList<string> Commitments, DateTime OccurredAtUtc,
    string? CaseNumber, string WhatHappened, string? HowHandled, string? Outcome, DateTime RecordedAtUtc, string RecordedBy,
    IReadOnlyList<IncidentPersonEntry> People);

public sealed record IncidentPersonEntry(PersonRole Role, string Name);

/// <summary>A request to erase the client's data and its decision.</summary>
public sealed record ErasureEntry(Guid Id, ErasureGround Ground, string Reason, DateTime RequestedAtUtc, string RequestedBy, ErasureStatus Status,
    DateTime? DecidedAtUtc, string? DecidedBy, string? RefusalBecause, DateTime? ExecutedAtUtc);

/// <summary>One audited read or change of the client's data: who, when, what, why.</summary>
public sealed record AccessEntry(DateTime AtUtc, string UserName, string Action, AuditKind Kind, string? Reason);

internal sealed class GetSubjectAccessReportHandler(CaseDeskDb db, IPersonalCodeProtector protector, CallerContext callers, TimeProvider clock)
    : IRequestHandler<GetSubjectAccessReport, SubjectAccessReport>
{
    public async Task<SubjectAccessReport> Handle(GetSubjectAccessReport request, CancellationToken ct)
    {
        var id = request.ClientId;
        var c = await db.Clients.AsNoTracking().Include(x => x.Household).Include(x => x.Groups)
            .SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Client", id);
        var staff = await db.Users.AsNoTracking().Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        string Name(string? userId) => userId is null ? "" : staff.TryGetValue(userId, out var n) ? n : userId == Caller.System.UserId ? "CaseDesk" : userId;
        string? NameOrNull(string? userId) => userId is null ? null : Name(userId);

        var groupNames = await db.ClientGroups.AsNoTracking().ToDictionaryAsync(g => g.Code, g => ComplaintQueries.Localized(g.NameLt, g.NameEn), ct);
        var touchpoints = await db.Touchpoints.AsNoTracking().ToDictionaryAsync(t => t.Number, t => ComplaintQueries.Localized(t.NameLt, t.NameEn), ct);
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => ComplaintQueries.Localized(u.NameLt, u.NameEn), ct);
        var causes = await db.RootCauses.AsNoTracking().ToDictionaryAsync(r => r.Code, r => ComplaintQueries.Localized(r.NameLt, r.NameEn), ct);

        var personal = new PersonalDataSection(c.FirstName, c.LastName,
            c.PersonalCodeCipher is null ? null : protector.Unprotect(c.PersonalCodeCipher), c.BirthDate, c.Phone, c.Email, c.Address,
            c.Groups.Select(g => groupNames.TryGetValue(g.GroupCode, out var n) ? n : g.GroupCode).ToList(), c.Language, c.LanguageNote,
            c.AccessibilityNeeds, c.MeetWithTwoEmployees, c.SafetyNote,
            c.Household.Select(h => new HouseholdMemberInput(h.Name, h.Relation, h.BirthYear)).ToList(), c.CreatedAtUtc, Name(c.CreatedByUserId));

        var cases = await db.Cases.AsNoTracking().Include(k => k.History).Where(k => k.ClientId == id).OrderBy(k => k.OpenedAtUtc).ToListAsync(ct);
        var caseIds = cases.Select(k => k.Id).ToList();
        var numbers = cases.ToDictionary(k => k.Id, k => k.Number);
        string? Number(Guid? caseId) => caseId is { } k && numbers.TryGetValue(k, out var n) ? n : null;

        var caseSections = cases.Select(k => new CaseSection(k.Id, k.Number, k.ServiceRequested, units.TryGetValue(k.UnitId, out var u) ? u : "",
            k.Status, NameOrNull(k.AssignedToUserId), k.OpenedAtUtc, k.ServiceStartedAtUtc, k.ClosedAtUtc, k.Outcome, k.OutcomeNote,
            k.History.OrderBy(h => h.AtUtc).Select(h => new CaseHistoryEntry(h.AtUtc, Name(h.ByUserId), h.From, h.To, NameOrNull(h.AssignedToUserId), h.Note)).ToList()))
            .ToList();

        var contacts = (await db.Contacts.AsNoTracking().Where(k => k.ClientId == id).OrderBy(k => k.OccurredAtUtc).ToListAsync(ct))
            .Select(k => new ContactEntry(k.Id, Number(k.CaseId), k.Touchpoint, touchpoints.TryGetValue(k.Touchpoint, out var t) ? t : "", k.Channel, k.Direction,
                k.OccurredAtUtc, Name(k.EmployeeUserId), k.Summary, k.Discussed, k.Decided, k.Done, k.NextStep, k.NextMeetingAtUtc, k.NextMeetingPlace))
            .ToList();

        var promises = (await db.Promises.AsNoTracking().Where(p => p.ClientId == id).OrderBy(p => p.CreatedAtUtc).ToListAsync(ct))
            .Select(p => new PromiseEntry(p.Id, Number(p.CaseId), p.Text, p.DueAtUtc, Name(p.OwnerUserId), p.CreatedAtUtc, p.DoneAtUtc, p.DoneNote))
            .ToList();

        var messages = (await db.PhoneMessages.AsNoTracking().Where(m => m.ClientId == id).OrderBy(m => m.CalledAtUtc).ToListAsync(ct))
            .Select(m => new PhoneMessageEntry(m.Id, m.CalledAtUtc, m.CallerName, m.Organisation, m.Position, m.Phone, m.Message,
                Name(m.AddresseeUserId), Name(m.TakenByUserId), m.CalledBackAtUtc))
            .ToList();

        var emails = (await db.EmailEnquiries.AsNoTracking().Where(e => e.ClientId == id).OrderBy(e => e.ReceivedAtUtc).ToListAsync(ct))
            .Select(e => new EmailEntry(e.Id, e.ReceivedAtUtc, e.FromAddress, e.FromName, e.Subject, e.Body, e.Status, e.RepliedAtUtc,
                NameOrNull(e.RepliedByUserId), e.ReplySubject, e.ReplyBody))
            .ToList();

        var letters = (await db.InformationLetters.AsNoTracking().Where(l => l.ClientId == id).OrderBy(l => l.CreatedAtUtc).ToListAsync(ct))
            .Select(l => new LetterEntry(l.Id, Number(l.CaseId) ?? "", l.Subject, l.Body, l.RequestedAtUtc, l.CreatedAtUtc, Name(l.CreatedByUserId),
                l.SentAtUtc, l.Channel))
            .ToList();

        var visits = (await db.HomeVisits.AsNoTracking().Include(v => v.Reschedules).Where(v => v.ClientId == id).OrderBy(v => v.OfferedAtUtc).ToListAsync(ct))
            .Select(v => new VisitEntry(v.Id, Number(v.CaseId) ?? "", v.Purpose, v.IsInspection, Name(v.CaseworkerUserId), NameOrNull(v.SecondEmployeeUserId),
                v.OfferedAtUtc, v.AgreedStartUtc, v.AgreedEndUtc, v.ArrivedAtUtc, v.DepartedAtUtc, v.Status, v.CancelReason,
                v.Reschedules.OrderBy(r => r.RecordedAtUtc)
                    .Select(r => new VisitRescheduleEntry(r.RecordedAtUtc, r.PreviousStartUtc, r.NewStartUtc, r.Reason, r.ClientToldAtUtc, r.ClientToldHow)).ToList()))
            .ToList();

        var feedback = (await db.Complaints.AsNoTracking().Include(k => k.Steps).Include(k => k.Actions)
                .Where(k => k.ClientId == id || (k.CaseId != null && caseIds.Contains(k.CaseId.Value)))
                .OrderBy(k => k.ReceivedAtUtc).ToListAsync(ct))
            .Select(k => new FeedbackEntry(k.Id, k.Number, k.Kind, k.Source, k.ReceivedAtUtc, k.Text, k.Stage, k.DepartmentAtFault, k.Apology, k.Facts,
                k.ActionPlan, k.RootCauseCode is null ? null : causes.TryGetValue(k.RootCauseCode, out var cause) ? cause : k.RootCauseCode, k.RootCauseText,
                k.Outcome, k.ClientInformedAtUtc, k.ClientInformedHow, k.ClosedAtUtc,
                k.Steps.OrderBy(s => s.AtUtc).Select(s => new FeedbackStepEntry(s.Stage, s.AtUtc, Name(s.ByUserId), s.Note)).ToList(),
                k.Actions.OrderBy(a => a.CreatedAtUtc)
                    .Select(a => new CorrectiveActionEntry(a.Description, Name(a.OwnerUserId), a.DeadlineUtc, a.Result, a.VerifiedAtUtc, a.Evidence)).ToList()))
            .ToList();
        var feedbackIds = feedback.Select(f => f.Id).ToList();

        var clocks = await db.ResponseClocks.AsNoTracking()
            .Where(k => k.ClientId == id || (k.CaseId != null && caseIds.Contains(k.CaseId.Value)) || feedbackIds.Contains(k.SubjectId))
            .OrderBy(k => k.StartedAtUtc)
            .Select(k => new ClockEntry(k.Kind, k.Commitment, k.Touchpoint, k.SubjectKind, k.StartedAtUtc, k.DueAtUtc, k.StoppedAtUtc, k.State,
                k.TargetMinutes, k.TargetUnit, k.ActualMinutes))
            .ToListAsync(ct);

        // Linked as on erasure (Anonymizer): the incident's client, or the client among its people.
        var incidents = (await db.Incidents.AsNoTracking().Include(i => i.People)
                .Where(i => i.ClientId == id || db.IncidentPeople.Any(p => p.IncidentId == i.Id && p.ClientId == id))
                .OrderBy(i => i.OccurredAtUtc).ToListAsync(ct))
            .Select(i => new IncidentEntry(i.Id, i.Type, i.Touchpoint, i.Commitments.Split(',', StringSplitOptions.RemoveEmptyEntries), i.OccurredAtUtc,
                Number(i.CaseId), i.WhatHappened, i.HowHandled, i.Outcome, i.RecordedAtUtc, Name(i.RecordedByUserId),
                i.People.Where(p => p.ClientId == id || p.Role == PersonRole.Employee).OrderBy(p => p.Role).ThenBy(p => p.Name, LithuanianOrder.Instance)
                    .Select(p => new IncidentPersonEntry(p.Role, p.Name)).ToList()))
            .ToList();

        var erasures = (await db.ErasureRequests.AsNoTracking().Where(r => r.ClientId == id).OrderBy(r => r.RequestedAtUtc).ToListAsync(ct))
            .Select(r => new ErasureEntry(r.Id, r.Ground, r.Reason, r.RequestedAtUtc, Name(r.RequestedByUserId), r.Status, r.DecidedAtUtc,
                NameOrNull(r.DecidedByUserId), r.RefusalBecause, r.ExecutedAtUtc))
            .ToList();

        // Reads name the client in EntityId; changes and list reads name it in Fields ("Client <id>: Phone", "shown 3: <id>,...").
        var idText = id.ToString();
        var access = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == idText || (a.Fields != null && a.Fields.Contains(idText)))
            .OrderByDescending(a => a.Id).Take(5000)
            .Select(a => new AccessEntry(a.AtUtc, a.UserName, a.Action, a.Kind, a.Reason))
            .ToListAsync(ct);

        return new SubjectAccessReport(id, clock.GetUtcNow().UtcDateTime, Name(callers.Caller.UserId), personal, caseSections, contacts, promises,
            messages, emails, letters, visits, feedback, clocks, incidents, erasures, access);
    }
}

/// <summary>The report as the client receives it in machine-readable form (GDPR art. 15(3), 20): readable UTF-8, names for codes.</summary>
public static class SubjectAccessJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static byte[] Serialize(SubjectAccessReport report) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(report, Options);
}
