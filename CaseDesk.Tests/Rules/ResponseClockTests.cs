using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;

namespace CaseDesk.Tests.Rules;

public sealed class ResponseClockTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;

    private static DateTime Vilnius(int y, int mo, int d, int h, int mi = 0) => VilniusTime.ToUtc(new DateTime(y, mo, d, h, mi, 0));

    private static CommitmentTarget Target(ClockKind kind, int minutes, TargetUnit unit = TargetUnit.WorkingMinutes, int atRisk = 75) =>
        new(Guid.NewGuid(), kind, minutes, unit, atRisk, "IX", 3, DefaultTargets.EffectiveFrom, "system", DefaultTargets.EffectiveFrom, null);

    private static ResponseClock Start(ClockKind kind, DateTime at, CommitmentTarget target) =>
        new(Guid.NewGuid(), kind, "Test", Guid.NewGuid(), "owner", null, null, null, at, target, Calendar);

    [Fact]
    public void A_one_working_day_clock_is_due_at_the_same_time_next_working_day_at_risk_at_75_percent_and_then_breached()
    {
        var clock = Start(ClockKind.EmailReply, Vilnius(2026, 3, 9, 9), Target(ClockKind.EmailReply, 480));

        Assert.Equal(Vilnius(2026, 3, 10, 9), clock.DueAtUtc);
        Assert.Equal(540, clock.TargetMinutes); // Monday 9-17 and Tuesday 8-9 are the working minutes of that day
        Assert.Equal(Vilnius(2026, 3, 9, 15, 45), clock.AtRiskAtUtc); // 405 of 540 working minutes
        Assert.Equal(ClockStatus.OnTrack, clock.StatusAt(Vilnius(2026, 3, 9, 15, 44)));
        Assert.Equal(ClockStatus.AtRisk, clock.StatusAt(Vilnius(2026, 3, 9, 15, 45)));
        Assert.Equal(ClockStatus.AtRisk, clock.StatusAt(Vilnius(2026, 3, 10, 9)));
        Assert.Equal(ClockStatus.Breached, clock.StatusAt(Vilnius(2026, 3, 10, 9, 1)));
    }

    [Fact]
    public void A_friday_afternoon_message_is_due_on_monday_afternoon()
    {
        var clock = Start(ClockKind.CallBack, Vilnius(2026, 3, 13, 14), Target(ClockKind.CallBack, 480));

        Assert.Equal(Vilnius(2026, 3, 16, 14), clock.DueAtUtc);
        Assert.Equal(105 + 360, clock.TargetMinutes); // Friday 14:00-15:45, Monday 8:00-14:00
    }

    [Fact]
    public void Stopping_in_time_records_the_actual_and_the_margin_it_was_met_by()
    {
        var clock = Start(ClockKind.CallBack, Vilnius(2026, 3, 9, 16), Target(ClockKind.CallBack, 480));

        clock.Stop(Vilnius(2026, 3, 10, 10), Calendar);

        Assert.Equal(ClockState.Met, clock.State);
        Assert.Equal(180, clock.ActualMinutes); // Monday 16-17, Tuesday 8-10
        Assert.Equal(540 - 180, clock.MarginMinutes);
        Assert.Equal(ClockStatus.Met, clock.StatusAt(Vilnius(2026, 3, 20, 10)));
    }

    [Fact]
    public void Stopping_late_records_a_miss_and_by_how_much()
    {
        var clock = Start(ClockKind.CallBack, Vilnius(2026, 3, 9, 9), Target(ClockKind.CallBack, 480));

        clock.Stop(Vilnius(2026, 3, 10, 9, 30), Calendar);

        Assert.Equal(ClockState.Missed, clock.State);
        Assert.Equal(540 + 30, clock.ActualMinutes);
        Assert.Equal(-30, clock.MarginMinutes);
    }

    [Fact]
    public void A_target_in_working_hours_is_counted_in_working_minutes()
    {
        var clock = Start(ClockKind.EmailReply, Vilnius(2026, 3, 9, 15), Target(ClockKind.EmailReply, 240));

        Assert.Equal(Vilnius(2026, 3, 10, 10), clock.DueAtUtc); // 2 h on Monday, 2 h on Tuesday
        Assert.Equal(240, clock.TargetMinutes);
    }

    [Fact]
    public void A_paused_clock_does_not_count_the_pause_and_its_due_time_moves_on()
    {
        var clock = Start(ClockKind.InformationLetter, Vilnius(2026, 3, 9, 9), Target(ClockKind.InformationLetter, 480));

        clock.Pause(Vilnius(2026, 3, 9, 11), "Laukiama kliento dokumentų");
        Assert.Equal(ClockStatus.Paused, clock.StatusAt(Vilnius(2026, 3, 12, 9)));
        clock.Resume(Vilnius(2026, 3, 10, 11), Calendar);

        // 120 of 540 minutes used before the pause; 420 left from Tuesday 11:00: 5 h on Tuesday (the eve
        // of the 11 March holiday closes at 16:00), then the last two hours fall on Thursday.
        Assert.Equal(Vilnius(2026, 3, 12, 10), clock.DueAtUtc);
        Assert.Equal(540, clock.PausedMinutes); // Monday 11-17 (6h) + Tuesday 8-11 (3h)
        clock.Stop(Vilnius(2026, 3, 10, 16), Calendar);
        Assert.Equal((ClockState.Met, 420.0, 120.0), (clock.State, clock.ActualMinutes!.Value, clock.MarginMinutes!.Value));
    }

    [Fact]
    public void A_call_back_clock_cannot_be_paused_because_the_standard_expects_an_answer_whatever_the_client_does()
    {
        using var _ = Support.UiCulture.Use("en");
        var clock = Start(ClockKind.CallBack, Vilnius(2026, 3, 9, 9), Target(ClockKind.CallBack, 480));

        var refusal = Assert.Throws<DomainRefusalException>(() => clock.Pause(Vilnius(2026, 3, 9, 10), "Klientas neatsiliepia"));

        Assert.Contains("because", refusal.Because);
        Assert.Equal(ClockState.Running, clock.State);
    }

    [Fact]
    public void Arrival_punctuality_is_counted_in_plain_minutes_even_outside_office_hours()
    {
        var agreed = Vilnius(2026, 3, 9, 17, 30); // after office hours
        var clock = Start(ClockKind.VisitArrival, agreed, Target(ClockKind.VisitArrival, 15, TargetUnit.WallMinutes));

        clock.Stop(agreed.AddMinutes(12), Calendar);

        Assert.Equal((ClockState.Met, 12.0, 3.0), (clock.State, clock.ActualMinutes!.Value, clock.MarginMinutes!.Value));
    }

    private static ResponseClock Promise(DateTime madeAt, DateTime promisedBy, int touchpoint = 2) =>
        new(Guid.NewGuid(), ClockKind.Promise, "Promise", Guid.NewGuid(), "o", null, null, null, madeAt,
            new CommitmentTarget(Guid.NewGuid(), ClockKind.Promise, 0, TargetUnit.ByDeadline, 75, "VIII", null, DefaultTargets.EffectiveFrom, "system",
                DefaultTargets.EffectiveFrom, null), Calendar, promisedBy, touchpoint);

    [Fact]
    public void A_promise_clock_runs_from_the_promise_to_the_promised_time_on_the_contacts_touchpoint_at_risk_at_75_percent_of_that_span()
    {
        var clock = Promise(Vilnius(2026, 3, 9, 9), Vilnius(2026, 3, 13, 9), touchpoint: 5);

        Assert.Equal((ClockState.Running, "VIII", 5), (clock.State, clock.Commitment, clock.Touchpoint));
        Assert.Equal(Vilnius(2026, 3, 13, 9), clock.DueAtUtc);
        Assert.Equal(4 * 24 * 60, clock.TargetMinutes); // plain minutes: a promise names a time, not working days
        Assert.Equal(Vilnius(2026, 3, 12, 9), clock.AtRiskAtUtc);
        Assert.Equal(ClockStatus.OnTrack, clock.StatusAt(Vilnius(2026, 3, 12, 8, 59)));
        Assert.Equal(ClockStatus.AtRisk, clock.StatusAt(Vilnius(2026, 3, 13, 9)));
    }

    [Fact]
    public void A_promise_kept_by_the_promised_time_is_met_and_one_kept_at_that_very_minute_too()
    {
        var early = Promise(Vilnius(2026, 3, 9, 9), Vilnius(2026, 3, 10, 12));
        var onTheMinute = Promise(Vilnius(2026, 3, 9, 9), Vilnius(2026, 3, 10, 12));

        early.Stop(Vilnius(2026, 3, 10, 10), Calendar);
        onTheMinute.Stop(Vilnius(2026, 3, 10, 12), Calendar);

        Assert.Equal((ClockState.Met, 120.0, 25 * 60.0), (early.State, early.MarginMinutes!.Value, early.ActualMinutes!.Value));
        Assert.Equal((ClockState.Met, 0.0), (onTheMinute.State, onTheMinute.MarginMinutes!.Value));
    }

    [Fact]
    public void A_promise_kept_after_the_promised_time_is_missed_by_the_minutes_it_was_late()
    {
        var clock = Promise(Vilnius(2026, 3, 9, 9), Vilnius(2026, 3, 10, 12));

        clock.Stop(Vilnius(2026, 3, 10, 12, 30), Calendar);

        Assert.Equal((ClockState.Missed, -30.0), (clock.State, clock.MarginMinutes!.Value));
        Assert.Equal(ClockStatus.Missed, clock.StatusAt(Vilnius(2026, 3, 11, 9)));
    }

    [Fact]
    public void A_promise_not_kept_by_the_promised_time_is_breached_and_one_recorded_already_overdue_is_breached_at_once()
    {
        var clock = Promise(Vilnius(2026, 3, 9, 9), Vilnius(2026, 3, 10, 12));
        var late = Promise(Vilnius(2026, 3, 9, 9), Vilnius(2026, 3, 6, 12));

        Assert.Equal(ClockStatus.AtRisk, clock.StatusAt(Vilnius(2026, 3, 10, 12)));
        Assert.Equal(ClockStatus.Breached, clock.StatusAt(Vilnius(2026, 3, 10, 12, 1)));
        Assert.Equal((0, ClockStatus.Breached), (late.TargetMinutes, late.StatusAt(Vilnius(2026, 3, 9, 9, 1))));
    }

    [Fact]
    public void A_promise_clock_needs_the_promised_time()
    {
        Assert.Throws<InvalidOperationException>(() => new ResponseClock(Guid.NewGuid(), ClockKind.Promise, "Promise", Guid.NewGuid(), "o", null, null, null,
            Vilnius(2026, 3, 9, 9), Target(ClockKind.Promise, 0, TargetUnit.ByDeadline), Calendar));
    }

    [Fact]
    public void A_reschedule_notice_is_met_only_when_the_client_was_told_before_the_agreed_time()
    {
        var agreed = Vilnius(2026, 3, 10, 10);
        var target = Target(ClockKind.RescheduleNotice, 0, TargetUnit.BeforeDeadline);
        var toldInTime = new ResponseClock(Guid.NewGuid(), ClockKind.RescheduleNotice, "Visit", Guid.NewGuid(), "o", null, null, null, Vilnius(2026, 3, 9, 9), target, Calendar, agreed);
        var toldLate = new ResponseClock(Guid.NewGuid(), ClockKind.RescheduleNotice, "Visit", Guid.NewGuid(), "o", null, null, null, Vilnius(2026, 3, 9, 9), target, Calendar, agreed);

        toldInTime.Stop(agreed.AddHours(-1), Calendar);
        toldLate.Stop(agreed.AddMinutes(20), Calendar);

        Assert.Equal((ClockState.Met, 60.0), (toldInTime.State, toldInTime.MarginMinutes!.Value));
        Assert.Equal((ClockState.Missed, -20.0), (toldLate.State, toldLate.MarginMinutes!.Value));
    }

    [Fact]
    public void A_cancelled_clock_is_neither_met_nor_missed_and_cannot_be_stopped_again()
    {
        var clock = Start(ClockKind.VisitAgreed, Vilnius(2026, 3, 9, 9), Target(ClockKind.VisitAgreed, 2400));

        clock.Cancel(Vilnius(2026, 3, 9, 10));

        Assert.Equal(ClockStatus.Cancelled, clock.StatusAt(Vilnius(2026, 3, 30, 10)));
        Assert.Throws<InvalidOperationException>(() => clock.Stop(Vilnius(2026, 3, 9, 11), Calendar));
    }

    [Fact]
    public void The_clock_keeps_the_target_it_started_with()
    {
        var target = Target(ClockKind.EmailReply, 480, atRisk: 50);
        var clock = Start(ClockKind.EmailReply, Vilnius(2026, 3, 9, 9), target);

        Assert.Equal((target.Id, 540, 50), (clock.TargetId, clock.TargetMinutes, clock.AtRiskPercent));
        Assert.Equal(Vilnius(2026, 3, 9, 13, 30), clock.AtRiskAtUtc); // half of 540 working minutes
    }
}
