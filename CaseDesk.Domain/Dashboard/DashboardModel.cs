using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Complaints;

namespace CaseDesk.Domain.Dashboard;

/// <summary>The period the finished-clock figures cover, in Vilnius calendar days ending today.</summary>
public enum DashboardWindow
{
    Today = 1,
    Last7Days = 2,
    Last30Days = 3,
}

/// <summary>Whose figures: the whole department, one unit, or one caseworker (the owner of the clocks).</summary>
public sealed record DashboardScope(Guid? UnitId = null, string? OwnerUserId = null)
{
    public static readonly DashboardScope Department = new();

    public bool IsDepartment => UnitId is null && OwnerUserId is null;

    public override string ToString() => OwnerUserId is not null ? $"owner:{OwnerUserId}" : UnitId is { } unit ? $"unit:{unit}" : "department";

    public static DashboardScope Parse(string? text) => text switch
    {
        null or "" or "department" => Department,
        _ when text.StartsWith("unit:", StringComparison.Ordinal) && Guid.TryParse(text[5..], out var unit) => new(unit),
        _ when text.StartsWith("owner:", StringComparison.Ordinal) && text.Length > 6 => new(null, text[6..]),
        _ => throw new FormatException($"'{text}' is not a dashboard scope."),
    };
}

/// <summary>Finished clocks that met and missed their target.</summary>
public sealed record MetShare(int Met, int Missed)
{
    public int Count => Met + Missed;

    /// <summary>Share met, 0-1; null when nothing finished.</summary>
    public double? Share => Count == 0 ? null : (double)Met / Count;
}

public sealed record CommitmentFigure(string Commitment, MetShare Clocks);

public sealed record TouchpointFigure(int Touchpoint, MetShare Clocks);

/// <summary>
/// Response time of one channel over the finished clocks of the window, in the clock's own minutes
/// (working minutes for the working-day targets). Percentiles are exact to the bucket width of
/// <see cref="DurationBuckets"/> (1 minute up to an hour, then 5, 30 and 480 minutes).
/// </summary>
public sealed record ChannelFigure(ClockKind Kind, MetShare Clocks, double? MedianMinutes, double? P90Minutes);

/// <summary>Open clocks as they stand now.</summary>
public sealed record OpenClockFigure(ClockKind Kind, int OnTrack, int AtRisk, int Breached, int Paused);

public enum ComplaintAgeBand
{
    /// <summary>Registered up to 7 days ago.</summary>
    UpToAWeek = 1,
    /// <summary>8-28 days.</summary>
    UpToFourWeeks = 2,
    /// <summary>More than 28 days (20 working days is the resolution target).</summary>
    OverFourWeeks = 3,
}

public sealed record StageFigure(ComplaintStage Stage, int Count);

public sealed record AgeFigure(ComplaintAgeBand Band, int Count);

/// <summary>Everything the head dashboard and the wallboard show for one scope and window.</summary>
public sealed record DashboardFigures(
    DashboardScope Scope,
    DashboardWindow Window,
    DateTime FromUtc,
    DateTime AsOfUtc,
    long Sequence,
    IReadOnlyList<CommitmentFigure> Commitments,
    IReadOnlyList<TouchpointFigure> Touchpoints,
    IReadOnlyList<ChannelFigure> Channels,
    ChannelFigure Punctuality,
    IReadOnlyList<OpenClockFigure> OpenClocks,
    IReadOnlyList<StageFigure> OpenComplaintsByStage,
    IReadOnlyList<AgeFigure> OpenComplaintsByAge,
    int CorrectiveActionsOverdue)
{
    public int AtRiskNow => OpenClocks.Sum(o => o.AtRisk);
    public int BreachedNow => OpenClocks.Sum(o => o.Breached);
    public int OpenComplaints => OpenComplaintsByStage.Sum(s => s.Count);
    public MetShare AllClocks => new(Commitments.Sum(c => c.Clocks.Met), Commitments.Sum(c => c.Clocks.Missed));
}

/// <summary>
/// The channels whose response time the dashboard reports (issue 6: call-back, e-mail reply, letter lead time, visit offered),
/// the complaint clocks, and promises kept (from the promise to its check-off).
/// </summary>
public static class DashboardChannels
{
    public static readonly IReadOnlyList<ClockKind> ResponseTimes =
        [ClockKind.CallBack, ClockKind.EmailReply, ClockKind.InformationLetter, ClockKind.VisitAgreed, ClockKind.ComplaintAcknowledged, ClockKind.ComplaintResolved,
            ClockKind.Promise];

    public static readonly IReadOnlyList<string> Commitments = ["VIII", "IX", "X", "XI"];
}
