using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Reference;

namespace CaseDesk.Domain.Public;

/// <summary>
/// A response time published for one service or touchpoint, in the clocks' own working minutes: the median and the 90th percentile
/// (nearest rank, to the dashboard's bucket width, <see cref="Dashboard.DurationBuckets"/>) and how many measurements it rests on.
/// The figures are null when fewer than <see cref="PublicTimes.Minimum"/> measurements exist.
/// </summary>
public sealed record PublicDuration(int Count, double? MedianMinutes, double? P90Minutes)
{
    public bool Shown => MedianMinutes is not null;
}

/// <summary>The share of commitments met (finished clocks that met their target), from how many commitments and cases; null under the minimum.</summary>
public sealed record PublicShare(int Commitments, int Cases, double? Share)
{
    public bool Shown => Share is not null;
}

/// <summary>One service of the catalogue the cases use (grouped by its folded name), with the number of cases measured.</summary>
public sealed record PublicServiceTimes(string Service, int Cases, PublicDuration FirstAnswer, PublicDuration ServiceStart, PublicShare Commitments);

/// <summary>One touchpoint: the time to answer a request made there, and the share of its commitments met.</summary>
public sealed record PublicTouchpointTimes(int Touchpoint, PublicDuration FirstAnswer, PublicShare Commitments);

/// <summary>A target in force, as the standard's promise beside the figures (who set it is left out).</summary>
public sealed record PublicTarget(ClockKind Kind, int Minutes, TargetUnit Unit, string Commitment, int? Touchpoint);

/// <summary>
/// The published service times: aggregates over the period only. Never a client, a case, a case number or a staff member:
/// a service is named only when at least <see cref="Minimum"/> cases asked for it.
/// </summary>
public sealed record PublicTimes(
    DateTime FromUtc,
    DateTime ToUtc,
    DateTime ComputedAtUtc,
    int MinimumCount,
    PublicServiceTimes AllServices,
    IReadOnlyList<PublicServiceTimes> Services,
    int ServicesNotShown,
    IReadOnlyList<PublicTouchpointTimes> Touchpoints,
    IReadOnlyList<PublicTarget> Targets,
    IReadOnlyList<TouchpointRow> StandardTouchpoints,
    IReadOnlyList<CommitmentRow> StandardCommitments)
{
    /// <summary>A figure resting on fewer measurements is not published: it says little and could point to a person.</summary>
    public const int Minimum = 10;

    /// <summary>The period: the last 90 Vilnius calendar days, today included.</summary>
    public const int Days = 90;
}

/// <summary>The stored result of the daily computation; the public page reads the latest, never the clocks.</summary>
public sealed class PublicTimesSnapshot
{
    private PublicTimesSnapshot() { }

    public PublicTimesSnapshot(Guid id, DateTime computedAtUtc, string figures)
    {
        Id = id;
        ComputedAtUtc = computedAtUtc;
        Figures = figures;
    }

    public Guid Id { get; private set; }
    public DateTime ComputedAtUtc { get; private set; }
    /// <summary><see cref="PublicTimes"/> as JSON.</summary>
    public string Figures { get; private set; } = "";
}
