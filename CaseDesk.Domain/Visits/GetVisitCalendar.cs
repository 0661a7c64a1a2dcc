using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Visits;

/// <summary>
/// A caseworker's visits with an agreed time that overlap the range (as the visiting caseworker or the
/// second employee). A caseworker sees their own calendar; heads and the standard officer see anyone's.
/// </summary>
[AllowedRoles(Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record GetVisitCalendar(string CaseworkerUserId, DateTime FromUtc, DateTime ToUtc) : IQuery<IReadOnlyList<CalendarVisit>>, IReadsPersonalData
{
    public static readonly TimeSpan LongestRange = TimeSpan.FromDays(100);

    Guid? IReadsPersonalData.ClientId => null;
}

public sealed record CalendarVisit(Guid Id, Guid CaseId, string CaseNumber, Guid ClientId, string ClientName, string? ClientAddress, string Purpose,
    bool IsInspection, bool MeetWithTwoEmployees, VisitStatus Status, DateTime StartUtc, DateTime EndUtc, bool AsSecondEmployee) : IHasClientId;

internal sealed class GetVisitCalendarValidator : AbstractValidator<GetVisitCalendar>
{
    public GetVisitCalendarValidator()
    {
        RuleFor(r => r.CaseworkerUserId).NotEmpty().WithMessage(_ => T("Choose the caseworker."));
        RuleFor(r => r.ToUtc).GreaterThan(r => r.FromUtc).WithMessage(_ => T("The end of the range must be after its start."))
            .Must((r, to) => to - r.FromUtc <= GetVisitCalendar.LongestRange).WithMessage(_ => T("The range is too long."));
        RuleFor(r => r.CaseworkerUserId).SingleLine();
    }
}

internal sealed class GetVisitCalendarHandler(CaseDeskDb db, CallerContext callers) : IRequestHandler<GetVisitCalendar, IReadOnlyList<CalendarVisit>>
{
    public async Task<IReadOnlyList<CalendarVisit>> Handle(GetVisitCalendar request, CancellationToken ct)
    {
        var caller = callers.Caller;
        if (request.CaseworkerUserId != caller.UserId && !caller.IsInRole(Roles.Head) && !caller.IsInRole(Roles.QualityOfficer))
            throw new AccessDeniedException(nameof(GetVisitCalendar), "a caseworker sees only their own visit calendar");

        var who = request.CaseworkerUserId;
        var rows = await db.HomeVisits.AsNoTracking()
            .Where(v => (v.CaseworkerUserId == who || v.SecondEmployeeUserId == who)
                        && (v.Status == VisitStatus.Agreed || v.Status == VisitStatus.Done)
                        && v.AgreedStartUtc < request.ToUtc && v.AgreedEndUtc > request.FromUtc)
            .OrderBy(v => v.AgreedStartUtc)
            .Select(v => new
            {
                v.Id, v.CaseId, v.ClientId, v.Purpose, v.IsInspection, v.Status, Start = v.AgreedStartUtc!.Value, End = v.AgreedEndUtc!.Value,
                AsSecond = v.CaseworkerUserId != who,
                Number = db.Cases.Where(c => c.Id == v.CaseId).Select(c => c.Number).First(),
                Client = db.Clients.Where(c => c.Id == v.ClientId).Select(c => new { c.FirstName, c.LastName, c.Address, c.MeetWithTwoEmployees }).First(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new CalendarVisit(r.Id, r.CaseId, r.Number, r.ClientId, $"{r.Client.FirstName} {r.Client.LastName}", r.Client.Address,
            r.Purpose, r.IsInspection, r.Client.MeetWithTwoEmployees, r.Status, r.Start, r.End, r.AsSecond)).ToList();
    }
}
