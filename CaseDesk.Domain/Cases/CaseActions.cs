using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Cases;

/// <summary>Routes or reassigns a case to a caseworker (reception → caseworker, or between caseworkers).</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head)]
public sealed record AssignCase(Guid CaseId, Guid Version, string AssignToUserId, string? Note) : ICommand<Guid>;

/// <summary>Records that the service has started (the journey's last key stage).</summary>
[AllowedRoles(Roles.Caseworker, Roles.Head)]
public sealed record StartService(Guid CaseId, Guid Version) : ICommand<Guid>;

/// <summary>Closes the case with its outcome; a refusal says why.</summary>
[AllowedRoles(Roles.Caseworker, Roles.Head)]
public sealed record CloseCase(Guid CaseId, Guid Version, CaseOutcome Outcome, string? Note) : ICommand<Guid>;

/// <summary>Sets when the next action on the case is due (not in the past; a closed case has none).</summary>
[AllowedRoles(Roles.Caseworker, Roles.Head)]
public sealed record SetCaseDue(Guid CaseId, Guid Version, DateTime DueAtUtc) : ICommand<Guid>;

internal sealed class AssignCaseValidator : AbstractValidator<AssignCase>
{
    public AssignCaseValidator()
    {
        RuleFor(r => r.AssignToUserId).NotEmpty().WithMessage(_ => T("Choose the caseworker."));
        RuleFor(r => r.Note).MaximumLength(2000).WithMessage(_ => T("At most {0} characters.", 2000));
        RuleFor(r => r.AssignToUserId).SingleLine();
        RuleFor(r => r.Note).FreeText();
    }
}

internal sealed class CloseCaseValidator : AbstractValidator<CloseCase>
{
    public CloseCaseValidator()
    {
        RuleFor(r => r.Outcome).IsInEnum().WithMessage(_ => T("Choose the outcome."));
        RuleFor(r => r.Note).MaximumLength(2000).WithMessage(_ => T("At most {0} characters.", 2000));
        RuleFor(r => r.Note).FreeText();
    }
}

internal sealed class SetCaseDueValidator : AbstractValidator<SetCaseDue>
{
    public SetCaseDueValidator(TimeProvider clock) =>
        RuleFor(r => r.DueAtUtc).Cascade(CascadeMode.Stop).Must(d => d.Year is >= 2000 and <= 2100).WithMessage(_ => T("The date is out of range."))
            .Must(d => d >= clock.GetUtcNow().UtcDateTime).WithMessage(_ => T("The due date cannot be in the past."));
}

internal sealed class CaseActionsHandler(CaseDeskDb db, CallerContext callers, TimeProvider clock) :
    IRequestHandler<AssignCase, Guid>, IRequestHandler<StartService, Guid>, IRequestHandler<CloseCase, Guid>, IRequestHandler<SetCaseDue, Guid>
{
    public async Task<Guid> Handle(AssignCase request, CancellationToken ct)
    {
        var @case = await Load(request.CaseId, request.Version, ct);
        await CaseAssignees.EnsureCaseworkerAsync(db, request.AssignToUserId, ct);
        var unit = await db.Users.Where(u => u.Id == request.AssignToUserId).Select(u => u.UnitId).SingleAsync(ct);
        @case.Assign(request.AssignToUserId, unit ?? @case.UnitId, Now, callers.Caller.UserId, request.Note?.Trim());
        await db.SaveChangesAsync(ct);
        return @case.Version;
    }

    public async Task<Guid> Handle(StartService request, CancellationToken ct)
    {
        var @case = await Load(request.CaseId, request.Version, ct);
        @case.StartService(Now, callers.Caller.UserId);
        await db.SaveChangesAsync(ct);
        return @case.Version;
    }

    public async Task<Guid> Handle(CloseCase request, CancellationToken ct)
    {
        var @case = await Load(request.CaseId, request.Version, ct);
        var openPromises = await db.Promises.CountAsync(p => p.CaseId == @case.Id && p.DoneAtUtc == null, ct);
        @case.Close(request.Outcome, request.Note, openPromises, Now, callers.Caller.UserId);
        await db.SaveChangesAsync(ct);
        return @case.Version;
    }

    public async Task<Guid> Handle(SetCaseDue request, CancellationToken ct)
    {
        var @case = await Load(request.CaseId, request.Version, ct);
        @case.Reschedule(request.DueAtUtc);
        await db.SaveChangesAsync(ct);
        return @case.Version;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<Case> Load(Guid id, Guid version, CancellationToken ct)
    {
        var @case = await db.Cases.Include(c => c.History).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Case", id);
        db.ExpectVersion(@case, version);
        return @case;
    }
}
