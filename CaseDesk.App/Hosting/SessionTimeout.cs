using System.Collections.Concurrent;

namespace CaseDesk.App.Hosting;

/// <summary>
/// Sign-out after inactivity. The sign-in cookie expires <see cref="IdleTimeout"/> after the last request
/// (sliding). A Blazor circuit makes no HTTP requests while someone works in it, so the page pings
/// <c>/account/keepalive</c> (at most once a minute, only after a key press, click or scroll): that renews
/// the cookie and records the user's activity here. The circuit's revalidation ends an open circuit whose
/// user has been idle longer than the timeout, so an unattended screen closes even if its script is gone.
/// </summary>
public sealed class SessionActivity(TimeProvider clock)
{
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, DateTime> lastSeen = new();

    public TimeSpan IdleTimeout { get; init; } = DefaultIdleTimeout;

    public void Touch(string userId) => lastSeen[userId] = clock.GetUtcNow().UtcDateTime;

    /// <summary>How long the user has been idle; a user not seen since this process started counts from now.</summary>
    public TimeSpan IdleFor(string userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now - lastSeen.GetOrAdd(userId, now);
    }

    public bool HasExpired(string userId) => IdleFor(userId) > IdleTimeout;
}
