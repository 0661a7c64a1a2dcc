using CaseDesk.Domain.Common;
using CaseDesk.Domain.Privacy;

namespace CaseDesk.App.Hosting;

/// <summary>
/// Once at start-up and then every <see cref="Interval"/> (default 6 hours; <c>Retention:IntervalHours</c>),
/// anonymizes records whose retention period has passed (<see cref="ApplyRetention"/>, as the system, so each
/// batch is one audited command). Batches repeat until a run finds nothing left. A failed run is logged and
/// retried at the next interval. Once per interval across all nodes (<see cref="ClusterWork"/>): a node started
/// in the middle of an interval that another node already swept does not sweep again.
/// </summary>
internal sealed class RetentionSweeper(ICaseDeskSender sender, ClusterWork cluster, TimeProvider clock, IConfiguration config,
    ILogger<RetentionSweeper> logger) : BackgroundService
{
    public const string LeaseName = "retention";

    private const int MaxBatchesPerRun = 200;

    public TimeSpan Interval => TimeSpan.FromHours(config.GetValue("Retention:IntervalHours", 6.0));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Retention:Enabled", true))
            return;
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await cluster.RunIfDueAsync(LeaseName, Interval, async ct =>
                {
                    var total = 0;
                    for (var batch = 0; batch < MaxBatchesPerRun; batch++)
                    {
                        var result = await sender.Send(new ApplyRetention(), Caller.System, ct);
                        total += result.Total;
                        if (result.Total == 0)
                            break;
                    }
                    if (total > 0)
                        logger.LogInformation("Retention anonymized {Count} expired records", total);
                }, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The retention run failed; it runs again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
