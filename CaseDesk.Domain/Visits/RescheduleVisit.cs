using Microsoft.EntityFrameworkCore;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Visits;

/// <summary>
/// Moves an agreed visit and records when and how the client was told (commitment VIII: if the
/// situation changes, tell the client at once, before the agreed time).
/// </summary>
[AllowedRoles(Roles.Caseworker, Roles.Head)]
public sealed record RescheduleVisit(Guid VisitId, Guid Version, DateTime NewStartUtc, DateTime NewEndUtc, string Reason,
    DateTime ClientToldAtUtc, string ClientToldHow) : ICommand<Guid>;

internal sealed class RescheduleVisitValidator : AbstractValidator<RescheduleVisit>
{
    public RescheduleVisitValidator()
    {
        RuleFor(r => r.NewStartUtc).InRange();
        RuleFor(r => r.NewEndUtc).InRange();
        RuleFor(r => r.ClientToldAtUtc).InRange();
        RuleFor(r => r.Reason).NotEmpty().WithMessage(_ => T("Say why the visit is moved."))
            .MaximumLength(1000).WithMessage(_ => T("At most {0} characters.", 1000));
        RuleFor(r => r.ClientToldHow).NotEmpty().WithMessage(_ => T("Say how the client was told."))
            .MaximumLength(200).WithMessage(_ => T("At most {0} characters.", 200));
        RuleFor(r => r.Reason).FreeText();
        RuleFor(r => r.ClientToldHow).SingleLine();
    }
}

internal sealed class RescheduleVisitHandler(CaseDeskDb db, ClockBook clocks, CallerContext callers, TimeProvider clock) : IRequestHandler<RescheduleVisit, Guid>
{
    public async Task<Guid> Handle(RescheduleVisit request, CancellationToken ct)
    {
        var visit = await VisitStaff.LoadAsync(db, request.VisitId, request.Version, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var previousStart = visit.AgreedStartUtc;
        visit.Reschedule(request.NewStartUtc, request.NewEndUtc, request.Reason, request.ClientToldAtUtc, request.ClientToldHow,
            now, callers.Caller.UserId);
        // Commitment VIII: the client must hear of the change before the time that had been agreed.
        var notice = await clocks.StartAsync(ClockKind.RescheduleNotice, nameof(HomeVisit), visit.Id, visit.CaseworkerUserId,
            visit.ClientId, visit.CaseId, now, ct, deadlineUtc: previousStart!.Value);
        notice.Stop(request.ClientToldAtUtc, await clocks.CalendarAsync(ct));
        await clocks.CancelAsync(ClockKind.VisitArrival, visit.Id, now, ct);
        await VisitClocks.StartArrivalAsync(clocks, visit, ct);
        await db.SaveChangesAsync(ct);
        return visit.Version;
    }
}
