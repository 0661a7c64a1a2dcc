using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Visits;

/// <summary>Records the time agreed with the client; a client flagged under 9.6 is visited by two employees.</summary>
[AllowedRoles(Roles.Caseworker, Roles.Head)]
public sealed record AgreeVisit(Guid VisitId, Guid Version, DateTime StartUtc, DateTime EndUtc, string? SecondEmployeeUserId = null) : ICommand<Guid>;

internal sealed class AgreeVisitValidator : AbstractValidator<AgreeVisit>
{
    public AgreeVisitValidator(CaseDeskDb db)
    {
        RuleFor(r => r.StartUtc).InRange();
        RuleFor(r => r.EndUtc).InRange();
        RuleFor(r => r.SecondEmployeeUserId)
            .MustAsync((id, ct) => VisitStaff.CanVisitAsync(db, id!, ct)).When(r => !string.IsNullOrEmpty(r.SecondEmployeeUserId))
            .WithMessage(_ => T("Choose a caseworker or a head, because only they make home visits."));
        RuleFor(r => r.SecondEmployeeUserId).SingleLine();
    }
}

internal sealed class AgreeVisitHandler(CaseDeskDb db, ClockBook clocks, TimeProvider clock) : IRequestHandler<AgreeVisit, Guid>
{
    public async Task<Guid> Handle(AgreeVisit request, CancellationToken ct)
    {
        var visit = await VisitStaff.LoadAsync(db, request.VisitId, request.Version, ct);
        var twoEmployees = await db.Clients.Where(c => c.Id == visit.ClientId).Select(c => c.MeetWithTwoEmployees).SingleAsync(ct);
        var second = string.IsNullOrEmpty(request.SecondEmployeeUserId) ? null : request.SecondEmployeeUserId;
        var now = clock.GetUtcNow().UtcDateTime;
        visit.Agree(request.StartUtc, request.EndUtc, second, twoEmployees, now);
        await clocks.StopAsync(ClockKind.VisitAgreed, visit.Id, now, ct);
        await VisitClocks.StartArrivalAsync(clocks, visit, ct);
        await db.SaveChangesAsync(ct);
        return visit.Version;
    }
}
