using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;

namespace CaseDesk.Domain.Visits;

/// <summary>Records when the specialist arrived (touchpoint 7: arrive exactly at the agreed time).</summary>
[AllowedRoles(Roles.Caseworker, Roles.Head)]
public sealed record RecordArrival(Guid VisitId, Guid Version, DateTime ArrivedAtUtc) : ICommand<Guid>;

internal sealed class RecordArrivalValidator : AbstractValidator<RecordArrival>
{
    public RecordArrivalValidator() => RuleFor(r => r.ArrivedAtUtc).InRange();
}

internal sealed class RecordArrivalHandler(CaseDeskDb db, ClockBook clocks, TimeProvider clock) : IRequestHandler<RecordArrival, Guid>
{
    public async Task<Guid> Handle(RecordArrival request, CancellationToken ct)
    {
        var visit = await VisitStaff.LoadAsync(db, request.VisitId, request.Version, ct);
        visit.RecordArrival(request.ArrivedAtUtc, clock.GetUtcNow().UtcDateTime);
        await clocks.StopAsync(ClockKind.VisitArrival, visit.Id, request.ArrivedAtUtc, ct);
        await db.SaveChangesAsync(ct);
        return visit.Version;
    }
}
