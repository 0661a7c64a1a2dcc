using System.Text.Json;
using System.Text.Json.Serialization;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Dashboard;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Reference;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Public;

/// <summary>
/// Computes the published service times (docs/public.md) and stores them as the one current snapshot. Run by the system only:
/// once a day across the nodes and at start-up (PublicTimesRefresher), so no visitor's request ever reads the clocks.
/// The figures come from the finished commitment clocks as the head's dashboard counts them (<see cref="FinishedClock"/>,
/// <see cref="DurationBuckets"/>, <see cref="MetShare"/>) and, for the service start, the clocks' working calendar.
/// </summary>
[SystemOnly]
public sealed record RefreshPublicTimes : ICommand<Guid>;

internal sealed class RefreshPublicTimesHandler(CaseDeskDb db, ClockBook book, PublicTimesCache cache, TimeProvider clock) : IRequestHandler<RefreshPublicTimes, Guid>
{
    public async Task<Guid> Handle(RefreshPublicTimes request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var times = await PublicTimesCount.ComputeAsync(db, book, now, ct);
        var old = await db.PublicTimesSnapshots.ToListAsync(ct);
        db.PublicTimesSnapshots.RemoveRange(old);
        var snapshot = new PublicTimesSnapshot(Guid.CreateVersion7(), now, JsonSerializer.Serialize(times, PublicTimesCount.Json));
        db.PublicTimesSnapshots.Add(snapshot);
        await db.SaveChangesAsync(ct);
        cache.Clear();
        return snapshot.Id;
    }
}

/// <summary>The count behind the published times (docs/public.md).</summary>
public static class PublicTimesCount
{
    /// <summary>The clocks that time an answer to something the client asked: call-back, e-mail reply, information letter, a visit time agreed, a complaint acknowledged.</summary>
    public static readonly IReadOnlyList<ClockKind> AnswerKinds =
        [ClockKind.CallBack, ClockKind.EmailReply, ClockKind.InformationLetter, ClockKind.VisitAgreed, ClockKind.ComplaintAcknowledged];

    /// <summary>The open-ended last bucket's percentile is infinite, which plain JSON cannot hold.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The first day of the period (Vilnius) and its start as an instant.</summary>
    public static DateTime PeriodStartUtc(DateTime nowUtc) =>
        VilniusTime.ToUtc(DateOnly.FromDateTime(VilniusTime.ToLocal(nowUtc)).AddDays(-(PublicTimes.Days - 1)).ToDateTime(TimeOnly.MinValue));

    private sealed record Finished(FinishedClock Clock, Guid? CaseId, string? ServiceKey, string? Service, bool FirstAnswerOfCase);

    private sealed record Started(Guid CaseId, string ServiceKey, string Service, double WorkingMinutes);

    public static async Task<PublicTimes> ComputeAsync(CaseDeskDb db, ClockBook book, DateTime now, CancellationToken ct)
    {
        var since = PeriodStartUtc(now);
        var calendar = await book.CalendarAsync(ct);
        var answerKinds = AnswerKinds.ToArray();

        // Finished clocks stopped in the period, each with its case's service; an answer clock is the case's first when no answer clock of the case started earlier.
        var rows = await (
                from c in db.ResponseClocks.AsNoTracking()
                where (c.State == ClockState.Met || c.State == ClockState.Missed) && c.StoppedAtUtc >= since && c.StoppedAtUtc <= now
                join k in db.Cases.AsNoTracking() on c.CaseId equals (Guid?)k.Id into cases
                from k in cases.DefaultIfEmpty()
                select new
                {
                    Clock = c,
                    ServiceKey = k == null ? null : k.ServiceKey,
                    Service = k == null ? null : k.ServiceRequested,
                    First = c.CaseId != null && answerKinds.Contains(c.Kind) && !db.ResponseClocks.Any(o => o.CaseId == c.CaseId
                        && answerKinds.Contains(o.Kind) && o.State != ClockState.Cancelled && o.StartedAtUtc < c.StartedAtUtc),
                })
            .ToListAsync(ct);
        var finished = rows.Select(r => new Finished(FinishedClock.From(r.Clock)!, r.Clock.CaseId, r.ServiceKey, r.Service, r.First)).ToList();
        // Two answer clocks of a case started at the same instant: one is its first answer.
        var firstAnswers = finished.Where(f => f.FirstAnswerOfCase).GroupBy(f => f.CaseId).Select(g => g.First()).ToList();

        var starts = (await db.Cases.AsNoTracking()
                .Where(k => k.ServiceStartedAtUtc >= since && k.ServiceStartedAtUtc <= now)
                .Select(k => new { k.Id, k.ServiceKey, k.ServiceRequested, k.OpenedAtUtc, k.ServiceStartedAtUtc })
                .ToListAsync(ct))
            .Select(k => new Started(k.Id, k.ServiceKey, k.ServiceRequested, calendar.WorkingMinutesBetween(k.OpenedAtUtc, k.ServiceStartedAtUtc!.Value)))
            .ToList();

        var withCase = finished.Where(f => f.ServiceKey is not null).ToList();
        var all = Service("", firstAnswers, starts, withCase);
        var services = new List<PublicServiceTimes>();
        var notShown = 0;
        foreach (var key in withCase.Select(f => f.ServiceKey!).Concat(starts.Select(s => s.ServiceKey)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var name = withCase.Where(f => f.ServiceKey == key).Select(f => f.Service!).Concat(starts.Where(s => s.ServiceKey == key).Select(s => s.Service))
                .GroupBy(n => n, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            var figures = Service(name, firstAnswers.Where(f => f.ServiceKey == key), starts.Where(s => s.ServiceKey == key), withCase.Where(f => f.ServiceKey == key));
            // A service asked for by fewer cases is not even named: its free-text name could point to a person.
            if (figures.Cases >= PublicTimes.Minimum)
                services.Add(figures);
            else
                notShown++;
        }

        var standard = await new GetStandardHandler(db).Handle(new GetStandard(), ct);
        var touchpoints = standard.Touchpoints.Select(t => new PublicTouchpointTimes(t.Number,
                Duration(finished.Where(f => f.Clock.Touchpoint == t.Number && AnswerKinds.Contains(f.Clock.Kind)).Select(f => f.Clock.ActualMinutes)),
                Share(finished.Where(f => f.Clock.Touchpoint == t.Number).ToList(), byCases: false)))
            .ToList();
        var targets = new List<PublicTarget>();
        foreach (var kind in Enum.GetValues<ClockKind>())
        {
            var target = await book.TargetAtAsync(kind, now, ct);
            targets.Add(new PublicTarget(kind, target.Minutes, target.Unit, target.Commitment, target.Touchpoint));
        }

        return new PublicTimes(since, now, now, PublicTimes.Minimum, all,
            services.OrderBy(s => s.Service, StringComparer.CurrentCulture).ToList(), notShown, touchpoints, targets,
            standard.Touchpoints, standard.Commitments);
    }

    private static PublicServiceTimes Service(string name, IEnumerable<Finished> firstAnswers, IEnumerable<Started> starts, IEnumerable<Finished> clocks)
    {
        var answers = firstAnswers.ToList();
        var started = starts.ToList();
        var measured = clocks.ToList();
        var cases = answers.Select(a => a.CaseId!.Value).Concat(started.Select(s => s.CaseId)).Concat(measured.Select(m => m.CaseId!.Value)).Distinct().Count();
        return new PublicServiceTimes(name, cases, Duration(answers.Select(a => a.Clock.ActualMinutes)), Duration(started.Select(s => s.WorkingMinutes)),
            Share(measured, byCases: true));
    }

    /// <summary>The dashboard's percentiles: the durations counted into its buckets, the nearest rank read back as the bucket's upper edge.</summary>
    private static PublicDuration Duration(IEnumerable<double> minutes)
    {
        var buckets = new int[DurationBuckets.Count];
        var count = 0;
        foreach (var m in minutes)
        {
            buckets[DurationBuckets.Of(m)]++;
            count++;
        }
        return count < PublicTimes.Minimum
            ? new PublicDuration(count, null, null)
            : new PublicDuration(count, DurationBuckets.Percentile(buckets, 0.5), DurationBuckets.Percentile(buckets, 0.9));
    }

    /// <summary>The dashboard's share met; for a service the minimum is on the cases the commitments belong to, for a touchpoint on the commitments.</summary>
    private static PublicShare Share(IReadOnlyList<Finished> clocks, bool byCases)
    {
        var share = new MetShare(clocks.Count(c => c.Clock.Met), clocks.Count(c => !c.Clock.Met));
        var cases = clocks.Where(c => c.CaseId is not null).Select(c => c.CaseId).Distinct().Count();
        var enough = (byCases ? cases : share.Count) >= PublicTimes.Minimum;
        return new PublicShare(share.Count, cases, enough ? share.Share : null);
    }
}
