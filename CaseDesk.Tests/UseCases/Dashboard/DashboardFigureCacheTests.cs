using System.Data.Common;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Dashboard;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.UseCases.Dashboard;

/// <summary>Many dashboards share one computation of the figures; one that gives up must not spoil it for the others.</summary>
public sealed class DashboardFigureCacheTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    private static DashboardFigures Figures(long sequence) =>
        new(DashboardScope.Department, DashboardWindow.Today, Now, Now, sequence, [], [], [], new ChannelFigure(default, new MetShare(0, 0), null, null),
            [], [], [], 3);

    [Fact]
    public async Task A_caller_that_gives_up_stops_waiting_but_the_shared_computation_runs_on_for_the_others()
    {
        var cache = new DashboardFigureCache();
        var computed = new TaskCompletionSource<DashboardFigures>(TaskCreationOptions.RunContinuationsAsynchronously);
        var computations = 0;
        var sharedToken = CancellationToken.None;
        Task<DashboardFigures> Compute(CancellationToken token)
        {
            Interlocked.Increment(ref computations);
            sharedToken = token;
            return computed.Task;
        }

        using var first = new CancellationTokenSource();
        var firstCaller = cache.GetAsync(DashboardScope.Department, DashboardWindow.Today, 7, Now, Compute, first.Token);
        var secondCaller = cache.GetAsync(DashboardScope.Department, DashboardWindow.Today, 7, Now, Compute, CancellationToken.None);
        await first.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => firstCaller);
        Assert.False(sharedToken.IsCancellationRequested);
        Assert.False(secondCaller.IsCompleted);
        computed.SetResult(Figures(7));
        Assert.Equal(3, (await secondCaller).CorrectiveActionsOverdue);
        Assert.Equal(1, computations);
    }

    [Fact]
    public async Task A_cancelled_or_failed_computation_is_computed_again_and_a_finished_one_is_reused()
    {
        var cache = new DashboardFigureCache();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cache.GetAsync(DashboardScope.Department, DashboardWindow.Today, 7, Now,
            _ => Task.FromCanceled<DashboardFigures>(new CancellationToken(true)), CancellationToken.None));
        Assert.Equal(7, (await cache.GetAsync(DashboardScope.Department, DashboardWindow.Today, 7, Now,
            _ => Task.FromResult(Figures(7)), CancellationToken.None)).Sequence);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync(DashboardScope.Department, DashboardWindow.Last7Days, 7, Now,
            _ => Task.FromException<DashboardFigures>(new InvalidOperationException("database gone")), CancellationToken.None));
        Assert.Equal(7, (await cache.GetAsync(DashboardScope.Department, DashboardWindow.Last7Days, 7, Now,
            _ => Task.FromResult(Figures(7)), CancellationToken.None)).Sequence);

        var recomputed = false;
        await cache.GetAsync(DashboardScope.Department, DashboardWindow.Today, 7, Now.AddSeconds(5), _ =>
        {
            recomputed = true;
            return Task.FromResult(Figures(7));
        }, CancellationToken.None);
        Assert.False(recomputed, "a finished computation of the same change is shared");
    }

    [Fact]
    public async Task A_hub_client_that_disconnects_while_the_figures_are_read_leaves_no_cancelled_figures_for_the_next_dashboard()
    {
        var disconnect = new DisconnectDuringComplaintRead();
        await using var database = await TestDatabase.CreateAsync(services: s =>
            s.ConfigureDbContext<CaseDeskDb>(options => options.AddInterceptors(disconnect)));
        var reception = await database.CreateCallerAsync(Roles.Reception);
        var asta = await database.CreateUserAsync("asta", Roles.Caseworker);
        var head = await database.CreateUserAsync("head", Roles.Head);
        var client = await database.RegisterAsync(reception);
        await database.Send(new TakePhoneMessage(database.Clock.UtcDateTime, "Ona", null, null, "+370 600 00001", "Prašo paskambinti",
            asta.UserId, client), reception);
        await database.Send(new GetDashboard(DashboardScope.Department, DashboardWindow.Today), head); // loads the tallies

        using var watch = new CancellationTokenSource();
        disconnect.Arm(watch);
        var sender = database.Services.GetRequiredService<ICaseDeskSender>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            sender.Send(new GetDashboard(DashboardScope.Department, DashboardWindow.Last7Days), head, watch.Token));
        Assert.True(watch.IsCancellationRequested, "the client went away while the figures were being read");

        var figures = await database.Send(new GetDashboard(DashboardScope.Department, DashboardWindow.Last7Days), head);
        Assert.Equal(1, figures.OpenClocks.Single(o => o.Kind == ClockKind.CallBack).OnTrack);
    }

    /// <summary>Cancels the armed token when the figures read the open complaints: the middle of the computation.</summary>
    private sealed class DisconnectDuringComplaintRead : DbCommandInterceptor
    {
        private CancellationTokenSource? armed;

        public void Arm(CancellationTokenSource source) => armed = source;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM \"Complaints\"", StringComparison.Ordinal))
                Interlocked.Exchange(ref armed, null)?.Cancel();
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
