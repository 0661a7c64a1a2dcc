using System.Collections.Concurrent;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Domain.Dashboard;

/// <summary>The head dashboard's figures for a scope and window (aggregates only: no client is named).</summary>
[AllowedRoles(Roles.Head, Roles.QualityOfficer)]
public sealed record GetDashboard(DashboardScope Scope, DashboardWindow Window) : IQuery<DashboardFigures>;

public sealed class GetDashboardValidator : AbstractValidator<GetDashboard>
{
    public GetDashboardValidator()
    {
        RuleFor(q => q.Scope).NotNull();
        RuleFor(q => q.Window).IsInEnum();
        RuleFor(q => q.Scope.OwnerUserId).MaximumLength(100).When(q => q.Scope is not null);
        RuleFor(q => q.Scope.OwnerUserId).SingleLine().When(q => q.Scope is not null);
    }
}

internal sealed class GetDashboardHandler(CaseDeskDb db, DashboardTallies tallies, DashboardFigureCache cache, IServiceScopeFactory scopes,
    TimeProvider clock) : IRequestHandler<GetDashboard, DashboardFigures>
{
    public async Task<DashboardFigures> Handle(GetDashboard request, CancellationToken ct)
    {
        await tallies.EnsureLoadedAsync(db, ct);
        return await cache.GetAsync(request.Scope, request.Window, tallies.Sequence, clock.GetUtcNow().UtcDateTime, ComputeAsync, ct);

        // Other dashboards may wait on this computation after this caller has gone and disposed its scope, so it reads through a scope of its own.
        async Task<DashboardFigures> ComputeAsync(CancellationToken shared)
        {
            await using var scope = scopes.CreateAsyncScope();
            var own = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
            return await DashboardFigureBuilder.BuildAsync(own, tallies, request.Scope, request.Window, clock, shared);
        }
    }
}

/// <summary>
/// Figures computed once per scope, window and change: many open dashboards asking after the same change
/// share one computation. Entries live until the next change or for <see cref="MaxAge"/>, because open
/// clocks turn at risk and breached, and complaints age, with time alone. A caller that gives up (a hub
/// client disconnecting mid-Watch) only stops waiting: the computation runs with the cache's own token, and
/// one that was cancelled or failed anyway is never handed to the next caller but computed again.
/// </summary>
public sealed class DashboardFigureCache : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(20);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<(string Scope, DashboardWindow Window), (long Sequence, DateTime At, Task<DashboardFigures> Figures)> entries = new();

    public Task<DashboardFigures> GetAsync(DashboardScope scope, DashboardWindow window, long sequence, DateTime nowUtc,
        Func<CancellationToken, Task<DashboardFigures>> compute, CancellationToken ct)
    {
        var key = (scope.ToString(), window);
        if (entries.TryGetValue(key, out var entry) && entry.Sequence == sequence && nowUtc - entry.At < MaxAge && Reusable(entry.Figures))
            return entry.Figures.WaitAsync(ct);
        // On the thread pool, so the shared computation does not continue on the first caller's circuit.
        var figures = Task.Run(() => compute(stopping.Token), stopping.Token);
        entries[key] = (sequence, nowUtc, figures);
        return figures.WaitAsync(ct);
    }

    private static bool Reusable(Task<DashboardFigures> figures) => figures.IsCompletedSuccessfully || !figures.IsCompleted;

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }
}

public static class DashboardFigureBuilder
{
    public static async Task<DashboardFigures> BuildAsync(CaseDeskDb db, DashboardTallies tallies, DashboardScope scope, DashboardWindow window,
        TimeProvider clock, CancellationToken ct)
    {
        var sequence = tallies.Sequence;
        var now = clock.GetUtcNow().UtcDateTime;
        var from = WindowStartUtc(tallies.Today(), window);
        var finished = tallies.Read(scope, window);

        var commitments = finished.ByCommitment.Where(c => c.Value.Met + c.Value.Missed > 0)
            .Select(c => new CommitmentFigure(c.Key, new MetShare(c.Value.Met, c.Value.Missed)))
            .OrderBy(c => RomanOrder(c.Commitment)).ToList();
        var touchpoints = finished.ByTouchpoint.Where(t => t.Value.Met + t.Value.Missed > 0)
            .Select(t => new TouchpointFigure(t.Key, new MetShare(t.Value.Met, t.Value.Missed)))
            .OrderBy(t => t.Touchpoint).ToList();
        var channels = DashboardChannels.ResponseTimes.Select(kind => Channel(finished, kind)).ToList();
        var punctuality = Channel(finished, ClockKind.VisitArrival);

        var open = await OpenClocksAsync(db, scope, now, ct);
        var (byStage, byAge) = await OpenComplaintsAsync(db, scope, now, ct);
        var overdue = await OverdueActions(db, scope, now).CountAsync(ct);

        return new DashboardFigures(scope, window, from, now, sequence, commitments, touchpoints, channels, punctuality, open, byStage, byAge, overdue);
    }

    public static DateTime WindowStartUtc(DateOnly today, DashboardWindow window) =>
        VilniusTime.ToUtc(today.AddDays(-(DashboardTallies.DaysIn(window) - 1)).ToDateTime(TimeOnly.MinValue));

    private static ChannelFigure Channel(WindowTally finished, ClockKind kind)
    {
        if (!finished.ByKind.TryGetValue(kind, out var tally))
            return new ChannelFigure(kind, new MetShare(0, 0), null, null);
        return new ChannelFigure(kind, new MetShare(tally.Met, tally.Missed),
            DurationBuckets.Percentile(tally.Buckets, 0.5), DurationBuckets.Percentile(tally.Buckets, 0.9));
    }

    internal static int RomanOrder(string commitment) => commitment switch
    {
        "I" => 1, "II" => 2, "III" => 3, "IV" => 4, "V" => 5, "VI" => 6, "VII" => 7, "VIII" => 8, "IX" => 9, "X" => 10, "XI" => 11, _ => 99,
    };

    /// <summary>Open clocks of the scope: read through the partial index of open clocks, so the count of finished ones does not matter.</summary>
    public static IQueryable<ResponseClock> OpenClocks(CaseDeskDb db, DashboardScope scope)
    {
        var open = db.ResponseClocks.AsNoTracking().Where(c => c.State == ClockState.Running || c.State == ClockState.Paused);
        if (scope.OwnerUserId is { } owner) open = open.Where(c => c.OwnerUserId == owner);
        if (scope.UnitId is { } unit) open = open.Where(c => c.UnitId == unit);
        return open;
    }

    private static async Task<IReadOnlyList<OpenClockFigure>> OpenClocksAsync(CaseDeskDb db, DashboardScope scope, DateTime now, CancellationToken ct)
    {
        var rows = await OpenClocks(db, scope).Select(c => new { c.Kind, c.State, c.DueAtUtc, c.AtRiskAtUtc }).ToListAsync(ct);
        return rows.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g =>
        {
            var statuses = g.Select(r => r.State == ClockState.Paused ? ClockStatus.Paused : ResponseClock.StatusOfRunning(now, r.DueAtUtc, r.AtRiskAtUtc)).ToList();
            return new OpenClockFigure(g.Key, statuses.Count(s => s == ClockStatus.OnTrack), statuses.Count(s => s == ClockStatus.AtRisk),
                statuses.Count(s => s == ClockStatus.Breached), statuses.Count(s => s == ClockStatus.Paused));
        }).ToList();
    }

    /// <summary>Open complaints of the scope: a unit's are those tagged with it; a caseworker's those about their cases.</summary>
    public static IQueryable<Complaint> OpenComplaints(CaseDeskDb db, DashboardScope scope)
    {
        var open = db.Complaints.AsNoTracking().Where(c => c.Kind == FeedbackKind.Complaint && c.Stage < ComplaintStage.Closed);
        if (scope.UnitId is { } unit)
        {
            var value = unit.ToString();
            open = open.Where(c => db.ComplaintTags.Any(t => t.ComplaintId == c.Id && t.Kind == TagKind.Unit && t.Value == value));
        }
        if (scope.OwnerUserId is { } owner)
            open = open.Where(c => db.Cases.Any(k => k.Id == c.CaseId && k.AssignedToUserId == owner));
        return open;
    }

    public static ComplaintAgeBand AgeBand(DateTime registeredAtUtc, DateTime nowUtc) => (nowUtc - registeredAtUtc).TotalDays switch
    {
        <= 7 => ComplaintAgeBand.UpToAWeek,
        <= 28 => ComplaintAgeBand.UpToFourWeeks,
        _ => ComplaintAgeBand.OverFourWeeks,
    };

    private static async Task<(IReadOnlyList<StageFigure>, IReadOnlyList<AgeFigure>)> OpenComplaintsAsync(CaseDeskDb db, DashboardScope scope,
        DateTime now, CancellationToken ct)
    {
        var rows = await OpenComplaints(db, scope).Select(c => new { c.Stage, c.RegisteredAtUtc }).ToListAsync(ct);
        var byStage = rows.GroupBy(r => r.Stage).OrderBy(g => g.Key).Select(g => new StageFigure(g.Key, g.Count())).ToList();
        var byAge = Enum.GetValues<ComplaintAgeBand>()
            .Select(band => new AgeFigure(band, rows.Count(r => AgeBand(r.RegisteredAtUtc, now) == band))).ToList();
        return (byStage, byAge);
    }

    /// <summary>
    /// Corrective actions past their deadline that their owner has neither reported done nor seen verified done: the same
    /// rule as "My work" (<see cref="Work.Overdue"/>). One reported done and waiting for verification is the officer's desk.
    /// </summary>
    public static IQueryable<CorrectiveAction> OverdueActions(CaseDeskDb db, DashboardScope scope, DateTime now)
    {
        var overdue = db.CorrectiveActions.AsNoTracking().Where(Work.Overdue.ActionOpenForOwner).Where(a => a.DeadlineUtc < now);
        if (scope.OwnerUserId is { } owner) overdue = overdue.Where(a => a.OwnerUserId == owner);
        if (scope.UnitId is { } unit) overdue = overdue.Where(a => db.Users.Any(u => u.Id == a.OwnerUserId && u.UnitId == unit));
        return overdue;
    }
}
