using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Dashboard;

/// <summary>
/// How long a finished clock took, in the clock's own minutes (working minutes for working-day targets), in bands a
/// person reads at a glance. Each band's edges are edges of <see cref="DurationBuckets"/>, so the bands are summed from the tallies exactly.
/// </summary>
public enum ResponseBand
{
    UpToAnHour = 1,
    UpToFourHours = 2,
    UpToAWorkingDay = 3,
    UpToThreeWorkingDays = 4,
    Longer = 5,
}

public static class ResponseBands
{
    /// <summary>The band's minutes: above <c>From</c> (none for the first band), up to and including <c>To</c> (none for the last).</summary>
    public static (double? From, double? To) Edges(ResponseBand band) => band switch
    {
        ResponseBand.UpToAnHour => (null, 60),
        ResponseBand.UpToFourHours => (60, 240),
        ResponseBand.UpToAWorkingDay => (240, WorkingCalendar.MinutesPerWorkingDay),
        ResponseBand.UpToThreeWorkingDays => (WorkingCalendar.MinutesPerWorkingDay, 3 * WorkingCalendar.MinutesPerWorkingDay),
        _ => (3 * WorkingCalendar.MinutesPerWorkingDay, null),
    };

    public static ResponseBand Of(double minutes) =>
        Enum.GetValues<ResponseBand>().First(b => Edges(b).To is not { } to || Math.Ceiling(minutes) <= to);

    /// <summary>Finished clocks whose time falls in the band (the same rounding as the buckets: whole minutes, up).</summary>
    public static IQueryable<ResponseClock> Within(IQueryable<ResponseClock> clocks, ResponseBand band)
    {
        var (from, to) = Edges(band);
        if (from is { } above) clocks = clocks.Where(c => (c.ActualMinutes ?? 0) > above);
        if (to is { } upTo) clocks = clocks.Where(c => (c.ActualMinutes ?? 0) <= upTo);
        return clocks;
    }
}

/// <summary>
/// The figures behind the dashboard's charts (aggregates only: no client is named): attainment per commitment over the last
/// 30 days, the response-time distribution per channel over the chosen window, and open complaints by stage and age.
/// Each count is what <see cref="GetDashboardDetails"/> lists for the same filters.
/// </summary>
[AllowedRoles(Roles.Head, Roles.QualityOfficer)]
public sealed record GetDashboardCharts(DashboardScope Scope, DashboardWindow Window) : IQuery<DashboardCharts>;

public sealed record DashboardCharts(
    IReadOnlyList<CommitmentFigure> AttainmentLast30Days,
    IReadOnlyList<ResponseDistribution> ResponseTimes,
    IReadOnlyList<StageAgeFigure> OpenComplaints);

/// <summary>Finished clocks of one channel per response band, in <see cref="ResponseBand"/> order.</summary>
public sealed record ResponseDistribution(ClockKind Kind, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();
}

/// <summary>Open complaints at one stage per age band, in <see cref="ComplaintAgeBand"/> order.</summary>
public sealed record StageAgeFigure(ComplaintStage Stage, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();
}

public sealed class GetDashboardChartsValidator : AbstractValidator<GetDashboardCharts>
{
    public GetDashboardChartsValidator()
    {
        RuleFor(q => q.Scope).NotNull();
        RuleFor(q => q.Window).IsInEnum();
        RuleFor(q => q.Scope.OwnerUserId).MaximumLength(100).When(q => q.Scope is not null);
        RuleFor(q => q.Scope.OwnerUserId).SingleLine().When(q => q.Scope is not null);
    }
}

internal sealed class GetDashboardChartsHandler(CaseDeskDb db, DashboardTallies tallies, TimeProvider clock)
    : IRequestHandler<GetDashboardCharts, DashboardCharts>
{
    public async Task<DashboardCharts> Handle(GetDashboardCharts q, CancellationToken ct)
    {
        await tallies.EnsureLoadedAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        var month = tallies.Read(q.Scope, DashboardWindow.Last30Days);
        var attainment = month.ByCommitment.Where(c => c.Value.Met + c.Value.Missed > 0)
            .Select(c => new CommitmentFigure(c.Key, new MetShare(c.Value.Met, c.Value.Missed)))
            .OrderBy(c => DashboardFigureBuilder.RomanOrder(c.Commitment)).ToList();

        var window = tallies.Read(q.Scope, q.Window);
        var bands = Enum.GetValues<ResponseBand>();
        var distribution = DashboardChannels.ResponseTimes.Select(kind =>
        {
            var counts = new int[bands.Length];
            if (window.ByKind.TryGetValue(kind, out var tally))
                for (var bucket = 0; bucket < tally.Buckets.Length; bucket++)
                    counts[(int)ResponseBands.Of(DurationBuckets.UpperEdge(bucket) is var edge && double.IsPositiveInfinity(edge) ? double.MaxValue : edge) - 1]
                        += tally.Buckets[bucket];
            return new ResponseDistribution(kind, counts);
        }).ToList();

        var complaints = await DashboardFigureBuilder.OpenComplaints(db, q.Scope).Select(c => new { c.Stage, c.RegisteredAtUtc }).ToListAsync(ct);
        var ages = Enum.GetValues<ComplaintAgeBand>();
        var byStage = complaints.GroupBy(c => c.Stage).OrderBy(g => g.Key)
            .Select(g => new StageAgeFigure(g.Key, ages.Select(band => g.Count(c => DashboardFigureBuilder.AgeBand(c.RegisteredAtUtc, now) == band)).ToList()))
            .ToList();

        return new DashboardCharts(attainment, distribution, byStage);
    }
}
