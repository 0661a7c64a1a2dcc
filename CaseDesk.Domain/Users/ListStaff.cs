using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Users;

[AllowedRoles(Roles.Admin)]
public sealed record ListStaff(ListWindow Window) : IQuery<Page<StaffRow>>;

public sealed record StaffRow(string Id, string UserName, string FullName, string? Email, string Position, string? UnitName,
    IReadOnlyList<string> Roles, bool IsLockedOut, string Version);

internal sealed class ListStaffValidator : AbstractValidator<ListStaff>
{
    public ListStaffValidator() => RuleFor(r => r.Window).ValidWindow();
}

internal sealed class ListStaffHandler(CaseDeskDb db, TimeProvider clock) : IRequestHandler<ListStaff, Page<StaffRow>>
{
    public async Task<Page<StaffRow>> Handle(ListStaff request, CancellationToken ct)
    {
        var w = request.Window;
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(w.Search))
        {
            // Folded like the client search ("cernius" and "ČERNIUS" find Černius), the same on SQLite and PostgreSQL: SQLite's
            // lower() knows only ASCII. Every word typed must be found; a department's staff list is small enough to fold here.
            var words = Clients.Client.SearchKey(w.Search).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var people = await db.Users.AsNoTracking().Select(u => new { u.Id, u.UserName, u.FirstName, u.LastName, u.Email }).ToListAsync(ct);
            var found = people.Where(u => Clients.Client.SearchKey($"{u.UserName} {u.FirstName} {u.LastName} {u.Email}") is var key
                    && words.All(word => key.Contains(word, StringComparison.Ordinal)))
                .Select(u => u.Id).ToList();
            query = query.Where(u => found.Contains(u.Id));
        }

        query = (w.SortBy, w.Descending) switch
        {
            (nameof(StaffRow.UserName), false) => query.OrderBy(u => u.UserName),
            (nameof(StaffRow.UserName), true) => query.OrderByDescending(u => u.UserName),
            (nameof(StaffRow.Position), false) => query.OrderBy(u => u.Position),
            (nameof(StaffRow.Position), true) => query.OrderByDescending(u => u.Position),
            (_, true) => query.OrderByDescending(u => EF.Functions.Collate(u.LastName, CaseDeskDb.LithuanianCollation)).ThenByDescending(u => EF.Functions.Collate(u.FirstName, CaseDeskDb.LithuanianCollation)),
            _ => query.OrderBy(u => EF.Functions.Collate(u.LastName, CaseDeskDb.LithuanianCollation)).ThenBy(u => EF.Functions.Collate(u.FirstName, CaseDeskDb.LithuanianCollation)),
        };

        var total = await query.CountAsync(ct);
        var now = clock.GetUtcNow();
        var page = await query.Skip(w.Skip).Take(w.Take)
            .Select(u => new
            {
                u.Id, u.UserName, u.FirstName, u.LastName, u.Email, u.Position, u.LockoutEnd, u.ConcurrencyStamp,
                Unit = db.OrgUnits.Where(o => o.Id == u.UnitId).Select(o => o.NameLt).FirstOrDefault(),
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);

        return new Page<StaffRow>(page.Select(u => new StaffRow(u.Id, u.UserName!, $"{u.FirstName} {u.LastName}".Trim(), u.Email,
            u.Position, u.Unit, u.Roles.Order().ToList(), u.LockoutEnd > now, u.ConcurrencyStamp ?? "")).ToList(), total);
    }
}
