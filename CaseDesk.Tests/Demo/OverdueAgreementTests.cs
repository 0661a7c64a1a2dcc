using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Demo;
using CaseDesk.Domain.Emails;
using CaseDesk.Domain.Letters;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Domain.Visits;
using CaseDesk.Tests.Mail;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CaseDesk.Tests.Demo;

/// <summary>
/// docs/dashboard.md, "Overdue means the same everywhere": from the demo database, a seeded random walk of the dashboard
/// recount's operations (calls, call-backs, e-mails, replies, complaints with actions, visits, letters, promises made and kept,
/// time moving on),
/// and at every check, for every user, the overdue items of their "My work" are the rows behind the dashboard's breached
/// and overdue-action figures of their scope.
/// </summary>
public sealed class OverdueAgreementTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase database = default!;
    private Caller reception = default!, officer = default!, head = default!;
    private List<Caller> caseworkers = [];
    private static readonly Guid DocumentsTemplate = StandardLetterTemplates.Template("documents").Id;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(new FakeClock(FreshDemo.Now));
        await DatabaseInitializer.SeedDemoLoginsAsync(database.Services);
        await DemoHistory.GenerateAsync(database.Services, new DemoHistoryOptions { Clients = 40, Complaints = 8, Seed = 7 });
        Caller As(string name, string role) =>
            new(database.FindUserByNameAsync(name).Result!.Id, name, new HashSet<string> { role });
        reception = As("reception", Roles.Reception);
        officer = As("quality", Roles.QualityOfficer);
        head = As("head", Roles.Head);
        caseworkers = [As("caseworker", Roles.Caseworker), As("caseworker2", Roles.Caseworker)];
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task AssertAgreementAsync(string when)
    {
        var sides = await OverdueTruth.ReadAsync(database, head);
        output.WriteLine($"{when}: {sides.Describe()}; not counted {sides.NotCountedOverdue}");
        if (!sides.WorkLists.SetEquals(sides.Dashboard))
        {
            var ids = sides.WorkLists.Except(sides.Dashboard).Concat(sides.Dashboard.Except(sides.WorkLists)).Select(x => x.Record).ToList();
            var clocks = await database.ReadAsync(db => db.ResponseClocks.AsNoTracking().Where(c => ids.Contains(c.SubjectId)).ToListAsync());
            output.WriteLine(string.Join("\n", clocks.Select(c => $"  clock {c.SubjectId} {c.Kind} {c.State} owner {c.OwnerUserId} started {c.StartedAtUtc:u} due {c.DueAtUtc:u}")));
        }
        Assert.True(sides.WorkLists.SetEquals(sides.Dashboard), $"{when}: {sides.Describe()}");
        Assert.Equal(sides.WorkLists.Count, sides.DepartmentBreached - sides.OwnerlessBreached + sides.DepartmentActionsOverdue);
    }

    [Fact]
    public async Task After_every_stretch_of_a_random_walk_over_the_demo_data_my_work_and_the_dashboard_name_the_same_overdue_records()
    {
        var random = new Random(20261206);
        await AssertAgreementAsync("fresh demo");
        var peak = 0;
        for (var step = 0; step < 300; step++)
        {
            var who = caseworkers[random.Next(caseworkers.Count)];
            var (client, caseId) = await database.ReadAsync(async db =>
            {
                var open = await db.Cases.AsNoTracking().Where(k => k.AssignedToUserId == who.UserId && k.ClosedAtUtc == null)
                    .OrderBy(k => k.Id).Select(k => new { k.ClientId, k.Id }).ToListAsync();
                var pick = open[random.Next(open.Count)];
                return (pick.ClientId, pick.Id);
            });
            var now = database.Clock.UtcDateTime;
            switch (random.Next(14))
            {
                case 0:
                    await database.Send(new TakePhoneMessage(now.AddMinutes(-random.Next(0, 600)), "Ona", null, null, "+370 600 00001", "Prašo paskambinti",
                        who.UserId, client, caseId), reception);
                    break;
                case 1:
                    var message = await database.ReadAsync(db => db.PhoneMessages.AsNoTracking()
                        .Where(m => m.AddresseeUserId == who.UserId && m.CalledBackAtUtc == null).OrderBy(m => m.Id).FirstOrDefaultAsync());
                    if (message is not null)
                        await database.Send(new LogCallBack(message.Id, message.Version, message.ClientId ?? client, message.CaseId, now, "Atskambinau",
                            null, null, null, null, null, null, []), who);
                    break;
                case 2:
                    await database.Send(new RegisterEmail(now.AddMinutes(-random.Next(0, 300)), "ona@example.lt", "Ona", "Klausimas", "Kokių dokumentų reikia?",
                        client, caseId, who.UserId), reception);
                    break;
                case 3:
                    var email = await database.ReadAsync(db => db.EmailEnquiries.AsNoTracking()
                        .Where(e => e.AssignedToUserId == who.UserId && e.Status != EmailStatus.Answered).OrderBy(e => e.Id).FirstOrDefaultAsync());
                    if (email is not null)
                    {
                        await database.Send(new ReplyToEmail(email.Id, email.Version, "Re: Klausimas", "Reikia prašymo."), who);
                        await database.AcceptOutboxAsync();
                    }
                    break;
                case 4:
                    var complaint = await database.Send(ComplaintWork.Feedback(now, clientId: client, caseId: caseId, touchpoints: [random.Next(1, 11)]), officer);
                    if (random.Next(2) == 0)
                        await database.TakeToAsync(complaint, ComplaintStage.ActionsPlanned, officer, who);
                    break;
                case 5:
                    var action = await database.ReadAsync(db => db.CorrectiveActions.AsNoTracking()
                        .Where(a => a.OwnerUserId == who.UserId && a.ReportedDoneAtUtc == null && a.VerifiedAtUtc == null).OrderBy(a => a.Id).FirstOrDefaultAsync());
                    if (action is not null)
                        await database.Send(new ReportActionDone(action.Id), who);
                    break;
                case 6:
                    await database.Send(new OfferVisit(caseId, "Buities sąlygų įvertinimas", IsInspection: false), who);
                    break;
                case 7:
                    var visit = await database.ReadAsync(db => db.HomeVisits.AsNoTracking()
                        .Where(v => v.CaseworkerUserId == who.UserId && (v.Status == VisitStatus.Offered || v.Status == VisitStatus.Agreed))
                        .OrderBy(v => v.Id).FirstOrDefaultAsync());
                    if (visit is { Status: VisitStatus.Offered })
                    {
                        var start = now.AddMinutes(random.Next(30, 60 * 30));
                        await database.Send(new AgreeVisit(visit.Id, visit.Version, start, start.AddHours(1)), who);
                    }
                    else if (visit is not null && visit.AgreedStartUtc <= now.AddMinutes(30))
                        await database.Send(new RecordArrival(visit.Id, visit.Version, now), who);
                    break;
                case 8:
                    await database.Send(new ComposeLetter(caseId, DocumentsTemplate, now.AddMinutes(-random.Next(0, 120))), who);
                    break;
                case 9:
                    var letter = await database.ReadAsync(db => db.InformationLetters.AsNoTracking()
                        .Where(l => l.CreatedByUserId == who.UserId && l.SentAtUtc == null).OrderBy(l => l.Id).FirstOrDefaultAsync());
                    if (letter is not null)
                        await database.Send(new MarkLetterSent(letter.Id, letter.Version, now, LetterChannel.Post), who);
                    break;
                case 10:
                    await database.Send(new LogContact(client, caseId, random.Next(1, 11), ContactChannel.PhoneOut, ContactDirection.ToClient, now,
                        "Paskambinau klientui", null, null, null, null, null, null,
                        [new PromiseInput("Atsiųsti prašymo formą", now.AddMinutes(random.Next(-60, 60 * 30)))]), who);
                    break;
                case 11:
                    var promise = await database.ReadAsync(db => db.Promises.AsNoTracking()
                        .Where(p => p.OwnerUserId == who.UserId && p.DoneAtUtc == null).OrderBy(p => p.Id).FirstOrDefaultAsync());
                    if (promise is not null)
                        await database.Send(new CheckOffPromise(promise.Id, promise.Version, null), who);
                    break;
                default:
                    database.Clock.Advance(TimeSpan.FromMinutes(random.Next(10, 60 * 48)));
                    break;
            }
            if (step % 60 == 59)
            {
                await AssertAgreementAsync($"after step {step}, {database.Clock.UtcDateTime:u}");
                peak = Math.Max(peak, (await OverdueTruth.ReadAsync(database, head)).WorkLists.Count);
            }
        }
        Assert.True(peak > 10, $"the walk left overdue work to compare (peak {peak})");
    }
}
