using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CaseDesk.Domain.Dashboard;

/// <summary>What a finished clock adds to the figures: the dimensions it is counted under and its result.</summary>
public sealed record FinishedClock(ClockKind Kind, string Commitment, int? Touchpoint, Guid? UnitId, string? OwnerUserId,
    DateTime StoppedAtUtc, double ActualMinutes, bool Met)
{
    public static FinishedClock? From(ResponseClock clock) =>
        clock.State is ClockState.Met or ClockState.Missed && clock.StoppedAtUtc is { } stopped
            ? new(clock.Kind, clock.Commitment, clock.Touchpoint, clock.UnitId, clock.OwnerUserId, stopped, clock.ActualMinutes ?? 0, clock.State == ClockState.Met)
            : null;

    internal static FinishedClock? From(PropertyValues values) =>
        values.GetValue<ClockState>(nameof(ResponseClock.State)) is var state && state is ClockState.Met or ClockState.Missed
        && values.GetValue<DateTime?>(nameof(ResponseClock.StoppedAtUtc)) is { } stopped
            ? new(values.GetValue<ClockKind>(nameof(ResponseClock.Kind)), values.GetValue<string>(nameof(ResponseClock.Commitment)),
                values.GetValue<int?>(nameof(ResponseClock.Touchpoint)), values.GetValue<Guid?>(nameof(ResponseClock.UnitId)),
                values.GetValue<string?>(nameof(ResponseClock.OwnerUserId)), stopped,
                values.GetValue<double?>(nameof(ResponseClock.ActualMinutes)) ?? 0, state == ClockState.Met)
            : null;
}

/// <summary>
/// What one transaction changed that the dashboard figures depend on: finished clocks to add or take
/// away (a clock stopped, reopened, or changed after it finished), and whether open clocks, complaints
/// or corrective actions moved at all. Collected from the change tracker while the command saves.
/// </summary>
public sealed class DashboardChangeSet
{
    private readonly List<(FinishedClock Clock, int Sign)> deltas = [];

    public IReadOnlyList<(FinishedClock Clock, int Sign)> Deltas => deltas;

    /// <summary>True when anything on the dashboard may have moved.</summary>
    public bool Touched { get; private set; }

    public void Collect(EntityEntry entry)
    {
        switch (entry.Entity)
        {
            case ResponseClock:
                Touched = true;
                var before = entry.State is EntityState.Modified or EntityState.Deleted ? FinishedClock.From(entry.OriginalValues) : null;
                var after = entry.State is EntityState.Added or EntityState.Modified ? FinishedClock.From(entry.CurrentValues) : null;
                if (before == after) return;
                if (before is not null) deltas.Add((before, -1));
                if (after is not null) deltas.Add((after, +1));
                break;
            case Complaint or ComplaintTag or CorrectiveAction:
                Touched = true;
                break;
        }
    }
}

/// <summary>
/// The finished-clock figures, kept incrementally in memory per scope (department, unit, owner) and
/// Vilnius day for the last <see cref="DaysKept"/> days. A commit adds or removes only the clocks it
/// changed (<see cref="DashboardChangeSet"/>), so its cost does not depend on how many contacts or
/// clocks exist; reading a window sums at most 30 day tallies of fixed size. Loaded once from the
/// clocks stopped in the kept days (an indexed range read). Commits that change clocks are applied in
/// commit order: <see cref="CommitAsync"/> holds one gate around the commit and the apply, and the load
/// runs under the same gate, so no commit is counted twice or missed. With several app nodes
/// (<see cref="ShareAcrossNodes"/>, docs/decisions/0011) each node also applies the others' published changes
/// under the same gate, and a load reads, in one snapshot, how many changes of each node it already holds.
/// </summary>
public sealed class DashboardTallies(TimeProvider clock)
{
    public const int DaysKept = 31;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lock sync = new();
    private readonly Dictionary<(string Scope, DateOnly Day), DayTally> days = [];
    private readonly Dictionary<string, long> applied = new(StringComparer.Ordinal);
    private volatile bool loaded;
    private long sequence;
    private long nodeSequence;
    private DateTime lastCommitUtc;
    private IDashboardShare? share;

    /// <summary>
    /// From now on this node's finished-clock changes are counted in the database (<see cref="DashboardNodeMark"/>, in the
    /// committing transaction) and handed to <paramref name="nodes"/> to publish, and loads take a snapshot. Call before the first load.
    /// </summary>
    public void ShareAcrossNodes(IDashboardShare nodes) => share = nodes;

    /// <summary>Raised after a commit that moved something on the dashboard (outside the gate). The argument is the new sequence number.</summary>
    public event Action<DashboardPulse>? Changed;

    public long Sequence => Interlocked.Read(ref sequence);

    /// <summary>How many finished-clock changes this node has committed since it started sharing (<see cref="DashboardNodeMark"/>).</summary>
    public long CountedChanges => Interlocked.Read(ref nodeSequence);

    public bool IsLoaded => loaded;

    /// <summary>Commits the transaction and applies its clock changes in commit order, then tells the listeners.</summary>
    public async Task CommitAsync(CaseDeskDb db, Func<Task> commit, DashboardChangeSet changes, CancellationToken ct)
    {
        if (!changes.Touched)
        {
            await commit();
            return;
        }
        DashboardPulse pulse;
        await gate.WaitAsync(ct);
        try
        {
            var counted = nodeSequence;
            if (share is not null && changes.Deltas.Count > 0)
                await share.CountAsync(db, counted + 1, ct);
            await commit();
            if (share is not null && changes.Deltas.Count > 0)
                nodeSequence = ++counted;
            var committedAt = clock.GetUtcNow().UtcDateTime;
            if (loaded)
                lock (sync)
                    foreach (var (finished, sign) in changes.Deltas)
                        Add(finished, sign);
            pulse = new DashboardPulse(Interlocked.Increment(ref sequence), committedAt);
            lastCommitUtc = committedAt;
            // Inside the gate, so the nodes receive this node's changes in the order of their numbers.
            share?.Publish(new DashboardNodeChange(share.Node, counted, committedAt, changes.Deltas.Select(d => new ClockDelta(d.Clock, d.Sign)).ToList()));
        }
        finally
        {
            gate.Release();
        }
        Changed?.Invoke(pulse);
    }

    /// <summary>
    /// Applies another node's published change. A change the last load already held (its number is not above what the load
    /// read for that node) is skipped; one that follows the last applied is added; a gap (a change lost on the way, e.g.
    /// while Redis restarted) answers false: the caller reloads. Listeners are told either way (open clocks and
    /// complaints are read from the database on every computation).
    /// </summary>
    public async Task<bool> ApplyFromNodeAsync(DashboardNodeChange change, CancellationToken ct)
    {
        var whole = true;
        DashboardPulse pulse;
        await gate.WaitAsync(ct);
        try
        {
            // Not loaded yet: the load to come reads everything committed before it.
            if (loaded)
            {
                var known = applied.GetValueOrDefault(change.Node);
                if (change.Sequence == known + 1 && change.Deltas.Count > 0)
                {
                    lock (sync)
                        foreach (var delta in change.Deltas)
                            Add(delta.Clock, delta.Sign);
                    applied[change.Node] = change.Sequence;
                }
                else if (change.Sequence > known)
                    whole = false;
            }
            pulse = new DashboardPulse(Interlocked.Increment(ref sequence), change.CommittedAtUtc);
            if (change.CommittedAtUtc > lastCommitUtc)
                lastCommitUtc = change.CommittedAtUtc;
        }
        finally
        {
            gate.Release();
        }
        Changed?.Invoke(pulse);
        return whole;
    }

    /// <summary>Reads the tallies again from the database (after a lost change or a Redis restart), then tells the listeners.</summary>
    public async Task ReloadAsync(CaseDeskDb db, CancellationToken ct)
    {
        DashboardPulse pulse;
        await gate.WaitAsync(ct);
        try
        {
            await LoadAsync(db, ct);
            pulse = new DashboardPulse(Interlocked.Increment(ref sequence), clock.GetUtcNow().UtcDateTime);
        }
        finally
        {
            gate.Release();
        }
        Changed?.Invoke(pulse);
    }

    /// <summary>Tells the listeners without a commit (e.g. once a minute, as open clocks turn at risk or breached with time).</summary>
    public void Tick() => Changed?.Invoke(new DashboardPulse(Interlocked.Increment(ref sequence), clock.GetUtcNow().UtcDateTime));

    public DateTime LastCommitUtc => lastCommitUtc;

    /// <summary>Reads the clocks stopped in the kept days, once. Later calls return at once.</summary>
    public async Task EnsureLoadedAsync(CaseDeskDb db, CancellationToken ct)
    {
        if (loaded) return;
        await gate.WaitAsync(ct);
        try
        {
            if (loaded) return;
            await LoadAsync(db, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Under the gate. Shared across nodes, the clocks and the nodes' marks are read in one snapshot.</summary>
    private async Task LoadAsync(CaseDeskDb db, CancellationToken ct)
    {
        var since = VilniusTime.ToUtc(Today().AddDays(-(DaysKept - 1)).ToDateTime(TimeOnly.MinValue));
        var finished = new List<FinishedClock>();
        await using var snapshot = share is not null && db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(SnapshotLevel(db), ct)
            : null;
        var marks = share is null
            ? []
            : await db.DashboardNodeMarks.AsNoTracking().Select(m => new { m.Node, m.Sequence }).ToDictionaryAsync(m => m.Node, m => m.Sequence, ct);
        foreach (var kind in Enum.GetValues<ClockKind>())
        {
            // One indexed range per kind (IX_ResponseClocks_Kind_Stopped).
            finished.AddRange(await db.ResponseClocks.AsNoTracking()
                .Where(c => c.Kind == kind && c.StoppedAtUtc >= since && (c.State == ClockState.Met || c.State == ClockState.Missed))
                .Select(c => new FinishedClock(c.Kind, c.Commitment, c.Touchpoint, c.UnitId, c.OwnerUserId, c.StoppedAtUtc!.Value,
                    c.ActualMinutes ?? 0, c.State == ClockState.Met))
                .ToListAsync(ct));
        }
        if (snapshot is not null)
            await snapshot.CommitAsync(ct);
        lock (sync)
        {
            days.Clear();
            droppedBefore = default;
            foreach (var f in finished)
                Add(f, +1);
        }
        applied.Clear();
        foreach (var (node, counted) in marks)
            applied[node] = counted;
        loaded = true;
    }

    /// <summary>
    /// A read transaction that sees one snapshot. PostgreSQL: repeatable read. SQLite (WAL): a deferred transaction (plain
    /// BEGIN, whose first read fixes the snapshot), which Microsoft.Data.Sqlite begins for ReadUncommitted (serializable
    /// without a shared cache); every other level begins as a writer (BEGIN IMMEDIATE), which would wait here, under the
    /// gate, for a commit of this node that waits for the gate.
    /// </summary>
    private static System.Data.IsolationLevel SnapshotLevel(CaseDeskDb db) =>
        db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite" ? System.Data.IsolationLevel.ReadUncommitted : System.Data.IsolationLevel.RepeatableRead;

    /// <summary>The finished-clock figures of a scope over the window ending today.</summary>
    public WindowTally Read(DashboardScope scope, DashboardWindow window)
    {
        var today = Today();
        var from = today.AddDays(-(DaysIn(window) - 1));
        var key = scope.ToString();
        var total = new WindowTally();
        lock (sync)
        {
            DropOldDays(today);
            for (var day = from; day <= today; day = day.AddDays(1))
                if (days.TryGetValue((key, day), out var tally))
                    total.Add(tally);
        }
        return total;
    }

    public DateOnly Today() => DateOnly.FromDateTime(VilniusTime.Now(clock));

    public static int DaysIn(DashboardWindow window) => window switch
    {
        DashboardWindow.Today => 1,
        DashboardWindow.Last7Days => 7,
        _ => 30,
    };

    private void Add(FinishedClock clock, int sign)
    {
        var day = DateOnly.FromDateTime(VilniusTime.ToLocal(clock.StoppedAtUtc));
        if (day < Today().AddDays(-(DaysKept - 1))) return;
        Tally(DashboardScope.Department.ToString(), day).Add(clock, sign);
        if (clock.UnitId is { } unit) Tally(new DashboardScope(unit).ToString(), day).Add(clock, sign);
        if (clock.OwnerUserId is { } owner) Tally(new DashboardScope(null, owner).ToString(), day).Add(clock, sign);
    }

    private DayTally Tally(string scope, DateOnly day)
    {
        if (!days.TryGetValue((scope, day), out var tally))
            days[(scope, day)] = tally = new DayTally();
        return tally;
    }

    private DateOnly droppedBefore;

    private void DropOldDays(DateOnly today)
    {
        var oldest = today.AddDays(-(DaysKept - 1));
        if (oldest <= droppedBefore) return;
        foreach (var key in days.Keys.Where(k => k.Day < oldest).ToList())
            days.Remove(key);
        droppedBefore = oldest;
    }
}

/// <summary>
/// The other app nodes, for <see cref="DashboardTallies.ShareAcrossNodes"/>: <see cref="CountAsync"/> records this node's
/// count of finished-clock changes in the committing transaction; <see cref="Publish"/> hands a committed change over
/// to be sent (it must not block: it runs under the tallies' gate).
/// </summary>
public interface IDashboardShare
{
    string Node { get; }

    Task CountAsync(CaseDeskDb db, long sequence, CancellationToken ct);

    void Publish(DashboardNodeChange change);
}

/// <summary>
/// One committed change of one node, as the others receive it. <see cref="Sequence"/> counts the node's changes that
/// moved finished clocks (a change with no deltas carries the count reached, so a receiver can tell it missed one).
/// </summary>
public sealed record DashboardNodeChange(string Node, long Sequence, DateTime CommittedAtUtc, IReadOnlyList<ClockDelta> Deltas);

public sealed record ClockDelta(FinishedClock Clock, int Sign);

/// <summary>Sent to listeners after a change: the sequence number the figures have reached and when the change was committed.</summary>
public sealed record DashboardPulse(long Sequence, DateTime CommittedAtUtc);

/// <summary>The tally of one kind of clock: met, missed and the response-time buckets.</summary>
public sealed class KindTally
{
    public int Met;
    public int Missed;
    public readonly int[] Buckets = new int[DurationBuckets.Count];

    public void Add(KindTally other)
    {
        Met += other.Met;
        Missed += other.Missed;
        for (var i = 0; i < Buckets.Length; i++) Buckets[i] += other.Buckets[i];
    }
}

/// <summary>One scope's finished clocks on one day, or summed over a window.</summary>
public class DayTally
{
    public Dictionary<string, (int Met, int Missed)> ByCommitment { get; } = new(StringComparer.Ordinal);
    public Dictionary<int, (int Met, int Missed)> ByTouchpoint { get; } = [];
    public Dictionary<ClockKind, KindTally> ByKind { get; } = [];

    public void Add(FinishedClock clock, int sign)
    {
        var (met, missed) = clock.Met ? (sign, 0) : (0, sign);
        ByCommitment[clock.Commitment] = Plus(ByCommitment.GetValueOrDefault(clock.Commitment), met, missed);
        if (clock.Touchpoint is { } touchpoint)
            ByTouchpoint[touchpoint] = Plus(ByTouchpoint.GetValueOrDefault(touchpoint), met, missed);
        if (!ByKind.TryGetValue(clock.Kind, out var kind))
            ByKind[clock.Kind] = kind = new KindTally();
        kind.Met += met;
        kind.Missed += missed;
        kind.Buckets[DurationBuckets.Of(clock.ActualMinutes)] += sign;
    }

    private static (int, int) Plus((int Met, int Missed) a, int met, int missed) => (a.Met + met, a.Missed + missed);
}

/// <summary>Day tallies summed over a window.</summary>
public sealed class WindowTally : DayTally
{
    public void Add(DayTally day)
    {
        foreach (var (key, value) in day.ByCommitment)
        {
            var current = ByCommitment.GetValueOrDefault(key);
            ByCommitment[key] = (current.Met + value.Met, current.Missed + value.Missed);
        }
        foreach (var (key, value) in day.ByTouchpoint)
        {
            var current = ByTouchpoint.GetValueOrDefault(key);
            ByTouchpoint[key] = (current.Met + value.Met, current.Missed + value.Missed);
        }
        foreach (var (key, value) in day.ByKind)
        {
            if (!ByKind.TryGetValue(key, out var kind))
                ByKind[key] = kind = new KindTally();
            kind.Add(value);
        }
    }
}
