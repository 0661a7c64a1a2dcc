using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Dashboard;
using CaseDesk.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Dashboard;

/// <summary>
/// The dashboard figures recomputed the slow, obvious way: every clock, complaint and action read from the
/// database and counted in memory. The incremental figures must always equal these.
/// </summary>
internal static class DashboardRecomputation
{
    public static async Task<DashboardFigures> ComputeAsync(CaseDeskDb db, DashboardScope scope, DashboardWindow window, DateTime nowUtc, long sequence)
    {
        var today = DateOnly.FromDateTime(VilniusTime.ToLocal(nowUtc));
        var from = VilniusTime.ToUtc(today.AddDays(-(window switch { DashboardWindow.Today => 0, DashboardWindow.Last7Days => 6, _ => 29 }))
            .ToDateTime(TimeOnly.MinValue));
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.UnitId);
        var clocks = (await db.ResponseClocks.AsNoTracking().ToListAsync())
            .Where(c => (scope.OwnerUserId is null || c.OwnerUserId == scope.OwnerUserId) && (scope.UnitId is null || c.UnitId == scope.UnitId))
            .ToList();
        var finished = clocks.Where(c => c.State is ClockState.Met or ClockState.Missed && c.StoppedAtUtc >= from).ToList();

        static MetShare Share(IEnumerable<ResponseClock> some) =>
            some.ToList() is var list ? new MetShare(list.Count(c => c.State == ClockState.Met), list.Count(c => c.State == ClockState.Missed)) : null!;

        ChannelFigure Channel(ClockKind kind)
        {
            var ofKind = finished.Where(c => c.Kind == kind).ToList();
            var sorted = ofKind.Select(c => c.ActualMinutes ?? 0).Order().ToList();
            double? Percentile(double p) => sorted.Count == 0 ? null
                : DurationBuckets.UpperEdge(DurationBuckets.Of(sorted[(int)Math.Ceiling(p * sorted.Count) - 1]));
            return new ChannelFigure(kind, Share(ofKind), Percentile(0.5), Percentile(0.9));
        }

        var open = clocks.Where(c => c.IsOpen).GroupBy(c => c.Kind).OrderBy(g => g.Key)
            .Select(g => new OpenClockFigure(g.Key,
                g.Count(c => c.StatusAt(nowUtc) == ClockStatus.OnTrack), g.Count(c => c.StatusAt(nowUtc) == ClockStatus.AtRisk),
                g.Count(c => c.StatusAt(nowUtc) == ClockStatus.Breached), g.Count(c => c.StatusAt(nowUtc) == ClockStatus.Paused)))
            .ToList();

        var cases = await db.Cases.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.AssignedToUserId);
        var complaints = (await db.Complaints.AsNoTracking().Include(c => c.Tags).ToListAsync())
            .Where(c => c.Kind == FeedbackKind.Complaint && c.Stage != ComplaintStage.Closed)
            .Where(c => scope.UnitId is not { } unit || c.Tags.Any(t => t.Kind == TagKind.Unit && t.Value == unit.ToString()))
            .Where(c => scope.OwnerUserId is not { } owner || (c.CaseId is { } caseId && cases[caseId] == owner))
            .ToList();
        var overdue = (await db.CorrectiveActions.AsNoTracking().ToListAsync())
            .Count(a => a.ReportedDoneAtUtc is null && a.Result != VerificationResult.Done && a.DeadlineUtc < nowUtc
                && (scope.OwnerUserId is null || a.OwnerUserId == scope.OwnerUserId)
                && (scope.UnitId is null || users.GetValueOrDefault(a.OwnerUserId) == scope.UnitId));

        return new DashboardFigures(scope, window, from, nowUtc, sequence,
            finished.GroupBy(c => c.Commitment).Select(g => new CommitmentFigure(g.Key, Share(g))).OrderBy(c => c.Commitment.Length).ThenBy(c => c.Commitment).ToList(),
            finished.Where(c => c.Touchpoint is not null).GroupBy(c => c.Touchpoint!.Value).Select(g => new TouchpointFigure(g.Key, Share(g))).OrderBy(t => t.Touchpoint).ToList(),
            DashboardChannels.ResponseTimes.Select(Channel).ToList(),
            Channel(ClockKind.VisitArrival),
            open,
            complaints.GroupBy(c => c.Stage).OrderBy(g => g.Key).Select(g => new StageFigure(g.Key, g.Count())).ToList(),
            Enum.GetValues<ComplaintAgeBand>().Select(b => new AgeFigure(b, complaints.Count(c => DashboardFigureBuilder.AgeBand(c.RegisteredAtUtc, nowUtc) == b))).ToList(),
            overdue);
    }

    /// <summary>The figures as comparable text (records holding lists compare by reference).</summary>
    public static string Describe(DashboardFigures f) => string.Join("\n",
    [
        $"from {f.FromUtc:O}",
        "commitments " + string.Join(" ", f.Commitments.OrderBy(c => c.Commitment, StringComparer.Ordinal).Select(c => $"{c.Commitment}:{c.Clocks.Met}/{c.Clocks.Missed}")),
        "touchpoints " + string.Join(" ", f.Touchpoints.Select(t => $"{t.Touchpoint}:{t.Clocks.Met}/{t.Clocks.Missed}")),
        "channels " + string.Join(" ", f.Channels.Select(Channel)),
        "punctuality " + Channel(f.Punctuality),
        "open " + string.Join(" ", f.OpenClocks.Select(o => $"{o.Kind}:{o.OnTrack}/{o.AtRisk}/{o.Breached}/{o.Paused}")),
        "stages " + string.Join(" ", f.OpenComplaintsByStage.Select(s => $"{s.Stage}:{s.Count}")),
        "ages " + string.Join(" ", f.OpenComplaintsByAge.Select(a => $"{a.Band}:{a.Count}")),
        $"overdue {f.CorrectiveActionsOverdue}",
    ]);

    private static string Channel(ChannelFigure c) => $"{c.Kind}:{c.Clocks.Met}/{c.Clocks.Missed}/{c.MedianMinutes}/{c.P90Minutes}";
}
