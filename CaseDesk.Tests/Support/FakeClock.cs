using CaseDesk.Domain.Common;
using Microsoft.Extensions.Time.Testing;

namespace CaseDesk.Tests.Support;

/// <summary>
/// <see cref="FakeTimeProvider"/> in Vilnius, starting on a fixed Monday unless told otherwise; "now" and timers
/// move only when the test calls <see cref="FakeTimeProvider.Advance"/> or <see cref="FakeTimeProvider.SetUtcNow"/>.
/// </summary>
public sealed class FakeClock : FakeTimeProvider
{
    /// <summary>A Monday morning in winter time, so Vilnius is UTC+2.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 8, 30, 0, TimeSpan.Zero);

    public FakeClock() : this(DefaultStart) { }

    public FakeClock(DateTimeOffset utcNow) : base(utcNow.ToUniversalTime()) => SetLocalTimeZone(VilniusTime.Zone);

    /// <summary>The current instant as the domain stores it (a UTC <see cref="DateTime"/>).</summary>
    public DateTime UtcDateTime => GetUtcNow().UtcDateTime;
}
