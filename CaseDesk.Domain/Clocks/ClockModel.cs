using CaseDesk.Domain.Common;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Clocks;

/// <summary>Each measurable promise of the standard, timed from its start event to its stop event (docs/clocks.md).</summary>
public enum ClockKind
{
    /// <summary>Phone message taken → the colleague calls back (touchpoint 2).</summary>
    CallBack = 1,
    /// <summary>E-mail received → answered by e-mail (touchpoint 3).</summary>
    EmailReply = 2,
    /// <summary>Information requested → information letter sent (touchpoint 6).</summary>
    InformationLetter = 3,
    /// <summary>A home visit is needed → a time agreed with the client (touchpoint 7). Not for inspections.</summary>
    VisitAgreed = 4,
    /// <summary>Agreed visit time → the specialist arrives (touchpoint 7, punctuality).</summary>
    VisitArrival = 5,
    /// <summary>Complaint registered → acknowledged to the client.</summary>
    ComplaintAcknowledged = 6,
    /// <summary>Complaint registered → resolved and the client told.</summary>
    ComplaintResolved = 7,
    /// <summary>An agreed visit is moved → the client is told before the agreed time.</summary>
    RescheduleNotice = 8,
    /// <summary>A promise made to the client → checked off as kept, by the promised time (VIII, punctuality; "every promise is checked off", 10).</summary>
    Promise = 9,
}

public enum TargetUnit
{
    /// <summary>Counted in the department's working minutes (office hours, no holidays).</summary>
    WorkingMinutes = 1,
    /// <summary>Counted in plain minutes (e.g. arrival within 15 minutes of the agreed time).</summary>
    WallMinutes = 2,
    /// <summary>Met when the stop event happens before the deadline the start event names.</summary>
    BeforeDeadline = 3,
    /// <summary>Met when the stop event happens by (at or before) the deadline the start event names, e.g. a promise's due time.</summary>
    ByDeadline = 4,
}

/// <summary>
/// One version of a clock's target. Versions are never edited: a change adds a version effective
/// from a date, and every clock keeps the target that was in force when it started.
/// </summary>
public sealed class CommitmentTarget
{
    private CommitmentTarget() { }

    public CommitmentTarget(Guid id, ClockKind kind, int minutes, TargetUnit unit, int atRiskPercent, string commitment, int? touchpoint,
        DateTime effectiveFromUtc, string setBy, DateTime setAtUtc, string? note)
    {
        if (minutes < 0 || (!IsDeadline(unit) && minutes == 0))
            throw new DomainRefusalException(T("A target must be a positive number of minutes."));
        if (atRiskPercent is < 1 or > 99)
            throw new DomainRefusalException(T("The at-risk share must be between 1 and 99 percent."));
        Id = id; Kind = kind; Minutes = minutes; Unit = unit; AtRiskPercent = atRiskPercent; Commitment = commitment; Touchpoint = touchpoint;
        EffectiveFromUtc = effectiveFromUtc; SetByUserId = setBy; SetAtUtc = setAtUtc; Note = note;
    }

    public Guid Id { get; private set; }
    public ClockKind Kind { get; private set; }
    public int Minutes { get; private set; }
    public TargetUnit Unit { get; private set; }
    /// <summary>A running clock is "at risk" once this share of its target is used (default 75).</summary>
    public int AtRiskPercent { get; private set; }
    /// <summary>The commitment served: "VIII", "IX", "X" or "XI".</summary>
    public string Commitment { get; private set; } = "";
    public int? Touchpoint { get; private set; }
    public DateTime EffectiveFromUtc { get; private set; }
    public string SetByUserId { get; private set; } = "";
    public DateTime SetAtUtc { get; private set; }
    public string? Note { get; private set; }

    /// <summary>A target whose due time the start event names (a rule, not a number of minutes).</summary>
    public static bool IsDeadline(TargetUnit unit) => unit is TargetUnit.BeforeDeadline or TargetUnit.ByDeadline;
}

/// <summary>12.3: the standard (and so its targets) is reviewed at least once a year.</summary>
public sealed class TargetReview
{
    public Guid Id { get; set; }
    public DateTime ReviewedAtUtc { get; set; }
    public string ByUserId { get; set; } = "";
    public string? Note { get; set; }
}

public sealed class OfficeDay : IVersioned
{
    public DayOfWeek Day { get; set; }
    public TimeOnly? Opens { get; set; }
    public TimeOnly? Closes { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A one-off day the office is closed (e.g. a move, a training day).</summary>
public sealed class Closure
{
    public DateOnly Date { get; set; }
    public string Reason { get; set; } = "";
}

public enum ClockState
{
    Running = 1,
    Paused = 2,
    Met = 3,
    Missed = 4,
    Cancelled = 5,
}

/// <summary>How a clock stands at a given moment.</summary>
public enum ClockStatus
{
    OnTrack = 1,
    AtRisk = 2,
    Breached = 3,
    Paused = 4,
    Met = 5,
    Missed = 6,
    Cancelled = 7,
}

/// <summary>
/// One measured promise: started by an event on a subject (a phone message, an e-mail, a letter,
/// a visit, a complaint), stopped by another. It keeps the target in force when it started, and when
/// finished, the actual duration and by how much the target was met (positive) or missed (negative).
/// </summary>
public sealed class ResponseClock
{
    private ResponseClock() { }

    /// <param name="touchpoint">Where the start event happened, for a target that serves every touchpoint (a promise is made at any).</param>
    public ResponseClock(Guid id, ClockKind kind, string subjectKind, Guid subjectId, string? ownerUserId, Guid? unitId, Guid? clientId, Guid? caseId,
        DateTime startedAtUtc, CommitmentTarget target, WorkingCalendar calendar, DateTime? deadlineUtc = null, int? touchpoint = null)
    {
        Id = id; Kind = kind; SubjectKind = subjectKind; SubjectId = subjectId; OwnerUserId = ownerUserId; UnitId = unitId;
        ClientId = clientId; CaseId = caseId; StartedAtUtc = startedAtUtc;
        TargetId = target.Id; TargetMinutes = target.Minutes; TargetUnit = target.Unit; AtRiskPercent = target.AtRiskPercent;
        Commitment = target.Commitment; Touchpoint = target.Touchpoint ?? touchpoint;
        State = ClockState.Running;
        if (target.Unit == TargetUnit.BeforeDeadline)
        {
            DueAtUtc = deadlineUtc ?? throw new InvalidOperationException($"A {kind} clock needs a deadline.");
            AtRiskAtUtc = DueAtUtc;
        }
        else if (target.Unit == TargetUnit.ByDeadline)
        {
            // The target is the plain time from the start to the deadline; at risk once its at-risk share has passed.
            DueAtUtc = deadlineUtc ?? throw new InvalidOperationException($"A {kind} clock needs a deadline.");
            var span = Math.Max(0, (DueAtUtc - startedAtUtc).TotalMinutes);
            TargetMinutes = (int)Math.Round(span);
            AtRiskAtUtc = startedAtUtc.AddMinutes(span * AtRiskPercent / 100.0);
        }
        else
        {
            // A target of whole working days runs to the same time of day N working days later; the clock
            // keeps the working minutes that span holds, so met/missed and margins are counted in minutes.
            if (target.Unit == TargetUnit.WorkingMinutes && target.Minutes % WorkingCalendar.MinutesPerWorkingDay == 0)
                TargetMinutes = (int)Math.Round(calendar.WorkingMinutesBetween(startedAtUtc,
                    calendar.AddWorkingDays(startedAtUtc, target.Minutes / WorkingCalendar.MinutesPerWorkingDay)));
            Schedule(startedAtUtc, 0, calendar);
        }
    }

    public Guid Id { get; private set; }
    public ClockKind Kind { get; private set; }
    public string SubjectKind { get; private set; } = "";
    public Guid SubjectId { get; private set; }
    public string? OwnerUserId { get; private set; }
    public Guid? UnitId { get; private set; }
    public Guid? ClientId { get; private set; }
    public Guid? CaseId { get; private set; }
    public string Commitment { get; private set; } = "";
    public int? Touchpoint { get; private set; }
    public Guid TargetId { get; private set; }
    /// <summary>The target this clock runs against, in its unit's minutes (whole working days converted at the start).</summary>
    public int TargetMinutes { get; private set; }
    public TargetUnit TargetUnit { get; private set; }
    public int AtRiskPercent { get; private set; }
    public DateTime StartedAtUtc { get; private set; }
    /// <summary>When the target is used up (moves later while paused).</summary>
    public DateTime DueAtUtc { get; private set; }
    public DateTime AtRiskAtUtc { get; private set; }
    public ClockState State { get; private set; }
    public DateTime? PausedSinceUtc { get; private set; }
    public string? PauseReason { get; private set; }
    /// <summary>Target-unit minutes spent paused (finished pauses only).</summary>
    public double PausedMinutes { get; private set; }
    public DateTime? StoppedAtUtc { get; private set; }
    /// <summary>Target-unit minutes the clock ran, pauses excluded.</summary>
    public double? ActualMinutes { get; private set; }
    /// <summary>Target minus actual: positive = met with this much to spare, negative = missed by this much.</summary>
    public double? MarginMinutes { get; private set; }
    public DateTime? BreachNotifiedAtUtc { get; private set; }

    public bool IsOpen => State is ClockState.Running or ClockState.Paused;

    public static bool IsPausable(ClockKind kind) => kind is ClockKind.InformationLetter or ClockKind.ComplaintResolved;

    public ClockStatus StatusAt(DateTime nowUtc) => State switch
    {
        ClockState.Paused => ClockStatus.Paused,
        ClockState.Met => ClockStatus.Met,
        ClockState.Missed => ClockStatus.Missed,
        ClockState.Cancelled => ClockStatus.Cancelled,
        _ => StatusOfRunning(nowUtc, DueAtUtc, AtRiskAtUtc),
    };

    /// <summary>The same rule as <see cref="StatusAt"/>, for queries that only read the two instants.</summary>
    public static ClockStatus StatusOfRunning(DateTime nowUtc, DateTime dueAtUtc, DateTime atRiskAtUtc) =>
        nowUtc > dueAtUtc ? ClockStatus.Breached : nowUtc >= atRiskAtUtc ? ClockStatus.AtRisk : ClockStatus.OnTrack;

    /// <summary>Minutes of the target used so far (pauses excluded).</summary>
    public double UsedMinutes(DateTime atUtc, WorkingCalendar calendar)
    {
        var end = State == ClockState.Paused ? PausedSinceUtc!.Value : atUtc;
        return Math.Max(0, Between(StartedAtUtc, end, calendar) - PausedMinutes);
    }

    public void Pause(DateTime atUtc, string reason)
    {
        if (!IsPausable(Kind))
            throw new DomainRefusalException(T("This clock cannot be paused, because the standard expects an answer whatever the client does."));
        if (State != ClockState.Running)
            throw new DomainRefusalException(T("Only a running clock can be paused."));
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRefusalException(T("Say why the clock is paused (e.g. waiting for the client's documents)."));
        State = ClockState.Paused;
        PausedSinceUtc = atUtc < StartedAtUtc ? StartedAtUtc : atUtc;
        PauseReason = reason.Trim();
    }

    public void Resume(DateTime atUtc, WorkingCalendar calendar)
    {
        if (State != ClockState.Paused)
            throw new DomainRefusalException(T("The clock is not paused."));
        PausedMinutes += Between(PausedSinceUtc!.Value, atUtc, calendar);
        PausedSinceUtc = null;
        PauseReason = null;
        State = ClockState.Running;
        Schedule(atUtc, UsedMinutes(atUtc, calendar), calendar);
    }

    /// <summary>The stop event happened: the clock keeps how long it took and whether the target was met.</summary>
    public void Stop(DateTime atUtc, WorkingCalendar calendar)
    {
        if (!IsOpen)
            throw new InvalidOperationException($"The {Kind} clock of {SubjectKind} {SubjectId} is already finished.");
        if (State == ClockState.Paused)
            Resume(atUtc, calendar);
        StoppedAtUtc = atUtc;
        if (CommitmentTarget.IsDeadline(TargetUnit))
        {
            ActualMinutes = (atUtc - StartedAtUtc).TotalMinutes;
            MarginMinutes = (DueAtUtc - atUtc).TotalMinutes;
            // "Before the agreed time" is strict; a promise kept at its due time is kept by it.
            State = (TargetUnit == TargetUnit.ByDeadline ? atUtc <= DueAtUtc : atUtc < DueAtUtc) ? ClockState.Met : ClockState.Missed;
            return;
        }
        ActualMinutes = UsedMinutes(atUtc, calendar);
        MarginMinutes = TargetMinutes - ActualMinutes;
        State = ActualMinutes <= TargetMinutes ? ClockState.Met : ClockState.Missed;
    }

    /// <summary>The subject went away (e.g. a visit cancelled): the clock counts neither as met nor missed.</summary>
    public void Cancel(DateTime atUtc)
    {
        if (!IsOpen) return;
        StoppedAtUtc = atUtc;
        State = ClockState.Cancelled;
    }

    public void Reassign(string? ownerUserId, Guid? unitId)
    {
        OwnerUserId = ownerUserId;
        UnitId = unitId ?? UnitId;
    }

    public void MarkBreachNotified(DateTime atUtc) => BreachNotifiedAtUtc ??= atUtc;

    private void Schedule(DateTime fromUtc, double usedMinutes, WorkingCalendar calendar)
    {
        var remaining = Math.Max(0, TargetMinutes - usedMinutes);
        var riskRemaining = Math.Max(0, TargetMinutes * AtRiskPercent / 100.0 - usedMinutes);
        DueAtUtc = Add(fromUtc, remaining, calendar);
        AtRiskAtUtc = Add(fromUtc, riskRemaining, calendar);
    }

    private double Between(DateTime from, DateTime to, WorkingCalendar calendar) =>
        TargetUnit == TargetUnit.WorkingMinutes ? calendar.WorkingMinutesBetween(from, to) : Math.Max(0, (to - from).TotalMinutes);

    private DateTime Add(DateTime from, double minutes, WorkingCalendar calendar) =>
        TargetUnit == TargetUnit.WorkingMinutes ? calendar.AddWorkingMinutes(from, minutes) : from.AddMinutes(minutes);
}

/// <summary>An in-app message to one user (e.g. a breach for the head of the unit). Shown once, kept until read.</summary>
public sealed class Notification
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public string Text { get; set; } = "";
    public string? Link { get; set; }
    public Guid? ClockId { get; set; }
    public DateTime? ReadAtUtc { get; set; }
}
