using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Dashboard;
using CaseDesk.Domain.Emails;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Domain.Reference;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.PhoneMessages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CaseDesk.Tests.UseCases.Dashboard;

/// <summary>The live figures are kept incrementally; they must always equal a full recount of the raw records.</summary>
public sealed class DashboardFigureTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase database = default!;
    private Caller reception = default!, asta = default!, tomas = default!, head = default!, officer = default!;
    private static readonly Guid Social = StandardReferenceData.Units[1].Id;
    private static readonly Guid Other = StandardReferenceData.Units[2].Id;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        reception = await database.CreateCallerAsync(Roles.Reception);
        asta = await database.CreateUserAsync("asta", Roles.Caseworker);
        tomas = await database.CreateUserAsync("tomas", Roles.Caseworker);
        head = await database.CreateUserAsync("head", Roles.Head);
        officer = await database.CreateUserAsync("officer", Roles.QualityOfficer);
        await database.GiveSignatureAsync(asta, "Asta", "Petrauskienė", "Socialinė darbuotoja", "+370 315 56 662");
        await database.GiveSignatureAsync(tomas, "Tomas", "Jonaitis", "Socialinis darbuotojas", "+370 315 56 663");
        await using var db = database.OpenDb();
        (await db.Users.SingleAsync(u => u.Id == tomas.UserId)).UnitId = Other;
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private IEnumerable<DashboardScope> Scopes =>
        [DashboardScope.Department, new(Social), new(Other), new(null, asta.UserId), new(null, tomas.UserId)];

    private async Task<int> AssertFiguresMatchARecountAsync(string when)
    {
        var checkedFigures = 0;
        foreach (var scope in Scopes)
        foreach (var window in Enum.GetValues<DashboardWindow>())
        {
            var live = await database.Send(new GetDashboard(scope, window), head);
            var recount = await database.ReadAsync(db => DashboardRecomputation.ComputeAsync(db, scope, window, database.Clock.UtcDateTime, live.Sequence));
            Assert.True(DashboardRecomputation.Describe(recount) == DashboardRecomputation.Describe(live),
                $"{when}, {scope} {window}:\nrecount:\n{DashboardRecomputation.Describe(recount)}\nlive:\n{DashboardRecomputation.Describe(live)}");
            checkedFigures++;
        }
        return checkedFigures;
    }

    [Fact]
    public async Task After_a_random_run_of_calls_e_mails_and_complaints_over_five_weeks_every_figure_equals_a_full_recount()
    {
        var random = new Random(20261122);
        var client = await database.RegisterAsync(reception);
        var staff = new[] { asta, tomas };
        var messages = new List<(Guid Id, Caller To)>();
        var emails = new List<(Guid Id, Caller To)>();
        var complaints = new List<Guid>();
        var finishedAtStart = 0;
        await database.Send(new GetDashboard(DashboardScope.Department, DashboardWindow.Today), head); // loads the (empty) tallies

        for (var step = 0; step < 160; step++)
        {
            var who = staff[random.Next(staff.Length)];
            switch (random.Next(7))
            {
                case 0 or 1:
                    var calledAt = database.Clock.UtcDateTime.AddMinutes(-random.Next(0, 600));
                    messages.Add((await database.Send(new TakePhoneMessage(calledAt, "Ona", null, null, "+370 600 00001", "Prašo paskambinti",
                        who.UserId, client), reception), who));
                    break;
                case 2 when messages.Count > 0:
                    var (messageId, to) = messages[random.Next(messages.Count)];
                    messages.Remove((messageId, to));
                    var message = await database.Send(new GetPhoneMessage(messageId), to);
                    await database.Send(new LogCallBack(messageId, message.Version, client, null, database.Clock.UtcDateTime, "Atskambinau",
                        null, null, null, null, null, null, []), to);
                    break;
                case 3:
                    emails.Add((await database.Send(new RegisterEmail(database.Clock.UtcDateTime.AddMinutes(-random.Next(0, 300)), "ona@example.lt", "Ona",
                        "Klausimas", "Kokių dokumentų reikia?", client, null, who.UserId), reception), who));
                    break;
                case 4 when emails.Count > 0:
                    var (emailId, answerer) = emails[random.Next(emails.Count)];
                    emails.Remove((emailId, answerer));
                    var email = await database.Send(new GetEmail(emailId), answerer);
                    await database.Send(new ReplyToEmail(emailId, email.Version, "Re: Klausimas", "Reikia prašymo."), answerer);
                    break;
                case 5:
                    if (complaints.Count > 0 && random.Next(2) == 0)
                    {
                        var complaintId = complaints[random.Next(complaints.Count)];
                        complaints.Remove(complaintId);
                        var complaint = await database.GetAsync(complaintId, officer);
                        await database.Send(new AcknowledgeComplaint(complaintId, complaint.Version, false, null), officer);
                    }
                    else
                        complaints.Add(await database.RegisterFeedbackAsync(officer, touchpoints: [random.Next(1, 11)]));
                    break;
                default:
                    database.Clock.Advance(TimeSpan.FromMinutes(random.Next(10, 60 * 48)));
                    break;
            }
            if (step == 80)
                finishedAtStart = (await database.Send(new GetDashboard(DashboardScope.Department, DashboardWindow.Last30Days), head)).AllClocks.Count;
            if (step % 40 == 39)
                await AssertFiguresMatchARecountAsync($"after step {step}");
        }

        var figures = await database.Send(new GetDashboard(DashboardScope.Department, DashboardWindow.Last30Days), head);
        output.WriteLine(DashboardRecomputation.Describe(figures));
        output.WriteLine($"clock now {database.Clock.UtcDateTime:O}; finished at step 80: {finishedAtStart}");
        // The run must have exercised the figures: met and missed clocks, open ones breached, complaints open.
        Assert.True(figures.AllClocks.Met > 5 && figures.AllClocks.Missed > 5, DashboardRecomputation.Describe(figures));
        Assert.True(figures.BreachedNow > 0, DashboardRecomputation.Describe(figures));
        Assert.True(figures.OpenComplaints > 0);
        Assert.True(database.Clock.UtcDateTime - FakeClock.DefaultStart.UtcDateTime > TimeSpan.FromDays(30), "the run spans more than the 30-day window");
        Assert.Equal(15, await AssertFiguresMatchARecountAsync("at the end"));

        // A fresh tally loaded from the database (as after a restart) agrees with the one kept incrementally.
        var restarted = new DashboardTallies(database.Clock);
        await database.InScopeAsync(async services => { await restarted.EnsureLoadedAsync(services.GetRequiredService<Domain.Data.CaseDeskDb>(), default); return 0; });
        var live = database.Services.GetRequiredService<DashboardTallies>();
        foreach (var scope in Scopes)
        foreach (var window in Enum.GetValues<DashboardWindow>())
            Assert.Equal(Tally(live.Read(scope, window)), Tally(restarted.Read(scope, window)));
    }

    private static string Tally(WindowTally t) =>
        string.Join(" ", t.ByCommitment.Where(c => c.Value != default).OrderBy(c => c.Key).Select(c => $"{c.Key}:{c.Value}"))
        + " | " + string.Join(" ", t.ByKind.Where(k => k.Value.Met + k.Value.Missed > 0).OrderBy(k => k.Key)
            .Select(k => $"{k.Key}:{k.Value.Met}/{k.Value.Missed}/{string.Join(",", k.Value.Buckets)}"));

    [Fact]
    public async Task A_late_call_back_moves_one_clock_from_breached_now_to_missed_and_the_details_list_it()
    {
        var client = await database.RegisterAsync(reception);
        var id = await database.Send(new TakePhoneMessage(database.Clock.UtcDateTime, "Ona", null, null, "+370 600 00001", "Prašo paskambinti",
            asta.UserId, client), reception);
        database.Clock.Advance(TimeSpan.FromDays(2));
        var before = await database.Send(new GetDashboard(DashboardScope.Department, DashboardWindow.Today), head);
        Assert.Equal(1, before.BreachedNow);
        Assert.Equal(0, before.AllClocks.Count);

        var message = await database.Send(new GetPhoneMessage(id), asta);
        await database.Send(new LogCallBack(id, message.Version, client, null, database.Clock.UtcDateTime, "Atskambinau", null, null, null, null, null, null, []), asta);

        var after = await database.Send(new GetDashboard(DashboardScope.Department, DashboardWindow.Today), head);
        Assert.True(after.Sequence > before.Sequence);
        Assert.Equal(0, after.BreachedNow);
        var callBacks = after.Channels.Single(c => c.Kind == ClockKind.CallBack);
        Assert.Equal((0, 1), (callBacks.Clocks.Met, callBacks.Clocks.Missed));
        Assert.Equal(new MetShare(0, 1), after.Commitments.Single(c => c.Commitment == "VIII").Clocks);

        var details = await database.Send(new GetDashboardDetails(DashboardScope.Department, DashboardWindow.Today, DashboardDetail.FinishedClocks,
            ClockKind: ClockKind.CallBack, Met: false), head);
        var row = Assert.Single(details.Items);
        Assert.Equal((client, "Missed"), (row.ClientId, row.Status));
        Assert.Contains(await database.AuditEntriesAsync(), a => a.Action == nameof(GetDashboardDetails) && a.Fields!.Contains(client.ToString()));
    }

    [Fact]
    public async Task Only_heads_and_the_standard_officer_read_the_dashboard()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new GetDashboard(DashboardScope.Department, DashboardWindow.Today), asta));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new GetDashboardDetails(DashboardScope.Department, DashboardWindow.Today,
            DashboardDetail.OpenClocks), reception));
        Assert.NotNull(await database.Send(new GetDashboard(DashboardScope.Department, DashboardWindow.Today), officer));
    }
}
