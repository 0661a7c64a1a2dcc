using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Data;

/// <summary>
/// The conditional updates behind <see cref="Lease"/>: each is one UPDATE whose WHERE decides, so when several
/// nodes race for the same lease the database lets exactly one of them change the row (EF Core
/// <c>ExecuteUpdate</c>, no provider-specific SQL). Times are the caller's clock (<see cref="TimeProvider"/>).
/// </summary>
public static class Leases
{
    /// <summary>Takes the work of the current period: only when its run is due and no live holder has it.</summary>
    public static async Task<bool> TryClaimDueAsync(CaseDeskDb db, string name, string holder, DateTime nowUtc, TimeSpan leaseTime, CancellationToken ct)
    {
        await EnsureAsync(db, name, nowUtc, ct);
        var until = nowUtc + leaseTime;
        return await db.Leases
            .Where(l => l.Name == name && l.DueAtUtc <= nowUtc && (l.Holder == null || l.ExpiresAtUtc <= nowUtc))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAtUtc, until), ct) == 1;
    }

    /// <summary>Takes the lease whenever no live holder has it, whatever is due (one-off work such as start-up seeding).</summary>
    public static async Task<bool> TryClaimAsync(CaseDeskDb db, string name, string holder, DateTime nowUtc, TimeSpan leaseTime, CancellationToken ct)
    {
        await EnsureAsync(db, name, nowUtc, ct);
        var until = nowUtc + leaseTime;
        return await db.Leases
            .Where(l => l.Name == name && (l.Holder == null || l.ExpiresAtUtc <= nowUtc))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAtUtc, until), ct) == 1;
    }

    /// <summary>Keeps the lease while working; false when it was lost (it expired and another node took it).</summary>
    public static async Task<bool> RenewAsync(CaseDeskDb db, string name, string holder, DateTime nowUtc, TimeSpan leaseTime, CancellationToken ct)
    {
        var until = nowUtc + leaseTime;
        return await db.Leases
            .Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAtUtc, until), ct) == 1;
    }

    /// <summary>Gives the lease back; <paramref name="nextDueAtUtc"/> (when given) is when the next period's run is due.</summary>
    public static async Task<bool> ReleaseAsync(CaseDeskDb db, string name, string holder, DateTime nowUtc, DateTime? nextDueAtUtc, CancellationToken ct)
    {
        var query = db.Leases.Where(l => l.Name == name && l.Holder == holder);
        return nextDueAtUtc is { } next
            ? await query.ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.ExpiresAtUtc, nowUtc)
                .SetProperty(l => l.DueAtUtc, next), ct) == 1
            : await query.ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.ExpiresAtUtc, nowUtc), ct) == 1;
    }

    /// <summary>The start of the period after the one <paramref name="nowUtc"/> falls in (periods counted from 0001-01-01 UTC).</summary>
    public static DateTime NextPeriodStart(DateTime nowUtc, TimeSpan period) =>
        new((nowUtc.Ticks / period.Ticks + 1) * period.Ticks, DateTimeKind.Utc);

    /// <summary>The first node to need a lease makes its row, due at once; a node that loses that insert race uses the winner's row.</summary>
    private static async Task EnsureAsync(CaseDeskDb db, string name, DateTime nowUtc, CancellationToken ct)
    {
        if (await db.Leases.AnyAsync(l => l.Name == name, ct))
            return;
        db.Leases.Add(new Lease(name, nowUtc));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.Leases.AnyAsync(l => l.Name == name, ct))
                throw;
            // Another node inserted it first.
        }
        db.ChangeTracker.Clear();
    }
}
