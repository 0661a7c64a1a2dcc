using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Visits;

/// <summary>Cancels an offered or agreed visit, with the reason the client is told.</summary>
[AllowedRoles(Roles.Caseworker, Roles.Head)]
public sealed record CancelVisit(Guid VisitId, Guid Version, string Reason) : ICommand<Guid>;

internal sealed class CancelVisitValidator : AbstractValidator<CancelVisit>
{
    public CancelVisitValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().WithMessage(_ => T("Say why the visit is cancelled, because the client must be told the reason."))
            .MaximumLength(1000).WithMessage(_ => T("At most {0} characters.", 1000));
        RuleFor(r => r.Reason).FreeText();
    }
}

internal sealed class CancelVisitHandler(CaseDeskDb db, ClockBook clocks, TimeProvider clock) : IRequestHandler<CancelVisit, Guid>
{
    public async Task<Guid> Handle(CancelVisit request, CancellationToken ct)
    {
        var visit = await VisitStaff.LoadAsync(db, request.VisitId, request.Version, ct, caseMustBeOpen: false);
        visit.Cancel(request.Reason);
        var now = clock.GetUtcNow().UtcDateTime;
        await clocks.CancelAsync(ClockKind.VisitAgreed, visit.Id, now, ct);
        await clocks.CancelAsync(ClockKind.VisitArrival, visit.Id, now, ct);
        await db.SaveChangesAsync(ct);
        return visit.Version;
    }
}
