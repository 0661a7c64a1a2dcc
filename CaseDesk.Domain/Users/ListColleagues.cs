using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Users;

/// <summary>Staff to route work to (case assignee, phone-message addressee), with their unit and roles. No personal data of clients.</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record ListColleagues(string? Role = null) : IQuery<IReadOnlyList<Colleague>>;

internal sealed class ListColleaguesValidator : AbstractValidator<ListColleagues>
{
    public ListColleaguesValidator() => RuleFor(r => r.Role).SingleLine();
}

public sealed record Colleague(string Id, string FullName, string Position, Guid? UnitId, string? UnitName, IReadOnlyList<string> Roles);

internal sealed class ListColleaguesHandler(CaseDeskDb db) : IRequestHandler<ListColleagues, IReadOnlyList<Colleague>>
{
    public async Task<IReadOnlyList<Colleague>> Handle(ListColleagues request, CancellationToken ct)
    {
        var rows = await db.Users.AsNoTracking().OrderBy(u => EF.Functions.Collate(u.LastName, CaseDeskDb.LithuanianCollation)).ThenBy(u => EF.Functions.Collate(u.FirstName, CaseDeskDb.LithuanianCollation))
            .Select(u => new
            {
                u.Id, u.FirstName, u.LastName, u.Position, u.UnitId,
                Unit = db.OrgUnits.Where(o => o.Id == u.UnitId).Select(o => o.NameLt).FirstOrDefault(),
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);
        return rows.Where(r => request.Role is null || r.Roles.Contains(request.Role))
            .Select(r => new Colleague(r.Id, $"{r.FirstName} {r.LastName}", r.Position, r.UnitId, r.Unit, r.Roles)).ToList();
    }
}
