using CaseDesk.Domain.Common;

namespace CaseDesk.Tests.Support;

/// <summary>
/// A clock that stands still until the test moves it (Microsoft.Extensions.TimeProvider.Testing
/// is not on the feed). Timers created through it are real ones; only "now" is faked.
/// </summary>
public sealed class FakeClock(DateTimeOffset utcNow) : TimeProvider
{
    /// <summary>A Monday morning in winter time, so Vilnius is UTC+2.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 8, 30, 0, TimeSpan.Zero);

    private readonly Lock gate = new();
    private DateTimeOffset now = utcNow.ToUniversalTime();

    public FakeClock() : this(DefaultStart) { }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate) return now;
    }

    public override TimeZoneInfo LocalTimeZone => VilniusTime.Zone;

    /// <summary>The current instant as the domain stores it (a UTC <see cref="DateTime"/>).</summary>
    public DateTime UtcDateTime => GetUtcNow().UtcDateTime;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (gate) now += by;
    }

    public void SetUtcNow(DateTimeOffset value)
    {
        lock (gate) now = value.ToUniversalTime();
    }
}
