using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;

namespace CaseDesk.Tests.Rules;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;

    /// <summary>An instant given in Vilnius local time.</summary>
    private static DateTime Vilnius(int y, int mo, int d, int h, int mi = 0) => VilniusTime.ToUtc(new DateTime(y, mo, d, h, mi, 0));

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    public void Easter_sunday_matches_the_published_dates(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), WorkingCalendar.EasterSunday(year));

    [Theory]
    [InlineData(2026, 1, 1)]
    [InlineData(2026, 2, 16)]
    [InlineData(2026, 3, 11)]
    [InlineData(2026, 4, 5)] // Easter Sunday
    [InlineData(2026, 4, 6)] // Easter Monday
    [InlineData(2026, 5, 1)]
    [InlineData(2026, 6, 24)]
    [InlineData(2026, 7, 6)]
    [InlineData(2026, 8, 15)]
    [InlineData(2026, 11, 1)]
    [InlineData(2026, 11, 2)]
    [InlineData(2026, 12, 24)]
    [InlineData(2026, 12, 25)]
    [InlineData(2026, 12, 26)]
    public void Public_holidays_are_not_working_days(int y, int m, int d)
    {
        Assert.True(WorkingCalendar.IsPublicHoliday(new DateOnly(y, m, d)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(y, m, d)));
    }

    [Fact]
    public void Weekends_are_closed_and_ordinary_weekdays_open()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 3, 7))); // Saturday
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 3, 8))); // Sunday
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 3, 9))); // Monday
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 4, 7))); // the Tuesday after Easter
    }

    [Fact]
    public void Working_minutes_count_office_hours_only()
    {
        // Monday 16:00 → Tuesday 09:00: one hour on Monday, one on Tuesday.
        Assert.Equal(120, Calendar.WorkingMinutesBetween(Vilnius(2026, 3, 9, 16), Vilnius(2026, 3, 10, 9)));
        // Friday closes at 15:45: Friday 15:00 → Monday 08:30 is 45 + 30 minutes.
        Assert.Equal(75, Calendar.WorkingMinutesBetween(Vilnius(2026, 3, 13, 15), Vilnius(2026, 3, 16, 8, 30)));
        // Evening to next morning before opening: nothing.
        Assert.Equal(0, Calendar.WorkingMinutesBetween(Vilnius(2026, 3, 9, 18), Vilnius(2026, 3, 10, 7, 59)));
    }

    [Fact]
    public void One_working_day_from_thursday_before_easter_ends_on_the_tuesday_after()
    {
        // Thursday 2 April 2026 14:00 + 8 working hours: Thu 14-17 (3h), Fri 3 April 8:00-13:00 (5h) → Friday 13:00.
        Assert.Equal(Vilnius(2026, 4, 3, 13), Calendar.AddWorkingMinutes(Vilnius(2026, 4, 2, 14), WorkingCalendar.MinutesPerWorkingDay));
        // Friday 3 April 14:00 + 8 working hours: Fri 14:00-15:45 (1h45), then Sat, Sun (Easter), Mon (Easter Monday) closed,
        // Tuesday 7 April 8:00 + 6h15 → 14:15.
        Assert.Equal(Vilnius(2026, 4, 7, 14, 15), Calendar.AddWorkingMinutes(Vilnius(2026, 4, 3, 14), WorkingCalendar.MinutesPerWorkingDay));
        Assert.Equal(WorkingCalendar.MinutesPerWorkingDay, Calendar.WorkingMinutesBetween(Vilnius(2026, 4, 3, 14), Vilnius(2026, 4, 7, 14, 15)));
    }

    [Fact]
    public void Time_spans_across_the_summer_time_change_are_counted_in_local_office_hours()
    {
        // Clocks go forward on Sunday 29 March 2026; Friday 27 March 15:00 → Monday 30 March 9:00 is 45 + 60 minutes.
        Assert.Equal(105, Calendar.WorkingMinutesBetween(Vilnius(2026, 3, 27, 15), Vilnius(2026, 3, 30, 9)));
    }

    [Fact]
    public void A_one_off_closure_and_changed_office_hours_are_respected()
    {
        var hours = WorkingCalendar.DefaultHours.Select(h => h.Day == DayOfWeek.Wednesday ? h with { Closes = new TimeOnly(12, 0) } : h);
        var calendar = new WorkingCalendar(hours, [new DateOnly(2026, 3, 17)]);

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 3, 17)));
        // Monday 16 March 16:00 → Wednesday 18 March 13:00: Monday 1h, Tuesday closed, Wednesday 8-12 (4h).
        Assert.Equal(300, calendar.WorkingMinutesBetween(Vilnius(2026, 3, 16, 16), Vilnius(2026, 3, 18, 13)));
        // (11 March, a Wednesday, is Independence Restoration Day: closed whatever the hours say.)
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 3, 11)));
    }

    [Theory]
    [InlineData(2026, 3, 9, 10, 20, 1, 2026, 3, 10, 10, 20)] // Monday → Tuesday, same time
    [InlineData(2026, 3, 13, 14, 0, 1, 2026, 3, 16, 14, 0)] // Friday → Monday
    [InlineData(2026, 4, 2, 14, 0, 1, 2026, 4, 3, 14, 0)] // Thursday before Easter → Good Friday (a working day in Lithuania)
    [InlineData(2026, 4, 3, 14, 0, 1, 2026, 4, 7, 14, 0)] // Friday → over Easter Sunday and Monday → Tuesday
    [InlineData(2026, 3, 9, 18, 0, 1, 2026, 3, 12, 8, 0)] // after closing: from Tuesday's opening, one day on, over the 11 March holiday → Thursday
    [InlineData(2026, 3, 12, 16, 30, 1, 2026, 3, 13, 15, 45)] // Thursday 16:30 → Friday closes at 15:45
    [InlineData(2026, 2, 23, 10, 30, 5, 2026, 3, 2, 10, 30)] // five working days: Monday to Monday
    public void Adding_working_days_keeps_the_time_of_day(int y, int mo, int d, int h, int mi, int days, int y2, int mo2, int d2, int h2, int mi2) =>
        Assert.Equal(Vilnius(y2, mo2, d2, h2, mi2), Calendar.AddWorkingDays(Vilnius(y, mo, d, h, mi), days));
    // Labour Code art. 112(4): the working day before a public holiday is one hour shorter.
    [Theory]
    [InlineData(2024, 2, 15, 16, 0)]  // Thursday before 16 February: 8:00-16:00
    [InlineData(2026, 12, 23, 16, 0)] // Wednesday before Kūčios (24 December)
    [InlineData(2026, 12, 31, 16, 0)] // Thursday before New Year
    [InlineData(2026, 3, 10, 16, 0)]  // Tuesday before 11 March
    [InlineData(2025, 10, 31, 14, 45)] // Friday before 1 November (a Saturday): 8:00-14:45
    public void The_eve_of_a_public_holiday_closes_an_hour_early(int y, int m, int d, int closesHour, int closesMinute)
    {
        var eve = new DateOnly(y, m, d);
        Assert.True(Calendar.IsWorkingDay(eve));
        Assert.Equal(new TimeOnly(closesHour, closesMinute), Calendar.ClosingTime(eve));
        var open = Vilnius(y, m, d, 8);
        var closing = Vilnius(y, m, d, closesHour, closesMinute);
        Assert.Equal((closing - open).TotalMinutes, Calendar.WorkingMinutesBetween(open, closing.AddHours(1)));
    }

    [Fact]
    public void Working_time_on_an_eve_ends_an_hour_early()
    {
        // 15 February 2024 (Thursday, eve of 16 February): 15:30 → Monday 19 February 8:30 is 30 + 30 minutes.
        Assert.Equal(60, Calendar.WorkingMinutesBetween(Vilnius(2024, 2, 15, 15, 30), Vilnius(2024, 2, 19, 8, 30)));
        // 23 December 2026, 15:00 + 90 working minutes: 60 that day (until 16:00), 30 on Monday 28 December.
        Assert.Equal(Vilnius(2026, 12, 28, 8, 30), Calendar.AddWorkingMinutes(Vilnius(2026, 12, 23, 15), 90));
        // A message at 16:30 on 31 December 2026 is after the shortened closing: it counts from Monday 4 January.
        Assert.Equal(Vilnius(2027, 1, 5, 8), Calendar.AddWorkingDays(Vilnius(2026, 12, 31, 16, 30), 1));
        // Wednesday 22 December 2026 at 16:30 + 1 working day lands on the eve, moved to its 16:00 closing.
        Assert.Equal(Vilnius(2026, 12, 23, 16), Calendar.AddWorkingDays(Vilnius(2026, 12, 22, 16, 30), 1));
    }

    [Fact]
    public void An_eve_on_a_weekend_or_a_holiday_shortens_nothing()
    {
        // 31 October 2026 is a Saturday (eve of 1 November): closed anyway; Friday 30 October keeps its hours.
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 10, 31)));
        Assert.Null(Calendar.ClosingTime(new DateOnly(2026, 10, 31)));
        Assert.Equal(new TimeOnly(15, 45), Calendar.ClosingTime(new DateOnly(2026, 10, 30)));
        // 24 December is itself a holiday (eve of Christmas): no working time at all.
        Assert.Null(Calendar.ClosingTime(new DateOnly(2026, 12, 24)));
        // An ordinary Thursday keeps 17:00.
        Assert.Equal(new TimeOnly(17, 0), Calendar.ClosingTime(new DateOnly(2026, 12, 17)));
    }
}
