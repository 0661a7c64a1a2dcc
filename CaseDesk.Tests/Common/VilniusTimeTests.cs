using CaseDesk.Domain.Common;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.Common;

public sealed class VilniusTimeTests
{
    [Fact]
    public void Summer_time_is_three_hours_ahead_of_utc()
    {
        var local = VilniusTime.ToLocal(new DateTime(2026, 7, 15, 9, 30, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 7, 15, 12, 30, 0), local);
    }

    [Fact]
    public void Winter_time_is_two_hours_ahead_of_utc()
    {
        var local = VilniusTime.ToLocal(new DateTime(2026, 1, 15, 9, 30, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 1, 15, 11, 30, 0), local);
    }

    [Fact]
    public void The_clocks_go_forward_on_the_last_sunday_of_march_at_three_local()
    {
        // 29 March 2026, 01:00 UTC is 03:00 EET → 04:00 EEST.
        Assert.Equal(new DateTime(2026, 3, 29, 2, 59, 0), VilniusTime.ToLocal(new DateTime(2026, 3, 29, 0, 59, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2026, 3, 29, 4, 0, 0), VilniusTime.ToLocal(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Local_times_convert_back_to_the_same_instant()
    {
        Assert.Equal(new DateTime(2026, 7, 15, 9, 30, 0, DateTimeKind.Utc), VilniusTime.ToUtc(new DateTime(2026, 7, 15, 12, 30, 0)));
        Assert.Equal(new DateTime(2026, 1, 15, 9, 30, 0, DateTimeKind.Utc), VilniusTime.ToUtc(new DateTime(2026, 1, 15, 11, 30, 0)));
    }

    [Fact]
    public void Now_reads_the_given_clock()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 12, 31, 22, 15, 0, TimeSpan.Zero));

        Assert.Equal(new DateTime(2027, 1, 1, 0, 15, 0), VilniusTime.Now(clock));
    }
}
