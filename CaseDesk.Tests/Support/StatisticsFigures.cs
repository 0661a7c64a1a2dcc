using System.Globalization;
using System.Text.Json;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Dashboard;
using CaseDesk.Tests.UseCases.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.Support;

/// <summary>
/// The figures the live dashboards show, computed from what is stored (ResponseClocks and Complaints), as
/// name → value, so two moments (e.g. before and after an erasure) compare with one Assert.Equal, including the
/// dashboard's own figures (GetDashboard) for the department over each window.
/// </summary>
public static class StatisticsFigures
{
    /// <param name="withDashboard">
    /// The dashboard's figures are of "now" (windows ending today, open clocks at risk or breached now), so they compare only
    /// between two moments at the same time: false for comparisons across a jump of the clock.
    /// </param>
    public static async Task<SortedDictionary<string, string>> ComputeAsync(TestDatabase database, Caller analyst, bool withDashboard = true)
    {
        var figures = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var clocks = await database.ReadAsync(db => db.ResponseClocks.AsNoTracking()
            .Select(c => new ClockRow(c.Kind, c.Commitment, c.Touchpoint, c.UnitId, c.OwnerUserId, c.State, c.ActualMinutes, c.MarginMinutes))
            .ToListAsync());
        var finished = clocks.Where(c => c.State is ClockState.Met or ClockState.Missed).ToList();

        void ShareMet(string dimension, Func<ClockRow, string> key)
        {
            foreach (var group in finished.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal))
                figures[$"share met by {dimension} {group.Key}"] = $"{group.Count(c => c.State == ClockState.Met)}/{group.Count()}";
        }
        ShareMet("commitment", c => c.Commitment);
        ShareMet("touchpoint", c => c.Touchpoint?.ToString() ?? "-");
        ShareMet("unit", c => c.UnitId?.ToString() ?? "-");
        ShareMet("owner", c => c.OwnerUserId ?? "-");
        ShareMet("kind", c => c.Kind.ToString());

        foreach (var kind in finished.GroupBy(c => c.Kind).OrderBy(g => g.Key))
        {
            var minutes = kind.Select(c => c.ActualMinutes!.Value).Order().ToList();
            figures[$"median minutes {kind.Key}"] = Percentile(minutes, 50).ToString("R", CultureInfo.InvariantCulture);
            figures[$"p90 minutes {kind.Key}"] = Percentile(minutes, 90).ToString("R", CultureInfo.InvariantCulture);
            figures[$"margin sum {kind.Key}"] = kind.Sum(c => c.MarginMinutes ?? 0).ToString("R", CultureInfo.InvariantCulture);
        }
        foreach (var state in clocks.GroupBy(c => c.State).OrderBy(g => g.Key))
            figures[$"clocks {state.Key}"] = state.Count().ToString(CultureInfo.InvariantCulture);

        var complaints = await database.ReadAsync(db => db.Complaints.AsNoTracking()
            .Select(c => new { c.Kind, c.Stage, c.RootCauseCode, c.ReceivedAtUtc, c.ClosedAtUtc, c.DepartmentAtFault }).ToListAsync());
        foreach (var stage in complaints.Where(c => c.Kind == FeedbackKind.Complaint && c.Stage != ComplaintStage.Closed).GroupBy(c => c.Stage).OrderBy(g => g.Key))
            figures[$"open complaints at {stage.Key}"] = stage.Count().ToString(CultureInfo.InvariantCulture);
        figures["complaints received"] = complaints.Count(c => c.Kind == FeedbackKind.Complaint).ToString(CultureInfo.InvariantCulture);
        figures["suggestions received"] = complaints.Count(c => c.Kind == FeedbackKind.Suggestion).ToString(CultureInfo.InvariantCulture);
        figures["praise received"] = complaints.Count(c => c.Kind == FeedbackKind.Praise).ToString(CultureInfo.InvariantCulture);
        figures["complaint days to close"] = string.Join(",", complaints.Where(c => c.ClosedAtUtc != null)
            .Select(c => (c.ClosedAtUtc!.Value - c.ReceivedAtUtc).TotalDays.ToString("R", CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal));

        // The complaint analysis (12.3) exactly as its screen gets it, over the period the complaints were received in
        // (not up to "now", so the figures of two moments compare).
        if (complaints.Count > 0)
        {
            var from = DateOnly.FromDateTime(VilniusTime.ToLocal(complaints.Min(c => c.ReceivedAtUtc)));
            var to = DateOnly.FromDateTime(VilniusTime.ToLocal(complaints.Max(c => c.ReceivedAtUtc)));
            if (from < to.AddYears(-5))
                from = to.AddYears(-5);
            var analysis = await database.Send(new GetComplaintAnalysis(from, to), analyst);
            figures["complaint analysis"] = JsonSerializer.Serialize(analysis);
        }

        // The live dashboard's own figures (CaseDesk.Domain/Dashboard), as the head sees them.
        foreach (var window in withDashboard ? Enum.GetValues<DashboardWindow>() : [])
            figures[$"dashboard {window}"] = DashboardRecomputation.Describe(await database.Send(new GetDashboard(DashboardScope.Department, window), analyst));
        return figures;
    }

    private sealed record ClockRow(ClockKind Kind, string Commitment, int? Touchpoint, Guid? UnitId, string? OwnerUserId, ClockState State,
        double? ActualMinutes, double? MarginMinutes);

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, int percent)
    {
        if (sorted.Count == 0)
            return double.NaN;
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
