using CaseDesk.Domain.Common;
using CaseDesk.Domain.Public;

namespace CaseDesk.App.Hosting;

/// <summary>
/// Computes the published service times (<see cref="RefreshPublicTimes"/>, as the system, so the run is audited) once a day across
/// all nodes (<see cref="ClusterWork"/>, the day's period starting at midnight UTC) and at the first start of a new database, so the
/// public page only ever reads the stored snapshot (docs/public.md). Asks every hour; a failed run is logged and retried then.
/// </summary>
internal sealed class PublicTimesRefresher(ICaseDeskSender sender, ClusterWork cluster, TimeProvider clock, ILogger<PublicTimesRefresher> logger)
    : BackgroundService
{
    public const string LeaseName = "public-times";
    public static readonly TimeSpan Period = TimeSpan.FromDays(1);
    public static readonly TimeSpan AskEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(AskEvery, clock);
        do
        {
            try
            {
                if (await cluster.RunIfDueAsync(LeaseName, Period, ct => sender.Send(new RefreshPublicTimes(), Caller.System, ct), stoppingToken))
                    logger.LogInformation("Published service times computed");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Computing the published service times failed; it is tried again in {Interval}", AskEvery);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
