using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Cases;

/// <summary>
/// The case page: the case, its client's safety flag and language, status history and open promises.
/// A caseworker opening a case of a client of another unit states <paramref name="AccessReason"/> (see <see cref="Privacy.UnitScope"/>).
/// </summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record GetCase(Guid Id, string? AccessReason = null) : IQuery<CaseDetails>, IReadsPersonalData, Privacy.IUnitScopedRead
{
    Guid? IReadsPersonalData.ClientId => null;
    Guid? Privacy.IUnitScopedRead.ScopeClientId => null;
    Guid? Privacy.IUnitScopedRead.ScopeCaseId => Id;
}

internal sealed class GetCaseValidator : AbstractValidator<GetCase>
{
    public GetCaseValidator()
    {
        RuleFor(r => r.AccessReason).MaximumLength(300);
        RuleFor(r => r.AccessReason).FreeText();
    }
}

public sealed record CaseDetails(
    Guid Id, Guid Version, string Number, Guid ClientId, string ClientName, string? ClientPhone, string? ClientEmail, string? ClientAddress,
    ClientLanguage ClientLanguage, string? ClientLanguageNote, string? AccessibilityNeeds, bool MeetWithTwoEmployees, string? SafetyNote,
    string ServiceRequested, Guid UnitId, string UnitName, CaseStatus Status, string? AssignedToUserId, string? AssignedTo,
    DateTime OpenedAtUtc, DateTime DueAtUtc, DateTime? ServiceStartedAtUtc, DateTime? ClosedAtUtc, CaseOutcome? Outcome, string? OutcomeNote,
    IReadOnlyList<CaseHistoryRow> History, IReadOnlyList<PromiseRow> Promises) : IHasClientId;

public sealed record CaseHistoryRow(DateTime AtUtc, string By, CaseStatus? From, CaseStatus To, string? AssignedTo, string? Note);

public sealed record PromiseRow(Guid Id, Guid Version, string Text, DateTime DueAtUtc, string Owner, DateTime? DoneAtUtc, string? DoneNote);

/// <summary>Reading a case shows its client's personal data, so it is an audited read of that client.</summary>
internal sealed class GetCaseHandler(CaseDeskDb db) : IRequestHandler<GetCase, CaseDetails>
{
    public async Task<CaseDetails> Handle(GetCase request, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == request.Id, ct) ?? throw new NotFoundException("Case", request.Id);
        var client = await db.Clients.AsNoTracking().SingleAsync(k => k.Id == c.ClientId, ct);
        var names = db.Users.Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName });
        var history = await db.CaseStatusChanges.AsNoTracking().Where(h => h.CaseId == c.Id).OrderBy(h => h.AtUtc)
            .Select(h => new CaseHistoryRow(h.AtUtc,
                names.Where(n => n.Id == h.ByUserId).Select(n => n.Name).FirstOrDefault() ?? h.ByUserId,
                h.From, h.To, names.Where(n => n.Id == h.AssignedToUserId).Select(n => n.Name).FirstOrDefault(), h.Note))
            .ToListAsync(ct);
        var promises = await db.Promises.AsNoTracking().Where(p => p.CaseId == c.Id).OrderBy(p => p.DoneAtUtc != null).ThenBy(p => p.DueAtUtc)
            .Select(p => new PromiseRow(p.Id, p.Version, p.Text, p.DueAtUtc,
                names.Where(n => n.Id == p.OwnerUserId).Select(n => n.Name).FirstOrDefault() ?? "", p.DoneAtUtc, p.DoneNote))
            .ToListAsync(ct);
        var unit = await db.OrgUnits.Where(u => u.Id == c.UnitId).Select(u => u.NameLt).SingleAsync(ct);
        var assignee = c.AssignedToUserId is null ? null : await names.Where(n => n.Id == c.AssignedToUserId).Select(n => n.Name).FirstOrDefaultAsync(ct);
        return new CaseDetails(c.Id, c.Version, c.Number, client.Id, client.FullName, client.Phone, client.Email, client.Address,
            client.Language, client.LanguageNote, client.AccessibilityNeeds, client.MeetWithTwoEmployees, client.SafetyNote,
            c.ServiceRequested, c.UnitId, unit, c.Status, c.AssignedToUserId, assignee, c.OpenedAtUtc, c.DueAtUtc, c.ServiceStartedAtUtc,
            c.ClosedAtUtc, c.Outcome, c.OutcomeNote, history, promises);
    }
}
