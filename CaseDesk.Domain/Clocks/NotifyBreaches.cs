using CaseDesk.Domain.Common;
using CaseDesk.Domain.Common.Pipeline;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Clocks;

/// <summary>
/// The breach sweep (run every minute by the app, as the system): every running clock past its due
/// time that has not been reported yet produces one notification to each head of the owner's unit
/// (every head when the unit has none), then is marked reported, so a breach is told once, never again.
/// Locked-out heads are left out: a unit whose only head is locked out is treated as having none.
/// </summary>
[AllowedRoles(Roles.Head, Roles.Admin)]
public sealed record NotifyBreaches : ICommand<int>;

internal sealed class NotifyBreachesHandler(CaseDeskDb db, TimeProvider clock) : IRequestHandler<NotifyBreaches, int>
{
    private const int Batch = 200;

    public async Task<int> Handle(NotifyBreaches request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Matches IX_ResponseClocks_BreachSweep: only unreported running clocks past due are read.
        var breached = await db.ResponseClocks
            .Where(c => c.State == ClockState.Running && c.BreachNotifiedAtUtc == null && c.DueAtUtc < now)
            .OrderBy(c => c.DueAtUtc).Take(Batch).ToListAsync(ct);
        if (breached.Count == 0) return 0;

        var heads = await db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.Head), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId)
            .Join(db.Users, id => id, u => u.Id, (id, u) => new { u.Id, u.UnitId, u.LockoutEnd }).ToListAsync(ct);
        // A locked-out head cannot read the notice; the unit's breach then goes to the heads who can (SQLite cannot compare the offset, so in memory).
        heads = heads.Where(h => h.LockoutEnd is null || h.LockoutEnd.Value.UtcDateTime <= now).ToList();
        var ownerNames = await db.Users.Where(u => breached.Select(c => c.OwnerUserId).Contains(u.Id))
            .Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

        foreach (var c in breached)
        {
            var unitHeads = heads.Where(h => h.UnitId == c.UnitId && c.UnitId != null).Select(h => h.Id).ToList();
            var recipients = unitHeads.Count > 0 ? unitHeads : heads.Select(h => h.Id).ToList();
            var owner = c.OwnerUserId is not null && ownerNames.TryGetValue(c.OwnerUserId, out var name) ? name : T("no one (unassigned)");
            foreach (var head in recipients.Distinct())
            {
                db.Notifications.Add(new Notification
                {
                    Id = Guid.CreateVersion7(), UserId = head, CreatedAtUtc = now, ClockId = c.Id,
                    Text = T("Commitment breached: {0} ({1}), due {2}, owner {3}.", KindName(c.Kind), c.Commitment,
                        VilniusTime.ToLocal(c.DueAtUtc).ToString("yyyy-MM-dd HH:mm"), owner),
                    Link = c.CaseId is { } caseId ? $"cases/{caseId}" : c.ClientId is { } clientId ? $"clients/{clientId}" : null,
                });
            }
            c.MarkBreachNotified(now);
        }
        await db.SaveChangesAsync(ct);
        return breached.Count;
    }

    public static string KindName(ClockKind kind) => kind switch
    {
        ClockKind.CallBack => T("call-back"),
        ClockKind.EmailReply => T("e-mail reply"),
        ClockKind.InformationLetter => T("information letter"),
        ClockKind.VisitAgreed => T("home visit time agreed"),
        ClockKind.VisitArrival => T("arrival at the agreed time"),
        ClockKind.ComplaintAcknowledged => T("complaint acknowledged"),
        ClockKind.ComplaintResolved => T("complaint resolved"),
        ClockKind.Promise => T("promise kept"),
        _ => T("client told of a reschedule"),
    };
}

/// <summary>The signed-in user's unread notifications, newest first.</summary>
[AnyStaff]
public sealed record GetMyNotifications : IQuery<IReadOnlyList<NotificationRow>>;

public sealed record NotificationRow(Guid Id, DateTime CreatedAtUtc, string Text, string? Link);

internal sealed class GetMyNotificationsHandler(CaseDeskDb db, CallerContext callers) : IRequestHandler<GetMyNotifications, IReadOnlyList<NotificationRow>>
{
    public async Task<IReadOnlyList<NotificationRow>> Handle(GetMyNotifications request, CancellationToken ct)
    {
        var me = callers.Caller.UserId;
        var rows = await db.Notifications.AsNoTracking().Where(n => n.UserId == me && n.ReadAtUtc == null)
            .OrderByDescending(n => n.CreatedAtUtc).Take(100)
            .Select(n => new NotificationRow(n.Id, n.CreatedAtUtc, n.Text, n.Link)).ToListAsync(ct);
        // A notice quotes the record it links to: shown only to a reader who may open that record now (a role taken away,
        // or a legacy owner who never might, sees nothing of it).
        return rows.Where(n => n.Link is null || ReadOf(n.Link) is { } read && RequestPolicy.Check(read, callers.Caller) is null).ToList();
    }

    /// <summary>The request that reads what a notification links to; null for a link of a kind not listed here, which is then not shown (fail closed).</summary>
    internal static Type? ReadOf(string link) => link.Split('/')[0] switch
    {
        "complaints" => link.Contains('/') ? typeof(Complaints.GetComplaint) : typeof(Complaints.ListComplaints),
        "cases" => typeof(Cases.GetCase),
        "clients" => typeof(Clients.GetClient),
        _ => null,
    };
}

[AnyStaff]
public sealed record MarkNotificationRead(Guid Id) : ICommand<MediatR.Unit>;

internal sealed class MarkNotificationReadHandler(CaseDeskDb db, CallerContext callers, TimeProvider clock) : IRequestHandler<MarkNotificationRead, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(MarkNotificationRead request, CancellationToken ct)
    {
        var note = await db.Notifications.SingleOrDefaultAsync(n => n.Id == request.Id && n.UserId == callers.Caller.UserId, ct)
            ?? throw new NotFoundException("Notification", request.Id);
        note.ReadAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return MediatR.Unit.Value;
    }
}
