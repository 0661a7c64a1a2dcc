namespace CaseDesk.Domain.Clocks;

/// <summary>
/// The department's starting targets. The standard gives no numbers (DOMAIN.md); these are defaults,
/// seeded once as the first version of each target and editable by a Head or Admin.
/// </summary>
public static class DefaultTargets
{
    public const int DefaultAtRiskPercent = 75;
    private const int Day = WorkingCalendar.MinutesPerWorkingDay;

    public static IReadOnlyList<(ClockKind Kind, int Minutes, TargetUnit Unit, string Commitment, int? Touchpoint)> All { get; } =
    [
        (ClockKind.EmailReply, 1 * Day, TargetUnit.WorkingMinutes, "IX", 3),
        (ClockKind.CallBack, 1 * Day, TargetUnit.WorkingMinutes, "VIII", 2),
        (ClockKind.InformationLetter, 5 * Day, TargetUnit.WorkingMinutes, "IX", 6),
        (ClockKind.VisitAgreed, 5 * Day, TargetUnit.WorkingMinutes, "IX", 7),
        (ClockKind.VisitArrival, 15, TargetUnit.WallMinutes, "VIII", 7),
        (ClockKind.ComplaintAcknowledged, 1 * Day, TargetUnit.WorkingMinutes, "XI", 10),
        (ClockKind.ComplaintResolved, 20 * Day, TargetUnit.WorkingMinutes, "X", 10),
        (ClockKind.RescheduleNotice, 0, TargetUnit.BeforeDeadline, "VIII", 7),
        // Kept by the promised time; the touchpoint is the contact's where the promise was made.
        (ClockKind.Promise, 0, TargetUnit.ByDeadline, "VIII", null),
    ];

    /// <summary>The defaults are in force from the start of time, so clocks of any age find a target.</summary>
    public static readonly DateTime EffectiveFrom = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
}
