using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Privacy;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Clocks;

/// <summary>Stops a clock counting while the department waits for the client (e.g. documents). Only some clocks may pause.</summary>
[AllowedRoles(Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record PauseClock(Guid ClockId, string Reason) : ICommand<MediatR.Unit>;

[AllowedRoles(Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record ResumeClock(Guid ClockId) : ICommand<MediatR.Unit>;

internal sealed class PauseClockValidator : AbstractValidator<PauseClock>
{
    public PauseClockValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().WithMessage(_ => T("Say why the clock is paused (e.g. waiting for the client's documents)."))
            .MaximumLength(500).WithMessage(_ => T("At most {0} characters.", 500));
        RuleFor(r => r.Reason).FreeText();
    }
}

internal sealed class PauseClockHandler(CaseDeskDb db, ClockBook book, CallerContext callers, TimeProvider clock)
    : IRequestHandler<PauseClock, MediatR.Unit>, IRequestHandler<ResumeClock, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(PauseClock request, CancellationToken ct)
    {
        var target = await LoadAsync(request.ClockId, ct);
        target.Pause(clock.GetUtcNow().UtcDateTime, request.Reason);
        await db.SaveChangesAsync(ct);
        return MediatR.Unit.Value;
    }

    public async Task<MediatR.Unit> Handle(ResumeClock request, CancellationToken ct)
    {
        var target = await LoadAsync(request.ClockId, ct);
        target.Resume(clock.GetUtcNow().UtcDateTime, await book.CalendarAsync(ct));
        await db.SaveChangesAsync(ct);
        return MediatR.Unit.Value;
    }

    private async Task<ResponseClock> LoadAsync(Guid id, CancellationToken ct)
    {
        var target = await db.ResponseClocks.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Clock", id);
        if (!await MayHoldAsync(target, ct))
            throw new DomainRefusalException(T("You cannot pause or resume this clock, because it belongs to someone else's work in another unit. Ask its owner or a head."));
        return target;
    }

    /// <summary>
    /// The same scope as opening a client (<see cref="UnitScope"/>): a caseworker holds the clocks they own, of their
    /// unit, or of a case assigned to them or in their unit; a clock that is nobody's yet (no owner, unit or case,
    /// e.g. a complaint not linked to a case) is open to all. Heads and the standard officer hold every clock.
    /// </summary>
    private async Task<bool> MayHoldAsync(ResponseClock target, CancellationToken ct)
    {
        var caller = callers.Caller;
        if (!UnitScope.AppliesTo(caller) || target.OwnerUserId == caller.UserId)
            return true;
        if (target.OwnerUserId is null && target.UnitId is null && target.CaseId is null)
            return true;
        var unit = await db.Users.AsNoTracking().Where(u => u.Id == caller.UserId).Select(u => u.UnitId).FirstOrDefaultAsync(ct);
        if (unit is not null && target.UnitId == unit)
            return true;
        return target.CaseId is { } caseId
            && await db.Cases.AsNoTracking().AnyAsync(c => c.Id == caseId && (c.AssignedToUserId == caller.UserId || (unit != null && c.UnitId == unit)), ct);
    }
}
