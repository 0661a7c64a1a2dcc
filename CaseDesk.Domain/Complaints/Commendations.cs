using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Complaints;

/// <summary>12.3: an employee whose work exceeded the standard is noted, with why (and the feedback that showed it, if any).</summary>
[AllowedRoles(Roles.QualityOfficer, Roles.Head)]
public sealed record NoteEmployeeCommendation(string EmployeeUserId, string Reason, Guid? ComplaintId) : ICommand<Guid>;

[AllowedRoles(Roles.QualityOfficer, Roles.Head)]
public sealed record ListEmployeeCommendations : IQuery<IReadOnlyList<CommendationRow>>;

public sealed record CommendationRow(Guid Id, string EmployeeUserId, string Employee, DateTime NotedAtUtc, string NotedBy, string Reason,
    Guid? ComplaintId, string? ComplaintNumber);

internal sealed class NoteEmployeeCommendationValidator : AbstractValidator<NoteEmployeeCommendation>
{
    public NoteEmployeeCommendationValidator(CaseDeskDb db)
    {
        RuleFor(r => r.EmployeeUserId).NotEmpty().WithMessage(_ => T("Choose the employee."))
            .MustAsync((id, ct) => db.Users.AnyAsync(u => u.Id == id, ct)).WithMessage(_ => T("Unknown employee."));
        RuleFor(r => r.Reason).NotEmpty().WithMessage(_ => T("Say how the employee's work exceeded the standard."))
            .MaximumLength(2000).WithMessage(_ => T("At most {0} characters.", 2000));
        RuleFor(r => r.ComplaintId).MustAsync(async (id, ct) => id is null || await db.Complaints.AnyAsync(c => c.Id == id, ct))
            .WithMessage(_ => T("Unknown complaint or suggestion."));
        RuleFor(r => r.EmployeeUserId).SingleLine();
        RuleFor(r => r.Reason).FreeText();
    }
}

internal sealed class CommendationHandler(CaseDeskDb db, CallerContext callers, TimeProvider clock) :
    IRequestHandler<NoteEmployeeCommendation, Guid>, IRequestHandler<ListEmployeeCommendations, IReadOnlyList<CommendationRow>>
{
    public async Task<Guid> Handle(NoteEmployeeCommendation r, CancellationToken ct)
    {
        var note = new EmployeeCommendation
        {
            Id = Guid.CreateVersion7(), EmployeeUserId = r.EmployeeUserId, NotedAtUtc = clock.GetUtcNow().UtcDateTime,
            NotedByUserId = callers.Caller.UserId, Reason = r.Reason.Trim(), ComplaintId = r.ComplaintId,
        };
        db.EmployeeCommendations.Add(note);
        await db.SaveChangesAsync(ct);
        return note.Id;
    }

    public async Task<IReadOnlyList<CommendationRow>> Handle(ListEmployeeCommendations request, CancellationToken ct) =>
        await db.EmployeeCommendations.AsNoTracking().OrderByDescending(e => e.NotedAtUtc)
            .Select(e => new CommendationRow(e.Id, e.EmployeeUserId,
                db.Users.Where(u => u.Id == e.EmployeeUserId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault() ?? e.EmployeeUserId,
                e.NotedAtUtc,
                db.Users.Where(u => u.Id == e.NotedByUserId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault() ?? e.NotedByUserId,
                e.Reason, e.ComplaintId, db.Complaints.Where(c => c.Id == e.ComplaintId).Select(c => c.Number).FirstOrDefault()))
            .ToListAsync(ct);
}
