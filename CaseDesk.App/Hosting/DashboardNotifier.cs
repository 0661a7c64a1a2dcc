using System.Collections.Concurrent;
using System.Threading.Channels;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Dashboard;
using Microsoft.AspNetCore.SignalR;

namespace CaseDesk.App.Hosting;

/// <summary>
/// Turns the dashboard's change pulses into updates: raises <see cref="Updated"/> for the Blazor dashboards and
/// pushes fresh figures to every watched hub group. <see cref="DashboardTallies.Changed"/> fires on the committing
/// thread, so it only drops the pulse into a one-slot channel: a burst of commits coalesces into one pending pulse
/// behind the one being pushed, with no added delay. Once a minute it ticks the tallies, because open clocks turn
/// at risk and breached with time alone.
/// </summary>
public sealed class DashboardNotifier(DashboardTallies tallies, DashboardUpdates updates, ICaseDeskSender sender, IHubContext<DashboardHub> hub,
    DashboardWatchers watchers, TimeProvider clock, ILogger<DashboardNotifier> logger) : BackgroundService
{
    public static readonly TimeSpan TickInterval = TimeSpan.FromMinutes(1);

    private readonly Channel<DashboardPulse> pulses = Channel.CreateBounded<DashboardPulse>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        tallies.Changed += OnChanged;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        tallies.Changed -= OnChanged;
        await base.StopAsync(cancellationToken);
    }

    private void OnChanged(DashboardPulse pulse) => pulses.Writer.TryWrite(pulse);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken) =>
        await Task.WhenAll(WarmUpAsync(stoppingToken), PushAsync(stoppingToken), TickAsync(stoppingToken));

    /// <summary>
    /// Loads the finished-clock tallies once at start (seconds on a large history), so the first head to open the
    /// dashboard does not wait for it. Through GetDashboard as the system, like every other read of the figures.
    /// </summary>
    private async Task WarmUpAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await sender.Send(new GetDashboard(DashboardScope.Department, DashboardWindow.Today), Caller.System, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Loading the dashboard figures at start failed; the first dashboard opened loads them");
        }
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TickInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            tallies.Tick();
    }

    private async Task PushAsync(CancellationToken stoppingToken)
    {
        await foreach (var pulse in pulses.Reader.ReadAllAsync(stoppingToken))
        {
            updates.Raise(pulse);
            try
            {
                await Task.WhenAll(watchers.Watched().Select(watch => PushToGroupAsync(watch, pulse, stoppingToken)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Pushing dashboard figures for change {Sequence} failed; the next change pushes again", pulse.Sequence);
            }
        }
    }

    private async Task PushToGroupAsync(DashboardWatch watch, DashboardPulse pulse, CancellationToken ct)
    {
        // One computation per group and change (the figure cache shares it with the Blazor dashboards).
        var figures = await sender.Send(new GetDashboard(watch.Scope, watch.Window), Caller.System, ct);
        await hub.Clients.Group(watchers.GroupOf(watch)).SendAsync(DashboardHub.FiguresMessage, new DashboardPush(pulse.Sequence, pulse.CommittedAtUtc, figures), ct);
    }
}

/// <summary>What the hub sends: the figures and the commit that caused them (ISO-8601 UTC, full precision, for latency measurement).</summary>
public sealed record DashboardPush(long Sequence, DateTime CommittedAtUtc, DashboardFigures Figures);

/// <summary>One watched (scope, window) pair.</summary>
public sealed record DashboardWatch(DashboardScope Scope, DashboardWindow Window);

/// <summary>
/// Which hub connections watch which figures, so a change is computed only for the groups someone watches. The groups
/// are this node's own (named after it): with the Redis backplane a group spans nodes, and each node pushes its own
/// figures, with its own sequence, to its own connections, so no dashboard gets a change twice (ADR 0011).
/// </summary>
public sealed class DashboardWatchers(ClusterNode node)
{
    public string GroupOf(DashboardWatch watch) => $"dashboard|{node.Id}|{watch.Scope}|{(int)watch.Window}";

    private readonly ConcurrentDictionary<string, DashboardWatch> byConnection = new();

    /// <summary>Records the connection's watch and returns the one it replaces, if any.</summary>
    public DashboardWatch? Watch(string connectionId, DashboardWatch watch)
    {
        DashboardWatch? previous = null;
        byConnection.AddOrUpdate(connectionId, watch, (_, old) =>
        {
            previous = old;
            return watch;
        });
        return previous == watch ? null : previous;
    }

    public DashboardWatch? Forget(string connectionId) => byConnection.TryRemove(connectionId, out var watch) ? watch : null;

    public IReadOnlyCollection<DashboardWatch> Watched() => byConnection.Values.Distinct().ToList();

    public int Connections => byConnection.Count;
}

/// <summary>
/// The in-process side of the live dashboards: Blazor dashboard components subscribe (and unsubscribe on dispose);
/// <see cref="DashboardNotifier"/> raises it once per coalesced change, off the committing thread.
/// </summary>
public sealed class DashboardUpdates(ILogger<DashboardUpdates> logger)
{
    /// <summary>Handlers must not block: re-query and re-render through InvokeAsync.</summary>
    public event Action<DashboardPulse>? Updated;

    /// <summary>The last change raised, if any.</summary>
    public DashboardPulse? Last { get; private set; }

    public void Raise(DashboardPulse pulse)
    {
        Last = pulse;
        foreach (var handler in Updated?.GetInvocationList().Cast<Action<DashboardPulse>>() ?? [])
        {
            try
            {
                handler(pulse);
            }
            catch (Exception e)
            {
                // One broken circuit must not keep the others from updating.
                logger.LogError(e, "A dashboard listener failed on change {Sequence}", pulse.Sequence);
            }
        }
    }
}
