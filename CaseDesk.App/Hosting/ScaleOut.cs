using System.Text.Json;
using System.Threading.Channels;
using CaseDesk.Domain.Dashboard;
using CaseDesk.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace CaseDesk.App.Hosting;

/// <summary>
/// Several app nodes on one database (docs/decisions/0011). <c>Redis:Configuration</c> (a StackExchange.Redis
/// configuration string such as <c>redis1:6379</c>) turns on the SignalR Redis backplane for every hub and the sharing
/// of the dashboard tallies; <c>Cluster:Nodes</c> states how many nodes run. Either one makes this a multi-node set-up,
/// which needs the key ring in the database (<see cref="KeyRing"/>).
/// </summary>
public static class ScaleOut
{
    public static string? RedisConfiguration(IConfiguration config) =>
        config["Redis:Configuration"] is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    public static bool IsMultiNode(IConfiguration config) =>
        RedisConfiguration(config) is not null || config.GetValue<int?>("Cluster:Nodes") > 1;

    /// <summary>What makes this set-up multi-node, for start-up messages.</summary>
    public static string MultiNodeReason(IConfiguration config) =>
        RedisConfiguration(config) is not null ? "Redis:Configuration is set" : $"Cluster:Nodes is {config["Cluster:Nodes"]}";

    public static void AddCaseDeskScaleOut(this IServiceCollection services, IConfiguration config, Microsoft.AspNetCore.SignalR.ISignalRServerBuilder signalR)
    {
        services.AddSingleton<ClusterNode>();
        services.AddSingleton<ClusterWork>();
        if (RedisConfiguration(config) is not { } redisConfiguration)
            return;
        var redis = new RedisConnection(redisConfiguration);
        services.AddSingleton(redis);
        signalR.AddStackExchangeRedis(options =>
        {
            options.Configuration.ChannelPrefix = RedisChannel.Literal("CaseDesk");
            // One connection for the backplane and the dashboard channel.
            options.ConnectionFactory = async _ => await redis.GetAsync();
        });
        services.AddSingleton<DashboardShare>();
        // Before the dashboard notifier: the channel is subscribed before the first load of the tallies.
        services.AddHostedService(provider => provider.GetRequiredService<DashboardShare>());
    }

    /// <summary>Before the server listens: Redis answers (or start-up stops saying what to fix).</summary>
    public static async Task CheckRedisAsync(IServiceProvider services)
    {
        if (services.GetService<RedisConnection>() is { } redis)
            await redis.GetAsync();
    }
}

/// <summary>The one Redis connection of this node, made on first use; an unreachable Redis stops start-up with what to fix.</summary>
public sealed class RedisConnection(string configuration) : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> connection = new(() => ConnectAsync(configuration));

    public Task<IConnectionMultiplexer> GetAsync() => connection.Value;

    private static async Task<IConnectionMultiplexer> ConnectAsync(string configuration)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Redis:Configuration is not a valid Redis configuration string: {e.Message} " +
                "Write it as host:port (e.g. \"redis1:6379\"), or remove it to run as one node.", e);
        }
        options.AbortOnConnectFail = true;
        try
        {
            return await ConnectionMultiplexer.ConnectAsync(options);
        }
        catch (RedisConnectionException e)
        {
            throw new InvalidOperationException($"Redis:Configuration is set to \"{options.ToString(includePassword: false)}\" but Redis does not answer " +
                $"there ({e.FailureType}). Start Redis, correct Redis:Configuration, or remove it to run as one node.", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection.IsValueCreated && connection.Value.IsCompletedSuccessfully)
            await connection.Value.Result.DisposeAsync();
    }
}

/// <summary>
/// Keeps this node's dashboard tallies right when other nodes commit (docs/decisions/0011). Every committed change that
/// moved the dashboard goes to the Redis channel with this node's name and its count of finished-clock changes; the
/// changes of the other nodes are applied as they arrive, in each node's order. A change that is lost (a gap in a
/// node's count) or a reconnection to Redis (a restart loses whatever was sent meanwhile) makes this node reload its
/// tallies from the database, in one snapshot with every node's count, so nothing is counted twice or missed.
/// </summary>
public sealed class DashboardShare(RedisConnection redis, DashboardTallies tallies, ClusterNode node, IServiceScopeFactory scopes,
    TimeProvider clock, ILogger<DashboardShare> logger) : BackgroundService, IDashboardShare
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("CaseDesk:dashboard-changes");
    private static readonly TimeSpan ForgetNodesAfter = TimeSpan.FromDays(DashboardTallies.DaysKept + 10);

    private readonly Channel<DashboardNodeChange> outbox = System.Threading.Channels.Channel.CreateUnbounded<DashboardNodeChange>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<string> reloads = System.Threading.Channels.Channel.CreateBounded<string>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private IConnectionMultiplexer? connection;
    private ChannelMessageQueue? inbox;

    public string Node => node.Id;

    /// <summary>How many reloads this node has done (for tests and logs).</summary>
    public int Reloads { get; private set; }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        connection = await redis.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
            var forgotten = now - ForgetNodesAfter;
            await db.DashboardNodeMarks.Where(m => m.UpdatedAtUtc < forgotten).ExecuteDeleteAsync(cancellationToken);
            db.DashboardNodeMarks.Add(new DashboardNodeMark(node.Id, now));
            await db.SaveChangesAsync(cancellationToken);
        }
        // Subscribed before the tallies are shared and loaded, so every change committed after the load is received.
        inbox = await connection.GetSubscriber().SubscribeAsync(Channel);
        connection.ConnectionRestored += OnConnectionRestored;
        tallies.ShareAcrossNodes(this);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (connection is not null)
            connection.ConnectionRestored -= OnConnectionRestored;
        await base.StopAsync(cancellationToken);
        if (inbox is not null)
            await inbox.UnsubscribeAsync();
    }

    public async Task CountAsync(CaseDeskDb db, long sequence, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.DashboardNodeMarks.Where(m => m.Node == node.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Sequence, sequence).SetProperty(m => m.UpdatedAtUtc, now), ct);
        if (updated != 1)
            throw new InvalidOperationException($"This node's dashboard mark ({node.Id}) is missing from the database.");
    }

    public void Publish(DashboardNodeChange change) => outbox.Writer.TryWrite(change);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(SendAsync(stoppingToken), ReceiveAsync(stoppingToken), ReloadAsync(stoppingToken));

    private async Task SendAsync(CancellationToken ct)
    {
        var subscriber = connection!.GetSubscriber();
        await foreach (var change in outbox.Reader.ReadAllAsync(ct))
        {
            try
            {
                await subscriber.PublishAsync(Channel, JsonSerializer.Serialize(change));
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // The other nodes see the gap in this node's count (or reconnect) and reload from the database.
                logger.LogWarning(e, "Publishing dashboard change {Sequence} failed; the other nodes reload their tallies", change.Sequence);
            }
        }
    }

    private async Task ReceiveAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var message = await inbox!.ReadAsync(ct);
            try
            {
                var change = JsonSerializer.Deserialize<DashboardNodeChange>(message.Message.ToString());
                if (change is null || change.Node == node.Id)
                    continue;
                if (!await tallies.ApplyFromNodeAsync(change, ct))
                    RequestReload($"a change of node {change.Node} before number {change.Sequence} did not arrive");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "A dashboard change from another node could not be applied; reloading the tallies");
                RequestReload("a change could not be applied");
            }
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        RequestReload($"the {e.ConnectionType} connection to Redis was restored");
        // The others learn this node's count, so one that lost this node's changes meanwhile sees the gap.
        Publish(new DashboardNodeChange(node.Id, tallies.CountedChanges, clock.GetUtcNow().UtcDateTime, []));
    }

    private void RequestReload(string why)
    {
        if (reloads.Writer.TryWrite(why))
            logger.LogInformation("Reloading the dashboard tallies: {Reason}", why);
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        await foreach (var why in reloads.Reader.ReadAllAsync(ct))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await tallies.ReloadAsync(scope.ServiceProvider.GetRequiredService<CaseDeskDb>(), ct);
                Reloads++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Reloading the dashboard tallies ({Reason}) failed; trying again in 5 s", why);
                await Task.Delay(TimeSpan.FromSeconds(5), clock, ct);
                RequestReload(why);
            }
        }
    }
}
