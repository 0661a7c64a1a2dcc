using CaseDesk.App.Hosting;
using CaseDesk.Domain;
using CaseDesk.Domain.Data;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CaseDesk.Tests.ScaleOut;

/// <summary>
/// Periodic work once across nodes: two "nodes" (two service providers, each with its own <see cref="ClusterWork"/> and
/// node name) on one SQLite database file and one fake clock.
/// </summary>
public sealed class LeaseTests : IAsyncLifetime
{
    private const string Job = "test-job";
    private TestDatabase database = default!;
    private readonly List<ServiceProvider> nodes = [];

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var node in nodes)
            await node.DisposeAsync();
        await database.DisposeAsync();
    }

    private ClusterWork Node()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddCaseDeskDomain(database.ConnectionString);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(database.Clock));
        services.AddSingleton<ClusterNode>();
        services.AddSingleton<ClusterWork>();
        var provider = services.BuildServiceProvider();
        nodes.Add(provider);
        return provider.GetRequiredService<ClusterWork>();
    }

    private Task<Lease> LeaseAsync() => database.ReadAsync(db => db.Leases.AsNoTracking().SingleAsync(l => l.Name == Job));

    [Fact]
    public async Task Two_nodes_racing_for_the_same_period_run_it_exactly_once_and_the_next_period_once_again()
    {
        var (a, b) = (Node(), Node());
        var runs = new List<string>();
        Task<bool> Ask(ClusterWork node) => node.RunIfDueAsync(Job, TimeSpan.FromMinutes(1), async _ =>
        {
            lock (runs) runs.Add(node.NodeId);
            await Task.Delay(100);
        }, CancellationToken.None);

        for (var period = 1; period <= 5; period++)
        {
            var answers = await Task.WhenAll(Ask(a), Ask(b), Ask(b), Ask(a));
            Assert.Equal(1, answers.Count(ran => ran));
            Assert.Equal(period, runs.Count);
            // Asked again later in the same period, neither runs it.
            database.Clock.Advance(TimeSpan.FromSeconds(20));
            Assert.False(await Ask(a));
            Assert.False(await Ask(b));
            database.Clock.Advance(TimeSpan.FromSeconds(40));
        }
        var lease = await LeaseAsync();
        Assert.Null(lease.Holder);
        Assert.True(lease.DueAtUtc > database.Clock.UtcDateTime.AddMinutes(-1) && lease.DueAtUtc <= database.Clock.UtcDateTime.AddMinutes(1), $"{lease.DueAtUtc:O}");
    }

    [Fact]
    public async Task A_node_that_dies_holding_the_lease_blocks_the_work_only_until_the_lease_expires()
    {
        var b = Node();
        var lease = b.LeaseTime;
        // Node A claims this period's run and dies at once: it never renews and never gives the lease back.
        Assert.True(await database.ReadAsync(db => Leases.TryClaimDueAsync(db, Job, "node-a (died)", database.Clock.UtcDateTime, lease, default)));
        var ranOnB = 0;
        Task<bool> AskB() => b.RunIfDueAsync(Job, TimeSpan.FromHours(1), _ => { ranOnB++; return Task.CompletedTask; }, CancellationToken.None);

        Assert.False(await AskB());
        database.Clock.Advance(lease - TimeSpan.FromSeconds(1));
        Assert.False(await AskB());
        database.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.True(await AskB());
        Assert.Equal(1, ranOnB);
        Assert.False(await AskB()); // done for this period
        Assert.Null((await LeaseAsync()).Holder);
    }

    [Fact]
    public async Task A_working_node_renews_its_lease_so_no_other_node_takes_the_work_over_however_long_it_runs()
    {
        var (a, b) = (Node(), Node());
        var release = new TaskCompletionSource();
        var working = a.RunIfDueAsync(Job, TimeSpan.FromHours(1), _ => release.Task, CancellationToken.None);
        await Eventually.WaitForAsync(async () => Assert.Equal(a.NodeId, (await LeaseAsync()).Holder));

        for (var step = 0; step < 9; step++) // three lease times
        {
            database.Clock.Advance(a.RenewEvery);
            var now = database.Clock.UtcDateTime;
            // Renewed at this step (or, when the renewal timer started just after the last step, at that one).
            await Eventually.WaitForAsync(async () => Assert.True((await LeaseAsync()).ExpiresAtUtc >= now + a.LeaseTime - a.RenewEvery));
            Assert.False(await b.RunIfDueAsync(Job, TimeSpan.FromHours(1), _ => Task.CompletedTask, CancellationToken.None));
        }

        release.SetResult();
        Assert.True(await working);
        var done = await LeaseAsync();
        Assert.Null(done.Holder);
        Assert.Equal(Leases.NextPeriodStart(FakeClock.DefaultStart.UtcDateTime, TimeSpan.FromHours(1)), done.DueAtUtc);
    }
}
