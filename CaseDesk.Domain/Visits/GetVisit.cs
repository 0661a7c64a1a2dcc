using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Visits;

/// <summary>One home visit with the client's address and safety flag, its times and every rescheduling.</summary>
[AllowedRoles(Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record GetVisit(Guid Id) : IQuery<VisitDetails>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

public sealed record VisitDetails(
    Guid Id, Guid Version, Guid CaseId, string CaseNumber, bool CaseIsOpen, Guid ClientId, string ClientName, string? ClientAddress, string? ClientPhone,
    bool MeetWithTwoEmployees, string? SafetyNote, string CaseworkerUserId, string Caseworker, string? SecondEmployeeUserId, string? SecondEmployee,
    string Purpose, bool IsInspection, VisitStatus Status, DateTime OfferedAtUtc, DateTime? AgreedAtUtc, DateTime? AgreedStartUtc, DateTime? AgreedEndUtc,
    DateTime? ArrivedAtUtc, DateTime? DepartedAtUtc, string? CancelReason, Guid? ContactId, IReadOnlyList<RescheduleRow> Reschedules) : IHasClientId
{
    /// <summary>Minutes late on arrival (negative when early).</summary>
    public double? ArrivalDelayMinutes => ArrivedAtUtc is { } arrived && AgreedStartUtc is { } agreed ? (arrived - agreed).TotalMinutes : null;
}

public sealed record RescheduleRow(DateTime RecordedAtUtc, string By, DateTime PreviousStartUtc, DateTime NewStartUtc, string Reason,
    DateTime ClientToldAtUtc, string ClientToldHow, bool ToldBeforeAgreedTime);

internal sealed class GetVisitHandler(CaseDeskDb db) : IRequestHandler<GetVisit, VisitDetails>
{
    public async Task<VisitDetails> Handle(GetVisit request, CancellationToken ct)
    {
        var v = await db.HomeVisits.AsNoTracking().SingleOrDefaultAsync(x => x.Id == request.Id, ct) ?? throw new NotFoundException("Visit", request.Id);
        var names = db.Users.Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName });
        var @case = await db.Cases.AsNoTracking().Where(c => c.Id == v.CaseId).Select(c => new { c.Number, c.Status }).SingleAsync(ct);
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == v.ClientId)
            .Select(c => new { c.FirstName, c.LastName, c.Address, c.Phone, c.MeetWithTwoEmployees, c.SafetyNote }).SingleAsync(ct);
        var caseworker = await names.Where(n => n.Id == v.CaseworkerUserId).Select(n => n.Name).FirstOrDefaultAsync(ct) ?? v.CaseworkerUserId;
        var second = v.SecondEmployeeUserId is null ? null : await names.Where(n => n.Id == v.SecondEmployeeUserId).Select(n => n.Name).FirstOrDefaultAsync(ct);
        var reschedules = await db.VisitReschedules.AsNoTracking().Where(r => r.VisitId == v.Id).OrderBy(r => r.RecordedAtUtc)
            .Select(r => new RescheduleRow(r.RecordedAtUtc, names.Where(n => n.Id == r.ByUserId).Select(n => n.Name).FirstOrDefault() ?? r.ByUserId,
                r.PreviousStartUtc, r.NewStartUtc, r.Reason, r.ClientToldAtUtc, r.ClientToldHow, r.ToldBeforeAgreedTime))
            .ToListAsync(ct);
        return new VisitDetails(v.Id, v.Version, v.CaseId, @case.Number, @case.Status != Cases.CaseStatus.Closed, v.ClientId,
            $"{client.FirstName} {client.LastName}", client.Address, client.Phone, client.MeetWithTwoEmployees, client.SafetyNote,
            v.CaseworkerUserId, caseworker, v.SecondEmployeeUserId, second, v.Purpose, v.IsInspection, v.Status, v.OfferedAtUtc, v.AgreedAtUtc,
            v.AgreedStartUtc, v.AgreedEndUtc, v.ArrivedAtUtc, v.DepartedAtUtc, v.CancelReason, v.ContactId, reschedules);
    }
}
