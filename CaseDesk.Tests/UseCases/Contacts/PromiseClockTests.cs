using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Dashboard;
using CaseDesk.Domain.Work;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Contacts;

/// <summary>A promise made to a client is a commitment clock (VIII): overdue in "My work" and breached on the dashboard alike.</summary>
public sealed class PromiseClockTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private Caller reception = default!, asta = default!, head = default!;
    private Guid client, caseId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(new FakeClock());
        reception = await database.CreateCallerAsync(Roles.Reception);
        asta = await database.CreateUserAsync("asta", Roles.Caseworker);
        head = await database.CreateUserAsync("vida", Roles.Head);
        client = await database.RegisterAsync(reception);
        caseId = await database.OpenCaseAsync(reception, client, asta.UserId);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<Guid> PromiseAsync(TimeSpan dueIn, int touchpoint = 2)
    {
        var now = database.Clock.UtcDateTime;
        await database.Send(Casework.Contact(client, caseId, now.AddMinutes(-10), touchpoint: touchpoint, channel: ContactChannel.PhoneIn,
            promises: [new PromiseInput("Atsiųsti prašymo formą", now + dueIn)]), asta);
        return await database.ReadAsync(db => db.Promises.OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync());
    }

    private async Task CheckOffAsync(Guid promiseId)
    {
        var version = await database.ReadAsync(db => db.Promises.Where(p => p.Id == promiseId).Select(p => p.Version).SingleAsync());
        await database.Send(new CheckOffPromise(promiseId, version, null), asta);
    }

    private async Task<List<Guid>> BreachedSubjectsAsync(DashboardScope scope)
    {
        var rows = (await database.Send(new GetDashboardDetails(scope, DashboardWindow.Today, DashboardDetail.OpenClocks, Status: ClockStatus.Breached), head)).Items;
        var ids = rows.Select(r => r.Id).ToList();
        return await database.ReadAsync(db => db.ResponseClocks.Where(c => ids.Contains(c.Id)).Select(c => c.SubjectId).ToListAsync());
    }

    [Fact]
    public async Task A_promise_starts_a_clock_due_at_the_promised_time_owned_by_who_made_it_on_the_contacts_touchpoint()
    {
        var promiseId = await PromiseAsync(TimeSpan.FromDays(2), touchpoint: 2);

        var clock = await database.ReadAsync(db => db.ResponseClocks.AsNoTracking().SingleAsync(c => c.SubjectId == promiseId));
        var promise = await database.ReadAsync(db => db.Promises.AsNoTracking().SingleAsync(p => p.Id == promiseId));
        Assert.Equal((ClockKind.Promise, ClockState.Running, "VIII", 2, asta.UserId), (clock.Kind, clock.State, clock.Commitment, clock.Touchpoint, clock.OwnerUserId));
        Assert.Equal((promise.DueAtUtc, client, caseId), (clock.DueAtUtc, clock.ClientId!.Value, clock.CaseId!.Value));
    }

    [Fact]
    public async Task A_breached_promise_is_overdue_in_its_owners_my_work_and_in_the_dashboards_breached_drill_down()
    {
        var promiseId = await PromiseAsync(TimeSpan.FromHours(2));
        Assert.Empty(await BreachedSubjectsAsync(new DashboardScope(null, asta.UserId)));

        database.Clock.Advance(TimeSpan.FromHours(3));

        var item = Assert.Single(await database.Send(new GetMyWork(), asta), i => i.Kind == WorkKind.Promise);
        Assert.Equal((promiseId, ClockStatus.Breached), (item.Id, item.Status));
        Assert.Equal([promiseId], await BreachedSubjectsAsync(new DashboardScope(null, asta.UserId)));
        Assert.Contains(promiseId, await BreachedSubjectsAsync(DashboardScope.Department));
        var figures = await database.Send(new GetDashboard(new DashboardScope(null, asta.UserId), DashboardWindow.Today), head);
        Assert.Equal(1, Assert.Single(figures.OpenClocks, o => o.Kind == ClockKind.Promise).Breached);
    }

    [Fact]
    public async Task A_promise_kept_late_counts_missed_and_one_kept_in_time_met_under_commitment_viii_its_touchpoint_and_channel()
    {
        var late = await PromiseAsync(TimeSpan.FromHours(1), touchpoint: 2);
        var inTime = await PromiseAsync(TimeSpan.FromDays(1), touchpoint: 5);
        database.Clock.Advance(TimeSpan.FromHours(2));

        await CheckOffAsync(late);
        await CheckOffAsync(inTime);

        var states = await database.ReadAsync(db => db.ResponseClocks.Where(c => c.Kind == ClockKind.Promise).ToDictionaryAsync(c => c.SubjectId, c => c.State));
        Assert.Equal((ClockState.Missed, ClockState.Met), (states[late], states[inTime]));
        Assert.DoesNotContain(await database.Send(new GetMyWork(), asta), i => i.Kind == WorkKind.Promise);
        var f = await database.Send(new GetDashboard(DashboardScope.Department, DashboardWindow.Today), head);
        Assert.Equal(new MetShare(1, 1), Assert.Single(f.Commitments, c => c.Commitment == "VIII").Clocks);
        Assert.Equal(new MetShare(0, 1), Assert.Single(f.Touchpoints, t => t.Touchpoint == 2).Clocks);
        Assert.Equal(new MetShare(1, 0), Assert.Single(f.Touchpoints, t => t.Touchpoint == 5).Clocks);
        Assert.Equal(new MetShare(1, 1), Assert.Single(f.Channels, c => c.Kind == ClockKind.Promise).Clocks);
        var missed = await database.Send(new GetDashboardDetails(DashboardScope.Department, DashboardWindow.Today, DashboardDetail.FinishedClocks,
            ClockKind: ClockKind.Promise, Met: false), head);
        Assert.Equal(ClockStatus.Missed.ToString(), Assert.Single(missed.Items).Status);
    }

    [Fact]
    public async Task Promises_stored_before_promise_clocks_get_theirs_at_start_up_once_so_my_work_and_the_dashboard_agree()
    {
        var now = database.Clock.UtcDateTime;
        var open = new Promise(Guid.CreateVersion7(), client, caseId, null, "Paskambinti", now.AddHours(1), asta.UserId, now.AddDays(-1));
        var kept = new Promise(Guid.CreateVersion7(), client, caseId, null, "Atsiųsti formą", now.AddHours(-5), asta.UserId, now.AddDays(-2));
        kept.CheckOff(now.AddHours(-2), asta.UserId, null);
        await using (var db = database.OpenDb())
        {
            db.Promises.AddRange(open, kept);
            await db.SaveChangesAsync();
        }
        database.Clock.Advance(TimeSpan.FromHours(2));

        await database.MigrateAndSeedAsync();
        await database.MigrateAndSeedAsync();

        var clocks = await database.ReadAsync(db => db.ResponseClocks.AsNoTracking().Where(c => c.Kind == ClockKind.Promise).ToListAsync());
        Assert.Equal(2, clocks.Count);
        Assert.Equal((ClockState.Running, open.DueAtUtc), (clocks.Single(c => c.SubjectId == open.Id).State, clocks.Single(c => c.SubjectId == open.Id).DueAtUtc));
        Assert.Equal(ClockState.Missed, clocks.Single(c => c.SubjectId == kept.Id).State);
        // Overdue before clocks existed: breached, but not reported to the heads as a fresh breach on the first start.
        Assert.NotNull(clocks.Single(c => c.SubjectId == open.Id).BreachNotifiedAtUtc);
        Assert.Equal(ClockStatus.Breached, Assert.Single(await database.Send(new GetMyWork(), asta), i => i.Kind == WorkKind.Promise).Status);
        Assert.Equal([open.Id], await BreachedSubjectsAsync(new DashboardScope(null, asta.UserId)));
    }
}
