using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
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
    public PauseClockValidator() =>
        RuleFor(r => r.Reason).NotEmpty().WithMessage(_ => T("Say why the clock is paused (e.g. waiting for the client's documents)."))
            .MaximumLength(500).WithMessage(_ => T("At most {0} characters.", 500));
}

internal sealed class PauseClockHandler(CaseDeskDb db, ClockBook book, TimeProvider clock) : IRequestHandler<PauseClock, MediatR.Unit>, IRequestHandler<ResumeClock, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(PauseClock request, CancellationToken ct)
    {
        var target = await db.ResponseClocks.SingleOrDefaultAsync(c => c.Id == request.ClockId, ct) ?? throw new NotFoundException("Clock", request.ClockId);
        target.Pause(clock.GetUtcNow().UtcDateTime, request.Reason);
        await db.SaveChangesAsync(ct);
        return MediatR.Unit.Value;
    }

    public async Task<MediatR.Unit> Handle(ResumeClock request, CancellationToken ct)
    {
        var target = await db.ResponseClocks.SingleOrDefaultAsync(c => c.Id == request.ClockId, ct) ?? throw new NotFoundException("Clock", request.ClockId);
        target.Resume(clock.GetUtcNow().UtcDateTime, await book.CalendarAsync(ct));
        await db.SaveChangesAsync(ct);
        return MediatR.Unit.Value;
    }
}
