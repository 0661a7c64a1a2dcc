using System.Text.Json;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Public;

/// <summary>
/// The published service times as last computed (null before the first computation). Public: run by the website for anonymous
/// visitors as <see cref="Caller.Public"/>. Reads one stored snapshot, at most once per <see cref="PublicTimesCache.MaxAge"/>
/// on a node, so visitors cannot make the database count anything.
/// </summary>
[PublicRequest]
public sealed record GetPublicTimes : IQuery<PublicTimes?>;

internal sealed class GetPublicTimesHandler(CaseDeskDb db, PublicTimesCache cache, TimeProvider clock) : IRequestHandler<GetPublicTimes, PublicTimes?>
{
    public async Task<PublicTimes?> Handle(GetPublicTimes request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (cache.Get(now) is { } cached)
            return cached.Times;
        var json = await db.PublicTimesSnapshots.AsNoTracking().OrderByDescending(s => s.ComputedAtUtc).Select(s => s.Figures).FirstOrDefaultAsync(ct);
        var times = json is null ? null : JsonSerializer.Deserialize<PublicTimes>(json, PublicTimesCount.Json);
        cache.Set(times, now);
        return times;
    }
}

/// <summary>The last snapshot read on this node, kept for a minute (a fresh snapshot shows within that minute).</summary>
public sealed class PublicTimesCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    public sealed record Entry(PublicTimes? Times, DateTime ReadAtUtc);

    private volatile Entry? entry;

    public Entry? Get(DateTime nowUtc) => entry is { } e && nowUtc - e.ReadAtUtc < MaxAge && nowUtc >= e.ReadAtUtc ? e : null;

    public void Set(PublicTimes? times, DateTime nowUtc) => entry = new Entry(times, nowUtc);

    /// <summary>After a refresh on this node: the next read takes the new snapshot.</summary>
    public void Clear() => entry = null;
}
