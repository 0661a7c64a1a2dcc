using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Visits;

/// <summary>The home visits of a case, newest first, with the client's 9.6 flag shown above them.</summary>
[AllowedRoles(Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record ListCaseVisits(Guid CaseId) : IQuery<CaseVisitList>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

public sealed record CaseVisitList(Guid CaseId, Guid ClientId, bool MeetWithTwoEmployees, string? SafetyNote, IReadOnlyList<VisitRow> Visits) : IHasClientId;

/// <summary><see cref="ToldLate"/>: a rescheduling was told to the client only at or after the time that had been agreed.</summary>
public sealed record VisitRow(Guid Id, Guid Version, string Purpose, bool IsInspection, VisitStatus Status, string Caseworker, string? SecondEmployee,
    DateTime OfferedAtUtc, DateTime? AgreedStartUtc, DateTime? AgreedEndUtc, DateTime? ArrivedAtUtc, DateTime? DepartedAtUtc, string? CancelReason,
    int Reschedules, bool ToldLate);

internal sealed class ListCaseVisitsHandler(CaseDeskDb db) : IRequestHandler<ListCaseVisits, CaseVisitList>
{
    public async Task<CaseVisitList> Handle(ListCaseVisits request, CancellationToken ct)
    {
        var @case = await db.Cases.AsNoTracking().Where(c => c.Id == request.CaseId).Select(c => new { c.Id, c.ClientId }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Case", request.CaseId);
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == @case.ClientId).Select(c => new { c.MeetWithTwoEmployees, c.SafetyNote }).SingleAsync(ct);
        var names = db.Users.Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName });
        var visits = await db.HomeVisits.AsNoTracking().Where(v => v.CaseId == @case.Id)
            .OrderByDescending(v => v.OfferedAtUtc)
            .Select(v => new VisitRow(v.Id, v.Version, v.Purpose, v.IsInspection, v.Status,
                names.Where(n => n.Id == v.CaseworkerUserId).Select(n => n.Name).FirstOrDefault() ?? v.CaseworkerUserId,
                names.Where(n => n.Id == v.SecondEmployeeUserId).Select(n => n.Name).FirstOrDefault(),
                v.OfferedAtUtc, v.AgreedStartUtc, v.AgreedEndUtc, v.ArrivedAtUtc, v.DepartedAtUtc, v.CancelReason,
                db.VisitReschedules.Count(r => r.VisitId == v.Id),
                db.VisitReschedules.Any(r => r.VisitId == v.Id && !r.ToldBeforeAgreedTime)))
            .ToListAsync(ct);
        return new CaseVisitList(@case.Id, @case.ClientId, client.MeetWithTwoEmployees, client.SafetyNote, visits);
    }
}
