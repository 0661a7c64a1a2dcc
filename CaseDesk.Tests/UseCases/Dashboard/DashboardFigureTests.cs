using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Dashboard;
using CaseDesk.Domain.Emails;
using CaseDesk.Domain.Letters;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Domain.Reference;
using CaseDesk.Domain.Visits;
using CaseDesk.Tests.Mail;
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
    private static readonly Guid DocumentsTemplate = StandardLetterTemplates.Template("documents").Id;

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
    public async Task After_a_random_run_of_calls_e_mails_visits_letters_complaints_and_promises_over_five_weeks_every_figure_equals_a_full_recount()
    {
        var random = new Random(20261122);
        var client = await database.RegisterAsync(reception);
        var staff = new[] { asta, tomas };
        // Each caseworker's own case of the client: visits, letters and complaints about it count in their scope.
        var caseOf = new Dictionary<Caller, Guid>
        {
            [asta] = await database.OpenCaseAsync(Caller.System, client, asta.UserId, "Pagalba į namus"),
            [tomas] = await database.OpenCaseAsync(Caller.System, client, tomas.UserId, "Socialinė globa"),
        };
        var messages = new List<(Guid Id, Caller To)>();
        var emails = new List<(Guid Id, Caller To)>();
        var complaints = new List<Guid>();
        var offeredVisits = new List<(Guid Id, Caller By)>();
        var agreedVisits = new List<(Guid Id, Caller By)>();
        var letters = new List<(Guid Id, Caller By)>();
        var promises = new List<(string Text, Caller By)>();
        var finishedAtStart = 0;
        await database.Send(new GetDashboard(DashboardScope.Department, DashboardWindow.Today), head); // loads the (empty) tallies

        for (var step = 0; step < 240; step++)
        {
            var who = staff[random.Next(staff.Length)];
            switch (random.Next(13))
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
                    await database.AcceptOutboxAsync();
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
                case 6 when agreedVisits.Count > 0 && random.Next(2) == 0:
                    // Whenever the clock now stands: before the agreed time, a little after it, or long after.
                    var (arrivalId, visitor) = agreedVisits[random.Next(agreedVisits.Count)];
                    agreedVisits.Remove((arrivalId, visitor));
                    var arriving = await database.Send(new GetVisit(arrivalId), visitor);
                    await database.Send(new RecordArrival(arrivalId, arriving.Version, database.Clock.UtcDateTime), visitor);
                    break;
                case 6 when offeredVisits.Count > 0 && random.Next(2) == 0:
                    var (offeredId, offeredTo) = offeredVisits[random.Next(offeredVisits.Count)];
                    offeredVisits.Remove((offeredId, offeredTo));
                    var offered = await database.Send(new GetVisit(offeredId), offeredTo);
                    var start = database.Clock.UtcDateTime.AddMinutes(random.Next(30, 60 * 30));
                    await database.Send(new AgreeVisit(offeredId, offered.Version, start, start.AddHours(1)), offeredTo);
                    agreedVisits.Add((offeredId, offeredTo));
                    break;
                case 6:
                    offeredVisits.Add((await database.Send(new OfferVisit(caseOf[who], "Buities sąlygų įvertinimas", IsInspection: false), who), who));
                    break;
                case 7 when letters.Count > 0 && random.Next(2) == 0:
                    var (letterId, writer) = letters[random.Next(letters.Count)];
                    letters.Remove((letterId, writer));
                    var letter = await database.Send(new GetLetter(letterId), writer);
                    await database.Send(new MarkLetterSent(letterId, letter.Version, database.Clock.UtcDateTime, LetterChannel.Post), writer);
                    break;
                case 7:
                    letters.Add((await database.Send(new ComposeLetter(caseOf[who], DocumentsTemplate, database.Clock.UtcDateTime.AddMinutes(-random.Next(0, 120))),
                        who), who));
                    break;
                case 8:
                    // About the caseworker's case, routed to their unit, with a corrective action due a day later and never verified.
                    var aboutCase = await database.Send(ComplaintWork.Feedback(database.Clock.UtcDateTime, clientId: client, caseId: caseOf[who],
                        touchpoints: [random.Next(1, 11)]), officer);
                    await database.TakeToAsync(aboutCase, ComplaintStage.ActionsPlanned, officer, who, who == tomas ? Other : Social);
                    break;
                case 9:
                    // A promise on any touchpoint, due from an hour ago (already overdue) to a few days on.
                    var now = database.Clock.UtcDateTime;
                    var text = $"Pažadas {step}";
                    await database.Send(Casework.Contact(client, caseOf[who], now, touchpoint: random.Next(1, 11),
                        promises: [new PromiseInput(text, now.AddMinutes(random.Next(-60, 60 * 60)))]), who);
                    promises.Add((text, who));
                    break;
                case 10 when promises.Count > 0:
                    var (promised, keeper) = promises[random.Next(promises.Count)];
                    promises.Remove((promised, keeper));
                    var promise = await database.ReadAsync(db => db.Promises.AsNoTracking().SingleAsync(p => p.Text == promised));
                    await database.Send(new CheckOffPromise(promise.Id, promise.Version, null), keeper);
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
        // ... and every kind of record the run makes, on both sides, so a figure that both count as zero cannot pass unseen.
        var recounted = await database.ReadAsync(db => DashboardRecomputation.ComputeAsync(db, DashboardScope.Department, DashboardWindow.Last30Days,
            database.Clock.UtcDateTime, figures.Sequence));
        foreach (var (side, f) in new[] { ("live", figures), ("recount", recounted) })
        {
            var described = $"{side}:\n{DashboardRecomputation.Describe(f)}";
            Assert.True(f.Channels.Single(c => c.Kind == ClockKind.VisitAgreed).Clocks.Count > 0, described);
            Assert.True(f.Punctuality.Clocks.Met > 0 && f.Punctuality.Clocks.Missed > 0, described);
            Assert.True(f.Channels.Single(c => c.Kind == ClockKind.InformationLetter).Clocks.Count > 0, described);
            Assert.True(f.Channels.Single(c => c.Kind == ClockKind.Promise).Clocks is { Met: > 0, Missed: > 0 }, described);
            Assert.True(f.CorrectiveActionsOverdue > 0, described);
        }
        foreach (var scope in new DashboardScope[] { new(Social), new(Other), new(null, asta.UserId), new(null, tomas.UserId) })
        {
            var ofScope = await database.Send(new GetDashboard(scope, DashboardWindow.Last30Days), head);
            var recountOfScope = await database.ReadAsync(db => DashboardRecomputation.ComputeAsync(db, scope, DashboardWindow.Last30Days,
                database.Clock.UtcDateTime, ofScope.Sequence));
            Assert.True(ofScope.OpenComplaints > 0 && recountOfScope.OpenComplaints > 0, $"{scope}: complaints tagged with the unit or about the case");
            Assert.True(ofScope.CorrectiveActionsOverdue > 0 && recountOfScope.CorrectiveActionsOverdue > 0, $"{scope}: overdue actions");
        }
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
