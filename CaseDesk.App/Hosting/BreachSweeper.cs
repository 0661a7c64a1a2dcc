using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;

namespace CaseDesk.App.Hosting;

/// <summary>
/// Every minute, tells heads about newly breached commitments (<see cref="NotifyBreaches"/>, as the
/// system, so the run is audited like any command). A failed run is logged and retried next minute.
/// Once a minute across all nodes (<see cref="ClusterWork"/>): the first node to ask in a minute runs it.
/// </summary>
internal sealed class BreachSweeper(ICaseDeskSender sender, ClusterWork cluster, TimeProvider clock, ILogger<BreachSweeper> logger) : BackgroundService
{
    public const string LeaseName = "breach-notices";
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await cluster.RunIfDueAsync(LeaseName, Interval, async ct =>
                {
                    var reported = await sender.Send(new NotifyBreaches(), Caller.System, ct);
                    if (reported > 0)
                        logger.LogInformation("Reported {Count} newly breached clocks to heads", reported);
                }, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The breach sweep failed; it runs again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
