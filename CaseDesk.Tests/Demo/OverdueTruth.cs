using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Dashboard;
using CaseDesk.Domain.Work;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.Demo;

/// <summary>
/// The rule of docs/dashboard.md ("Overdue means the same everywhere"), read from both sides: the overdue items of every
/// user's "My work" and the records behind the dashboard's breached figures (its drill-down rows), as (owner, record) pairs.
/// </summary>
public static class OverdueTruth
{
    /// <summary>
    /// Kinds of "My work" items that are not clocks: overdue there, named but not counted on the dashboard. Only a case's next-action
    /// date, a planning date; promises are clocks and so on both sides.
    /// </summary>
    public static readonly IReadOnlySet<WorkKind> NotCounted = new HashSet<WorkKind> { WorkKind.CaseDue };

    public sealed record Sides(
        IReadOnlySet<(string Owner, Guid Record)> WorkLists,
        IReadOnlySet<(string Owner, Guid Record)> Dashboard,
        int NotCountedOverdue,
        int DepartmentBreached,
        int DepartmentActionsOverdue,
        int OwnerlessBreached,
        IReadOnlyDictionary<Guid, string> KindOf)
    {
        public string Describe() =>
            $"work lists {WorkLists.Count}, dashboard rows {Dashboard.Count}; only in work lists: " +
            string.Join(", ", WorkLists.Except(Dashboard).Take(10).Select(w => $"{KindOf.GetValueOrDefault(w.Record)} {w.Record}")) + "; only on the dashboard: " + string.Join(", ", Dashboard.Except(WorkLists).Take(10));
    }

    public static async Task<Sides> ReadAsync(TestDatabase database, Caller reader)
    {
        var staff = await database.ReadAsync(db => db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.UserName, Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, x => x.Id, (r, x) => x.Name!).ToList() })
            .ToListAsync());
        var work = new HashSet<(string, Guid)>();
        var dashboard = new HashSet<(string, Guid)>();
        var notCounted = 0;
        var kindOf = new Dictionary<Guid, string>();
        foreach (var user in staff.Where(u => u.Roles.Count > 0))
        {
            var caller = new Caller(user.Id, user.UserName!, user.Roles.ToHashSet());
            foreach (var item in (await database.Send(new GetMyWork(), caller)).Where(i => i.Status == ClockStatus.Breached))
            {
                if (NotCounted.Contains(item.Kind)) notCounted++;
                else work.Add((user.Id, item.Id));
                kindOf[item.Id] = $"{item.Kind} due {item.DueAtUtc:u}";
            }
            var scope = new DashboardScope(null, user.Id);
            foreach (var clock in await AllAsync(database, reader, new GetDashboardDetails(scope, DashboardWindow.Today, DashboardDetail.OpenClocks,
                         Status: ClockStatus.Breached)))
                dashboard.Add((user.Id, await database.ReadAsync(db => db.ResponseClocks.Where(c => c.Id == clock.Id).Select(c => c.SubjectId).SingleAsync())));
            foreach (var action in await AllAsync(database, reader, new GetDashboardDetails(scope, DashboardWindow.Today, DashboardDetail.OverdueActions)))
                dashboard.Add((user.Id, action.Id));
        }
        var department = await database.Send(new GetDashboard(DashboardScope.Department, DashboardWindow.Today), reader);
        var now = database.Clock.UtcDateTime;
        var ownerless = await database.ReadAsync(db => db.ResponseClocks.CountAsync(c => c.OwnerUserId == null && c.State == ClockState.Running && c.DueAtUtc < now));
        return new Sides(work, dashboard, notCounted, department.BreachedNow, department.CorrectiveActionsOverdue, ownerless, kindOf);
    }

    private static async Task<List<DashboardDetailRow>> AllAsync(TestDatabase database, Caller reader, GetDashboardDetails query)
    {
        var rows = new List<DashboardDetailRow>();
        while (true)
        {
            var page = await database.Send(query with { Skip = rows.Count, Take = 200 }, reader);
            rows.AddRange(page.Items);
            if (page.Items.Count == 0 || rows.Count >= page.Total) return rows;
        }
    }
}
