using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Visits;

/// <summary>
/// Offers the client a home visit (touchpoint 7). The visit goes to the given caseworker, else to the
/// case's caseworker, else to the one offering it. An inspection or complaint check need not suit the client.
/// </summary>
[AllowedRoles(Roles.Caseworker, Roles.Head)]
public sealed record OfferVisit(Guid CaseId, string Purpose, bool IsInspection, string? CaseworkerUserId = null) : ICommand<Guid>;

internal sealed class OfferVisitValidator : AbstractValidator<OfferVisit>
{
    public OfferVisitValidator(CaseDeskDb db)
    {
        RuleFor(r => r.Purpose).NotEmpty().WithMessage(_ => T("Say what the visit is for."))
            .MaximumLength(1000).WithMessage(_ => T("At most {0} characters.", 1000));
        RuleFor(r => r.CaseworkerUserId)
            .MustAsync((id, ct) => VisitStaff.CanVisitAsync(db, id!, ct)).When(r => !string.IsNullOrEmpty(r.CaseworkerUserId))
            .WithMessage(_ => T("Choose a caseworker or a head, because only they make home visits."));
        RuleFor(r => r.Purpose).FreeText();
        RuleFor(r => r.CaseworkerUserId).SingleLine();
    }
}

internal sealed class OfferVisitHandler(CaseDeskDb db, ClockBook clocks, CallerContext callers, TimeProvider clock) : IRequestHandler<OfferVisit, Guid>
{
    public async Task<Guid> Handle(OfferVisit request, CancellationToken ct)
    {
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CaseId, ct) ?? throw new NotFoundException("Case", request.CaseId);
        @case.EnsureOpen();
        var by = callers.Caller.UserId;
        var caseworker = string.IsNullOrEmpty(request.CaseworkerUserId) ? @case.AssignedToUserId ?? by : request.CaseworkerUserId;
        var visit = new HomeVisit(Guid.CreateVersion7(), @case.Id, @case.ClientId, caseworker, request.Purpose, request.IsInspection,
            clock.GetUtcNow().UtcDateTime, by);
        db.HomeVisits.Add(visit);
        // An inspection or complaint check need not suit the client (touchpoint 7): no "time agreed" clock.
        if (!visit.IsInspection)
            await clocks.StartAsync(ClockKind.VisitAgreed, nameof(HomeVisit), visit.Id, caseworker,
                visit.ClientId, visit.CaseId, visit.OfferedAtUtc, ct);
        await db.SaveChangesAsync(ct);
        return visit.Id;
    }
}

internal static class VisitStaff
{
    /// <summary>Caseworkers and heads make home visits (and go along as the second employee).</summary>
    public static Task<bool> CanVisitAsync(CaseDeskDb db, string userId, CancellationToken ct) =>
        db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name)
            .AnyAsync(name => name == Roles.Caseworker || name == Roles.Head, ct);

    /// <summary>Loads the visit the editor saw; a closed case's visits can only be cancelled.</summary>
    public static async Task<HomeVisit> LoadAsync(CaseDeskDb db, Guid visitId, Guid version, CancellationToken ct, bool caseMustBeOpen = true)
    {
        var visit = await db.HomeVisits.Include(v => v.Reschedules).SingleOrDefaultAsync(v => v.Id == visitId, ct)
            ?? throw new NotFoundException("Visit", visitId);
        db.ExpectVersion(visit, version);
        if (caseMustBeOpen)
            (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == visit.CaseId, ct)).EnsureOpen();
        return visit;
    }

    public static IRuleBuilderOptions<TRequest, DateTime> InRange<TRequest>(this IRuleBuilder<TRequest, DateTime> rule) =>
        rule.Must(at => at.Year is >= 2000 and <= 2100).WithMessage(_ => T("The date is out of range."));
}
