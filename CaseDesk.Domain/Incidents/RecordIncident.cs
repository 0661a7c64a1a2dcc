using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Privacy;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Incidents;

/// <summary>
/// Records a situation for skills sessions (12.1): its type, touchpoint and commitments, what happened,
/// how it was handled and the outcome, and who was involved. An anonymized draft copy is made at once
/// for the standard officer to review (docs/training.md).
/// </summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record RecordIncident(
    IncidentType Type, int? Touchpoint, IReadOnlyList<string> Commitments, DateTime OccurredAtUtc,
    string WhatHappened, string? HowHandled, string? Outcome, Guid? ClientId, Guid? CaseId,
    IReadOnlyList<string> EmployeeUserIds, IReadOnlyList<string> OtherNames) : ICommand<Guid>;

internal sealed class RecordIncidentValidator : AbstractValidator<RecordIncident>
{
    public RecordIncidentValidator(CaseDeskDb db, TimeProvider clock)
    {
        RuleFor(r => r.Type).IsInEnum().WithMessage(_ => T("Choose the type of incident."));
        RuleFor(r => r.Touchpoint).Must(t => t is null or >= 1 and <= 10).WithMessage(_ => T("Choose the touchpoint (1-10)."));
        RuleFor(r => r.Commitments).Must(c => c.All(n => ComplaintRules.Numerals.Contains(n))).WithMessage(_ => T("Unknown commitment."));
        RuleFor(r => r.OccurredAtUtc).Must(d => d <= clock.GetUtcNow().UtcDateTime.AddMinutes(5)).WithMessage(_ => T("The time cannot be in the future."))
            .Must(d => d.Year >= 2000).WithMessage(_ => T("The date is out of range."));
        RuleFor(r => r.WhatHappened).NotEmpty().WithMessage(_ => T("Write what happened."))
            .MaximumLength(8000).WithMessage(_ => T("At most {0} characters.", 8000));
        RuleFor(r => r.HowHandled).MaximumLength(8000).WithMessage(_ => T("At most {0} characters.", 8000));
        RuleFor(r => r.Outcome).MaximumLength(4000).WithMessage(_ => T("At most {0} characters.", 4000));
        RuleFor(r => r.OtherNames).Must(n => n.Count <= 30 && n.All(x => x.Length <= 200)).WithMessage(_ => T("At most {0} names of up to 200 characters.", 30));
        RuleFor(r => r.EmployeeUserIds).Must(e => e.Count <= 30).WithMessage(_ => T("At most {0} employees.", 30))
            .MustAsync(async (ids, ct) => ids.Count == 0 || await db.Users.CountAsync(u => ids.Contains(u.Id), ct) == ids.Distinct().Count())
            .WithMessage(_ => T("Unknown employee."));
        RuleFor(r => r.ClientId).MustAsync(async (id, ct) => id is null || await db.Clients.AnyAsync(c => c.Id == id, ct)).WithMessage(_ => T("Unknown client."));
        RuleFor(r => r.CaseId).MustAsync(async (r, id, ct) => id is null || await db.Cases.AnyAsync(c => c.Id == id && c.ClientId == r.ClientId, ct))
            .WithMessage(_ => T("The case does not belong to this client."));
        RuleForEach(r => r.Commitments).SingleLine();
        RuleFor(r => r.WhatHappened).FreeText();
        RuleFor(r => r.HowHandled).FreeText();
        RuleFor(r => r.Outcome).FreeText();
        RuleForEach(r => r.EmployeeUserIds).SingleLine();
        RuleForEach(r => r.OtherNames).PersonName();
    }
}

internal sealed class RecordIncidentHandler(CaseDeskDb db, IPersonalCodeProtector codes, CallerContext callers, TimeProvider clock) : IRequestHandler<RecordIncident, Guid>
{
    public async Task<Guid> Handle(RecordIncident r, CancellationToken ct)
    {
        var incident = new Incident(Guid.CreateVersion7(), r.Type, r.Touchpoint, r.Commitments, r.OccurredAtUtc, r.WhatHappened, r.HowHandled, r.Outcome,
            r.ClientId, r.CaseId, null, null, clock.GetUtcNow().UtcDateTime, callers.Caller.UserId, IncidentAnonymization.RandomShift());
        await IncidentAnonymization.LinkClientAsync(db, incident, r.ClientId, ct);
        await IncidentAnonymization.LinkEmployeesAsync(db, incident, r.EmployeeUserIds, ct);
        foreach (var name in r.OtherNames)
            incident.Link(PersonRole.Other, name);
        db.Incidents.Add(incident);
        await IncidentAnonymization.MakeCopyAsync(db, codes, incident, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return incident.Id;
    }
}
