using CaseDesk.Domain.Data;

namespace CaseDesk.App.Hosting;

/// <summary>This running process among the app nodes on one database: a name no other node, nor a restart of this one, shares.</summary>
public sealed class ClusterNode
{
    public string Id { get; } = $"{Environment.MachineName[..Math.Min(Environment.MachineName.Length, 64)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";
}

/// <summary>
/// Periodic and one-off work that must run once across all app nodes (docs/decisions/0011): a <see cref="Lease"/>
/// row per job in the database. Each node's timer asks; the first to ask in a period takes the lease, runs the work,
/// renews the lease every <see cref="RenewEvery"/> while it works, then gives it back with the next period's due
/// time, so the other nodes find nothing due. A node that dies mid-job stops renewing: after
/// <see cref="LeaseTime"/> the next node to ask runs the job again (the jobs are idempotent commands).
/// </summary>
public sealed class ClusterWork(IServiceScopeFactory scopes, TimeProvider clock, ClusterNode node, ILogger<ClusterWork> logger)
{
    public TimeSpan LeaseTime { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan RenewEvery => LeaseTime / 3;

    public string NodeId => node.Id;

    /// <summary>Runs <paramref name="work"/> when this period's run of <paramref name="name"/> is due and no other node has it; true when it ran.</summary>
    public async Task<bool> RunIfDueAsync(string name, TimeSpan period, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        var claimedAt = clock.GetUtcNow().UtcDateTime;
        if (!await InDatabaseAsync(db => Leases.TryClaimDueAsync(db, name, node.Id, claimedAt, LeaseTime, ct)))
            return false;
        await RunHoldingAsync(name, work, Leases.NextPeriodStart(claimedAt, period), ct);
        return true;
    }

    /// <summary>Waits until no other node holds <paramref name="name"/>, then runs <paramref name="work"/> holding it (start-up seeding).</summary>
    public async Task RunExclusiveAsync(string name, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        while (!await InDatabaseAsync(db => Leases.TryClaimAsync(db, name, node.Id, clock.GetUtcNow().UtcDateTime, LeaseTime, ct)))
            await Task.Delay(TimeSpan.FromMilliseconds(250), clock, ct);
        await RunHoldingAsync(name, work, nextDue: null, ct);
    }

    private async Task RunHoldingAsync(string name, Func<CancellationToken, Task> work, DateTime? nextDue, CancellationToken ct)
    {
        using var working = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = RenewAsync(name, working.Token);
        try
        {
            await work(ct);
        }
        finally
        {
            await working.CancelAsync();
            await renewing;
            // Given back even when the work failed: a failed run is retried in the next period, as on one node.
            await InDatabaseAsync(db => Leases.ReleaseAsync(db, name, node.Id, clock.GetUtcNow().UtcDateTime, nextDue, CancellationToken.None));
        }
    }

    private async Task RenewAsync(string name, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(RenewEvery, clock, ct);
                if (!await InDatabaseAsync(db => Leases.RenewAsync(db, name, node.Id, clock.GetUtcNow().UtcDateTime, LeaseTime, ct)))
                    logger.LogWarning("The lease on {Work} expired before it was renewed; another node may run it too", name);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Renewing the lease on {Work} failed; another node takes it over once it expires", name);
        }
    }

    private async Task<T> InDatabaseAsync<T>(Func<CaseDeskDb, Task<T>> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CaseDeskDb>());
    }
}
