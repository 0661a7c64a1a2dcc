using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Dashboard;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Demo;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CaseDesk.Tests.Demo;

/// <summary>The demo logins' database as the app makes it on first run: the demo logins, then the demo history.</summary>
public sealed class FreshDemo : IAsyncLifetime
{
    /// <summary>A Wednesday, 11:30 in Vilnius: the demo's "now".</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 18, 9, 30, 0, TimeSpan.Zero);

    public TestDatabase Database { get; private set; } = default!;
    public DemoHistoryReport Report { get; private set; } = default!;
    public Caller Head { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(new FakeClock(Now));
        await DatabaseInitializer.SeedDemoLoginsAsync(Database.Services);
        Report = await DemoHistory.GenerateAsync(Database.Services);
        var head = await Database.FindUserByNameAsync("head");
        Head = new Caller(head!.Id, "head", new HashSet<string> { Roles.Head });
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

/// <summary>Issue 14, defect 2: on the fresh demo database the dashboard and "My work" tell the same story.</summary>
public sealed class DemoHistoryTests(FreshDemo demo, ITestOutputHelper output) : IClassFixture<FreshDemo>
{
    private readonly TestDatabase database = demo.Database;

    [Fact]
    public async Task The_dashboard_counts_as_breached_exactly_the_overdue_items_of_the_work_lists_and_they_are_not_zero()
    {
        var sides = await OverdueTruth.ReadAsync(database, demo.Head);
        output.WriteLine($"{demo.Report with { ByRequest = [] }}");
        output.WriteLine(string.Join(Environment.NewLine, demo.Report.ByRequest.Select(r => $"  {r.Request}: {r.Took.TotalMilliseconds:F0} ms")));
        output.WriteLine(sides.Describe() + $"; not counted (cases due): {sides.NotCountedOverdue}; ownerless breached: {sides.OwnerlessBreached}");

        Assert.True(sides.DepartmentBreached > 0, "the demo month has breached clocks");
        Assert.True(sides.WorkLists.SetEquals(sides.Dashboard), sides.Describe());
        // The department's figures are the owners' rows plus the complaint clocks, which are nobody's "My work" (the officer's desk).
        Assert.Equal(sides.WorkLists.Count, sides.DepartmentBreached - sides.OwnerlessBreached + sides.DepartmentActionsOverdue);
    }

    [Fact]
    public async Task The_month_has_met_and_missed_clocks_of_every_kind_it_touches_complaints_in_several_stages_and_overdue_actions()
    {
        var figures = await database.Send(new GetDashboard(DashboardScope.Department, DashboardWindow.Last30Days), demo.Head);
        output.WriteLine(string.Join(Environment.NewLine, figures.Channels.Select(c => $"{c.Kind}: {c.Clocks.Met} met, {c.Clocks.Missed} missed")));
        foreach (var kind in new[] { ClockKind.CallBack, ClockKind.EmailReply, ClockKind.InformationLetter, ClockKind.VisitAgreed, ClockKind.Promise })
        {
            var channel = figures.Channels.Single(c => c.Kind == kind);
            Assert.True(channel.Clocks.Met > 0 && channel.Clocks.Missed > 0, $"{kind}: {channel.Clocks}");
        }
        Assert.True(figures.Punctuality.Clocks.Met > 0 && figures.Punctuality.Clocks.Missed > 0, $"visits on time and late: {figures.Punctuality.Clocks}");
        Assert.True(figures.OpenComplaintsByStage.Count(s => s.Count > 0) >= 3, "open complaints in several stages");
        Assert.True(figures.CorrectiveActionsOverdue > 0);
        Assert.True(await database.ReadAsync(db => db.Complaints.AnyAsync(c => c.Stage == ComplaintStage.Closed)), "some complaints are closed");
    }

    [Fact]
    public async Task The_demo_has_praise_one_thanked_and_one_still_waiting_on_the_officers_desk()
    {
        var praise = await database.ReadAsync(db => db.Complaints.AsNoTracking().Where(c => c.Kind == FeedbackKind.Praise)
            .OrderBy(c => c.Number).Select(c => new { c.Id, c.Number, c.ThankedAtUtc }).ToListAsync());

        Assert.Equal(["PD-2026-0001", "PD-2026-0002"], praise.Select(p => p.Number));
        Assert.Equal([true, false], praise.Select(p => p.ThankedAtUtc is not null));
        var officer = await database.FindUserByNameAsync("quality");
        var desk = await database.Send(new GetOfficerDesk(), new Caller(officer!.Id, "quality", new HashSet<string> { Roles.QualityOfficer }));
        Assert.Contains(desk.NotThanked, c => c.Id == praise[1].Id);
    }

    [Fact]
    public async Task Every_contact_happens_inside_office_hours_on_a_working_day_and_not_after_now()
    {
        var contacts = await database.ReadAsync(db => db.Contacts.AsNoTracking().Select(c => new { c.OccurredAtUtc, c.RecordedAtUtc }).ToListAsync());
        Assert.True(contacts.Count > 200);
        var calendar = WorkingCalendar.Default;
        // Recorded while the office is open; a contact may have happened a little before it was written down, never at night.
        Assert.All(contacts, c => Assert.True(calendar.WorkingMinutesBetween(c.RecordedAtUtc.AddMinutes(-1), c.RecordedAtUtc) > 0,
            $"recorded at {VilniusTime.ToLocal(c.RecordedAtUtc):ddd yyyy-MM-dd HH:mm} Vilnius"));
        Assert.All(contacts, c => Assert.InRange(VilniusTime.ToLocal(c.OccurredAtUtc).Hour, 7, 17));
        Assert.All(contacts, c => Assert.True(c.RecordedAtUtc <= FreshDemo.Now.UtcDateTime));
    }

    [Fact]
    public async Task Caseworkers_moved_most_next_action_dates_on_so_only_a_few_open_cases_are_overdue()
    {
        var now = FreshDemo.Now.UtcDateTime;
        var open = await database.ReadAsync(db => db.Cases.AsNoTracking().Where(c => c.Status != Domain.Cases.CaseStatus.Closed)
            .Select(c => c.DueAtUtc).ToListAsync());
        var overdue = open.Count(due => due < now);
        output.WriteLine($"open cases {open.Count}, next action overdue {overdue}");
        // A demo where most cases are past their next-action date shows a department nobody would recognise.
        Assert.InRange(overdue, 1, open.Count / 5);
    }

    [Fact]
    public async Task Every_promise_has_its_clock_and_every_promise_checked_off_stopped_it()
    {
        var promises = await database.ReadAsync(db => db.Promises.AsNoTracking()
            .Select(p => new { p.Id, p.DoneAtUtc, Clock = db.ResponseClocks.Where(c => c.SubjectId == p.Id && c.Kind == ClockKind.Promise).Select(c => (ClockState?)c.State).SingleOrDefault() })
            .ToListAsync());
        Assert.True(promises.Count(p => p.DoneAtUtc == null) > 0 && promises.Count(p => p.DoneAtUtc != null) > 0, "the demo has open and kept promises");
        Assert.All(promises, p => Assert.Equal(p.DoneAtUtc is null, p.Clock is ClockState.Running));
        Assert.All(promises, p => Assert.NotNull(p.Clock));
        // An open promise past its time is on both sides of the agreement test above, so the comparison covers promises.
        Assert.True(await database.ReadAsync(db => db.ResponseClocks.AnyAsync(c => c.Kind == ClockKind.Promise && c.State == ClockState.Running
            && c.DueAtUtc < FreshDemo.Now.UtcDateTime)), "the demo leaves some promise overdue");
    }

    [Fact]
    public async Task Every_call_back_and_reply_stopped_a_clock()
    {
        var unstopped = await database.ReadAsync(db => db.PhoneMessages.CountAsync(m => m.CalledBackAtUtc != null
            && !db.ResponseClocks.Any(c => c.SubjectId == m.Id && (c.State == ClockState.Met || c.State == ClockState.Missed))));
        Assert.Equal(0, unstopped);
    }
}
