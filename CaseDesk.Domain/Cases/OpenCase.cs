using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Cases;

/// <summary>Opens a case for a client with the service requested; reception may route it to a caseworker at once.</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head)]
public sealed record OpenCase(Guid ClientId, string ServiceRequested, Guid UnitId, string? AssignToUserId, DateTime? DueAtUtc) : ICommand<Guid>;

internal sealed class OpenCaseValidator : AbstractValidator<OpenCase>
{
    public OpenCaseValidator(CaseDeskDb db, TimeProvider clock)
    {
        RuleFor(r => r.ServiceRequested).NotEmpty().WithMessage(_ => T("Say which service the client asks for."))
            .MaximumLength(500).WithMessage(_ => T("At most {0} characters.", 500));
        RuleFor(r => r.ClientId).MustAsync((id, ct) => db.Clients.AnyAsync(c => c.Id == id, ct)).WithMessage(_ => T("Unknown client."));
        RuleFor(r => r.UnitId).MustAsync((id, ct) => db.OrgUnits.AnyAsync(u => u.Id == id, ct)).WithMessage(_ => T("Unknown unit."));
        RuleFor(r => r.DueAtUtc).Cascade(CascadeMode.Stop).Must(d => d is null || d.Value.Year is >= 2000 and <= 2100).WithMessage(_ => T("The date is out of range."))
            .Must(d => d is null || d.Value >= clock.GetUtcNow().UtcDateTime).WithMessage(_ => T("The due date cannot be in the past."));
        RuleFor(r => r.ServiceRequested).SingleLine();
        RuleFor(r => r.AssignToUserId).SingleLine();
    }
}

internal sealed class OpenCaseHandler(CaseDeskDb db, CallerContext callers, TimeProvider clock) : IRequestHandler<OpenCase, Guid>
{
    /// <summary>Until the working calendar sets targets, a new case is due for its first action within a week.</summary>
    public static readonly TimeSpan DefaultFirstActionWithin = TimeSpan.FromDays(7);

    public async Task<Guid> Handle(OpenCase request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var by = callers.Caller.UserId;
        var number = await CaseNumbers.NextAsync(db, VilniusTime.ToLocal(now).Year, ct);
        var @case = new Case(Guid.CreateVersion7(), number, request.ClientId, request.ServiceRequested, request.UnitId, now, by,
            request.DueAtUtc ?? now + DefaultFirstActionWithin);
        if (!string.IsNullOrEmpty(request.AssignToUserId))
        {
            await CaseAssignees.EnsureCaseworkerAsync(db, request.AssignToUserId, ct);
            @case.Assign(request.AssignToUserId, request.UnitId, now, by, null);
        }
        db.Cases.Add(@case);
        await db.SaveChangesAsync(ct);
        return @case.Id;
    }
}

internal static class CaseNumbers
{
    /// <summary>"SP-2026-000123". Runs inside the command's write transaction, so two openings cannot take the same number.</summary>
    public static async Task<string> NextAsync(CaseDeskDb db, int year, CancellationToken ct)
    {
        var prefix = $"SP-{year}-";
        var last = await db.Cases.Where(c => string.Compare(c.Number, prefix) > 0 && string.Compare(c.Number, prefix + "\uffff") < 0)
            .OrderByDescending(c => c.Number).Select(c => c.Number).FirstOrDefaultAsync(ct);
        var next = last is null ? 1 : int.Parse(last[prefix.Length..]) + 1;
        return $"{prefix}{next:000000}";
    }
}

internal static class CaseAssignees
{
    public static async Task EnsureCaseworkerAsync(CaseDeskDb db, string userId, CancellationToken ct)
    {
        var roles = await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync(ct);
        if (roles.Count == 0)
            throw new RequestValidationException(new Dictionary<string, string[]> { ["AssignToUserId"] = [T("Unknown employee.")] });
        // Narrower than who may read a case (GetCase): administering one is the caseworker's or the head's job.
        if (!roles.Contains(Roles.Caseworker) && !roles.Contains(Roles.Head))
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["AssignToUserId"] = [T("The case cannot be given to this employee, because only caseworkers and heads administer cases.")],
            });
    }
}
