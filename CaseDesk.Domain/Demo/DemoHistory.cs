using System.Data.Common;
using System.Diagnostics;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Emails;
using CaseDesk.Domain.Letters;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Domain.Reference;
using CaseDesk.Domain.Users;
using CaseDesk.Domain.Visits;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static CaseDesk.Domain.Demo.LithuanianSamples;

namespace CaseDesk.Domain.Demo;

/// <summary>How much demo history to make. The defaults are the demo logins' data set.</summary>
public sealed record DemoHistoryOptions
{
    public int Clients { get; init; } = 80;
    /// <summary>Weeks of history ending now; the dashboard's 30-day window lies inside it.</summary>
    public int Weeks { get; init; } = 6;
    public int Complaints { get; init; } = 14;
    public int Seed { get; init; } = 2026;
}

/// <summary>What was made, and the time spent in each kind of request (slowest first).</summary>
public sealed record DemoHistoryReport(int Clients, int Cases, int Contacts, int PhoneMessages, int Emails, int Visits, int Letters,
    int Complaints, int Requests, TimeSpan Took, IReadOnlyList<(string Request, TimeSpan Took)> ByRequest);

/// <summary>
/// The demo data set for the demo logins, made as real use makes it: every record is a request of the right demo
/// user (reception takes the calls, the caseworker calls back, the officer handles complaints) sent through the real
/// sender and pipeline, so every commitment clock exists, starts, stops, is met or missed exactly as in real use.
/// The generator runs its own services over the same database with a clock it moves forward through the weeks of
/// history (actions only inside office hours on working days); the app's own clock takes over afterwards. Work still
/// open at the end is open in "My work" and on the dashboard alike. Deterministic for a seed.
/// </summary>
public static class DemoHistory
{
    public static async Task<DemoHistoryReport> GenerateAsync(IServiceProvider appServices, DemoHistoryOptions? options = null,
        CancellationToken ct = default)
    {
        options ??= new DemoHistoryOptions();
        var took = Stopwatch.StartNew();
        await using (var scope = appServices.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
            if (await db.Clients.AnyAsync(ct))
                throw new InvalidOperationException("The database already has clients; demo history is made on a new database.");
        }
        var database = appServices.GetRequiredService<DatabaseSettings>();

        var now = Truncate(appServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var clock = new DemoClock(now.AddDays(-7 * options.Weeks));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCaseDeskDomain(database);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        // Personal codes are encrypted with the app's keys, so the app can read them back.
        services.Replace(ServiceDescriptor.Singleton(appServices.GetRequiredService<IDataProtectionProvider>()));
        if (database.IsSqlite)
            services.ConfigureDbContext<CaseDeskDb>(o => o.AddInterceptors(new NoSyncPerCommit()));
        await using var generation = services.BuildServiceProvider();

        var run = new Run(generation, clock, now, options);
        await run.ExecuteAsync(ct);
        return run.Report(took.Elapsed);
    }

    private static DateTime Truncate(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    /// <summary>The generator's clock: it moves only forward, to the time of the action being made.</summary>
    private sealed class DemoClock(DateTime startUtc) : TimeProvider
    {
        public DateTime UtcNow { get; private set; } = startUtc;

        public override DateTimeOffset GetUtcNow() => new(UtcNow, TimeSpan.Zero);

        public override TimeZoneInfo LocalTimeZone => VilniusTime.Zone;

        public void MoveTo(DateTime utc)
        {
            if (utc > UtcNow) UtcNow = utc;
        }
    }

    /// <summary>
    /// In WAL mode, synchronous NORMAL stays consistent and only defers the fsync to the checkpoint; a demo set cut short by
    /// a crash is incomplete anyway (the next start sees clients and does not make it again), so the thousand commits need not wait for the disk.
    /// </summary>
    private sealed class NoSyncPerCommit : DbConnectionInterceptor
    {
        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous = NORMAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous = NORMAL;";
            command.ExecuteNonQuery();
        }
    }

    private sealed record Worker(Caller Caller, Guid UnitId, string FullName);

    private sealed record DemoCase(Guid Id, Guid ClientId, string ClientName, string? Phone, string? Email, Worker Worker);

    private sealed class Run(IServiceProvider services, DemoClock clock, DateTime end, DemoHistoryOptions options)
    {
        private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;
        private static readonly double[] TouchpointWeights = [0, 22, 8, 0, 18, 8, 0, 5, 27, 3];

        private readonly Random r = new(options.Seed);
        private readonly PriorityQueue<Func<Task>, (DateTime At, long Order)> agenda = new();
        private readonly ICaseDeskSender sender = services.GetRequiredService<ICaseDeskSender>();
        private long order;
        private Caller reception = default!, officer = default!;
        private List<Worker> workers = [];
        private readonly List<DemoCase> cases = [];
        private readonly Dictionary<string, TimeSpan> timings = [];
        private int clients, contacts, phoneMessages, emails, visits, letters, complaints, praise, requests;

        public DemoHistoryReport Report(TimeSpan took) =>
            new(clients, cases.Count, contacts, phoneMessages, emails, visits, letters, complaints + praise, requests, took,
                timings.OrderByDescending(t => t.Value).Select(t => (t.Key, t.Value)).ToList());

        public async Task ExecuteAsync(CancellationToken ct)
        {
            await LoadStaffAsync();
            var start = clock.UtcNow;

            // Clients come in over the first weeks (most at the start, as when the desk went live), each with a case or two.
            for (var i = 0; i < options.Clients; i++)
            {
                var at = WorkingMomentBetween(start, end.AddDays(-3), skew: 2);
                At(at, () => NewClientAsync());
            }
            // Complaints and suggestions arrive through the weeks.
            // The long stories first, so they can run to the end; every stage is reached by some.
            for (var i = 0; i < options.Complaints; i++)
            {
                var steps = ComplaintSteps[i % ComplaintSteps.Length];
                var leaveActionOpen = i % 3 == 1;
                var share = (double)i / options.Complaints;
                At(WorkingMomentBetween(start.AddDays(5 + 25 * share), start.AddDays(7 + 25 * share)), () => NewComplaintAsync(steps, leaveActionOpen));
            }
            // Praise now and then: one thanked, one still waiting on the officer's desk. Fixed moments and no random draws, so adding
            // them leaves the rest of the history as it was.
            for (var i = 0; i < PraiseTexts.Length; i++)
            {
                var index = i;
                At(Calendar.AddWorkingMinutes(start, (12 + 12 * index) * WorkingCalendar.MinutesPerWorkingDay + 150), () => NewPraiseAsync(index));
            }
            // The breach sweep runs every minute in the app; once per working day is enough to leave its notifications.
            for (var day = start.Date; day < end; day = day.AddDays(1))
                if (Calendar.IsWorkingDay(DateOnly.FromDateTime(day)))
                    At(day.AddHours(14), () => Send(new NotifyBreaches(), Caller.System));

            while (agenda.TryDequeue(out var action, out var when))
            {
                ct.ThrowIfCancellationRequested();
                if (when.At > end)
                    continue; // not yet happened: the work stays open
                clock.MoveTo(when.At);
                await action();
            }
            clock.MoveTo(end);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
            if (db.Database.IsSqlite())
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
        }

        private async Task LoadStaffAsync()
        {
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            async Task<List<Caller>> InRole(string role) =>
                (await users.GetUsersInRoleAsync(role)).Where(u => u.LockoutEnd is null).OrderBy(u => u.UserName, StringComparer.Ordinal)
                    .Select(u => new Caller(u.Id, u.UserName!, new HashSet<string> { role })).ToList();
            var caseworkers = (await users.GetUsersInRoleAsync(Roles.Caseworker)).OrderBy(u => u.UserName, StringComparer.Ordinal).ToList();
            workers = caseworkers.Select(u => new Worker(new Caller(u.Id, u.UserName!, new HashSet<string> { Roles.Caseworker }),
                u.UnitId ?? StandardReferenceData.Units[1].Id, u.FullName)).ToList();
            reception = (await InRole(Roles.Reception)).FirstOrDefault() ?? Caller.System;
            officer = (await InRole(Roles.QualityOfficer)).FirstOrDefault() ?? Caller.System;
            if (workers.Count == 0)
                throw new InvalidOperationException("There are no caseworkers: seed the demo logins before the demo history.");
        }

        // ---------- scheduling ----------

        private DateTime Now => clock.UtcNow;

        private void At(DateTime at, Func<Task> action) => agenda.Enqueue(action, (at, order++));

        /// <summary>After this many working minutes from now: inside office hours on a working day.</summary>
        private void After(double workingMinutes, Func<Task> action) => At(Calendar.AddWorkingMinutes(Now, Math.Max(1, workingMinutes)), action);

        /// <summary>A moment inside office hours between two instants; skew &gt; 1 leans towards the start.</summary>
        private DateTime WorkingMomentBetween(DateTime from, DateTime to, double skew = 1)
        {
            var minutes = Calendar.WorkingMinutesBetween(from, to);
            return Calendar.AddWorkingMinutes(from, 1 + Math.Pow(r.NextDouble(), skew) * Math.Max(0, minutes - 2));
        }

        private bool Chance(double p) => r.NextDouble() < p;
        private T Pick<T>(IReadOnlyList<T> items) => items[r.Next(items.Count)];

        private int PickIndex(double[] weights)
        {
            var roll = r.NextDouble() * weights.Sum();
            for (var i = 0; i < weights.Length; i++)
            {
                roll -= weights[i];
                if (roll < 0) return i;
            }
            return weights.Length - 1;
        }

        /// <summary>How long a step takes: mostly within the target, sometimes late (the demo month is not perfect).</summary>
        private double Delay(double targetMinutes, double lateShare) =>
            Chance(lateShare) ? targetMinutes * (1.05 + 1.5 * r.NextDouble()) : targetMinutes * (0.05 + 0.85 * r.NextDouble());

        private async Task<T> Send<T>(IRequest<T> request, Caller caller)
        {
            requests++;
            var started = Stopwatch.GetTimestamp();
            try
            {
                return await sender.Send(request, caller);
            }
            finally
            {
                var name = request.GetType().Name;
                timings[name] = timings.GetValueOrDefault(name) + Stopwatch.GetElapsedTime(started);
            }
        }

        private async Task<Guid> VersionAsync(Func<CaseDeskDb, Task<Guid>> read)
        {
            await using var scope = services.CreateAsyncScope();
            return await read(scope.ServiceProvider.GetRequiredService<CaseDeskDb>());
        }

        // ---------- clients and cases ----------

        private async Task NewClientAsync()
        {
            var female = Chance(0.58);
            var age = Chance(0.1) ? r.Next(0, 18) : Chance(0.6) ? r.Next(18, 65) : r.Next(65, 95);
            var first = female ? Pick(FemaleFirstNames) : Pick(MaleFirstNames);
            var surname = Pick(CommonSurnames);
            var last = female ? (age >= 20 && Chance(0.65) ? surname.Married : surname.Maiden) : surname.Male;
            var phone = Chance(0.9) ? "+370 6" + r.Next(10, 99) + " " + r.Next(10000, 99999) : null;
            var email = age >= 16 && Chance(0.35) ? $"{Client.SearchKey(first)}.{Client.SearchKey(last)}{r.Next(1, 99)}@{Pick(EmailDomains)}" : null;
            string[] groups = age < 18 ? new[] { "children" } : age >= 65 ? new[] { "elderly" } : [];
            var registrar = Chance(0.7) ? reception : Pick(workers).Caller;
            var clientId = await Send(new RegisterClient(first, last, null, DateOnly.FromDateTime(Now).AddYears(-age).AddDays(-r.Next(0, 364)),
                phone, email, $"{Pick(AlytusStreets)} {r.Next(1, 120)}, LT-6{r.Next(2100, 3399)} Alytus", groups, ClientLanguage.Lithuanian,
                null, null, false, null, [], ConfirmedNotDuplicate: true), registrar);
            clients++;

            var caseCount = Chance(0.33) ? 2 : 1;
            for (var i = 0; i < caseCount; i++)
            {
                var worker = Pick(workers);
                var service = Pick(Services.Where(s => !s.Cash).ToList()).Name;
                var due = Calendar.AddWorkingMinutes(Now, r.Next(5, 40) * WorkingCalendar.MinutesPerWorkingDay);
                var caseId = await Send(new OpenCase(clientId, service, worker.UnitId, worker.Caller.UserId, due), registrar);
                var demoCase = new DemoCase(caseId, clientId, $"{first} {last}", phone, email, worker);
                cases.Add(demoCase);
                PlanCaseStory(demoCase);
                PlanDueReview(demoCase, due);
            }
        }

        /// <summary>What happens on a case over the weeks: contacts, calls, e-mails, letters and visits, each at its own pace.</summary>
        private void PlanCaseStory(DemoCase k)
        {
            var from = Now;
            for (var i = r.Next(1, 4); i > 0; i--)
                At(WorkingMomentBetween(from, end), () => ContactAsync(k));
            if (Chance(0.45))
                At(WorkingMomentBetween(from, end), () => PhoneMessageAsync(k));
            if (k.Email is not null && Chance(0.6))
                At(WorkingMomentBetween(from, end), () => EmailAsync(k));
            if (Chance(0.3))
                At(WorkingMomentBetween(from, end), () => LetterAsync(k));
            if (Chance(0.3))
                At(WorkingMomentBetween(from, end), () => OfferVisitAsync(k));
        }

        /// <summary>
        /// Most of the time the caseworker moves the case's next-action date on before it passes (as they do at work);
        /// the rest are left to pass and show as overdue in My work.
        /// </summary>
        private void PlanDueReview(DemoCase k, DateTime due)
        {
            if (!Chance(0.85))
                return;
            At(WorkingMomentBetween(Now, due, skew: 0.3), async () =>
            {
                await using var scope = services.CreateAsyncScope();
                var open = await scope.ServiceProvider.GetRequiredService<CaseDeskDb>().Cases.AsNoTracking()
                    .Where(c => c.Id == k.Id && c.Status != CaseStatus.Closed).Select(c => new { c.Version }).FirstOrDefaultAsync();
                if (open is null)
                    return;
                var next = Calendar.AddWorkingMinutes(Now, r.Next(5, 30) * WorkingCalendar.MinutesPerWorkingDay);
                await Send(new SetCaseDue(k.Id, open.Version, next), k.Worker.Caller);
                PlanDueReview(k, next);
            });
        }

        private async Task ContactAsync(DemoCase k)
        {
            var touchpoint = PickIndex(TouchpointWeights) + 1;
            var (channel, direction) = touchpoint switch
            {
                2 => Chance(0.6) ? (ContactChannel.PhoneIn, ContactDirection.FromClient) : (ContactChannel.PhoneOut, ContactDirection.ToClient),
                3 => (ContactChannel.EmailIn, ContactDirection.FromClient),
                6 => (ContactChannel.PhoneOut, ContactDirection.ToClient),
                _ => Chance(0.6) ? (ContactChannel.OfficeVisit, ContactDirection.FaceToFace) : (ContactChannel.PhoneOut, ContactDirection.ToClient),
            };
            PromiseInput[] promises = Chance(0.15)
                ? new[] { new PromiseInput(Pick(PromiseTexts), Calendar.AddWorkingMinutes(Now, r.Next(1, 8) * WorkingCalendar.MinutesPerWorkingDay)) }
                : [];
            var occurred = Now.AddMinutes(-r.Next(5, 40));
            await Send(new LogContact(k.ClientId, k.Id, touchpoint, channel, direction, occurred,
                string.Format(Pick(ContactSummaries), Pick(Services).Name), Pick(Discussed), Chance(0.6) ? Pick(Decided) : null,
                Chance(0.5) ? Pick(Done) : null, Pick(NextSteps), null, null, promises), k.Worker.Caller);
            contacts++;
            foreach (var promise in promises)
            {
                // Most promises are checked off in time, some late, some not yet.
                if (Chance(0.85))
                    At(Calendar.AddWorkingMinutes(Now, Delay(Calendar.WorkingMinutesBetween(Now, promise.DueAtUtc), 0.2)),
                        () => CheckOffPromiseAsync(k, promise.Text));
            }
        }

        private async Task CheckOffPromiseAsync(DemoCase k, string text)
        {
            await using var scope = services.CreateAsyncScope();
            var open = await scope.ServiceProvider.GetRequiredService<CaseDeskDb>().Promises.AsNoTracking()
                .Where(p => p.CaseId == k.Id && p.Text == text && p.DoneAtUtc == null).Select(p => new { p.Id, p.Version }).FirstOrDefaultAsync();
            if (open is not null)
                await Send(new CheckOffPromise(open.Id, open.Version, Chance(0.3) ? "Klientas informuotas" : null), k.Worker.Caller);
        }

        private async Task PhoneMessageAsync(DemoCase k)
        {
            var id = await Send(new TakePhoneMessage(Now.AddMinutes(-r.Next(1, 10)), k.ClientName, null, null, k.Phone ?? "+370 600 00000",
                Pick(LithuanianSamples.PhoneMessages), k.Worker.Caller.UserId, k.ClientId, k.Id), reception);
            phoneMessages++;
            After(Delay(WorkingCalendar.MinutesPerWorkingDay, 0.25), async () =>
            {
                var version = await VersionAsync(db => db.PhoneMessages.Where(m => m.Id == id).Select(m => m.Version).SingleAsync());
                await Send(new LogCallBack(id, version, k.ClientId, k.Id, Now.AddMinutes(-r.Next(1, 15)), "Perskambinta dėl žinutės",
                    Pick(Discussed), null, null, Pick(NextSteps), null, null, []), k.Worker.Caller);
                contacts++;
            });
        }

        private async Task EmailAsync(DemoCase k)
        {
            var subject = Pick(EmailSubjects);
            var id = await Send(new RegisterEmail(Now.AddMinutes(-r.Next(5, 60)), k.Email!, k.ClientName, subject, Pick(EmailBodies),
                k.ClientId, k.Id, k.Worker.Caller.UserId), reception);
            emails++;
            After(Delay(WorkingCalendar.MinutesPerWorkingDay, 0.2), async () =>
            {
                var version = await VersionAsync(db => db.EmailEnquiries.Where(e => e.Id == id).Select(e => e.Version).SingleAsync());
                await Send(new ReplyToEmail(id, version, "Re: " + subject, Pick(ReplyBodies)), k.Worker.Caller);
                // History: the mail server accepted the reply when it was written (nothing is sent for demo data).
                var queued = await VersionAsync(db => Mail.Outbox.Messages(db).Where(m => m.SourceId == id).Select(m => m.Id).SingleAsync());
                await Send(new Mail.RecordMailAccepted(queued, clock.GetUtcNow().UtcDateTime), Caller.System);
                contacts++;
            });
        }

        private async Task LetterAsync(DemoCase k)
        {
            var template = Pick(StandardLetterTemplates.All.ToList());
            var id = await Send(new ComposeLetter(k.Id, template.Id), k.Worker.Caller);
            letters++;
            After(Delay(5 * WorkingCalendar.MinutesPerWorkingDay, 0.2), async () =>
            {
                var version = await VersionAsync(db => db.InformationLetters.Where(l => l.Id == id).Select(l => l.Version).SingleAsync());
                await Send(new MarkLetterSent(id, version, Now, Chance(0.5) ? LetterChannel.Post : LetterChannel.Email), k.Worker.Caller);
                contacts++;
            });
        }

        private async Task OfferVisitAsync(DemoCase k)
        {
            var id = await Send(new OfferVisit(k.Id, Pick(VisitPurposes), IsInspection: false), k.Worker.Caller);
            visits++;
            After(Delay(5 * WorkingCalendar.MinutesPerWorkingDay, 0.2), async () =>
            {
                var version = await VersionAsync(db => db.HomeVisits.Where(v => v.Id == id).Select(v => v.Version).SingleAsync());
                var day = Calendar.AddWorkingMinutes(Now, r.Next(1, 6) * WorkingCalendar.MinutesPerWorkingDay);
                var local = VilniusTime.ToLocal(day).Date.AddHours(r.Next(9, 14)).AddMinutes(15 * r.Next(0, 4));
                var start = VilniusTime.ToUtc(local);
                if (start <= Now || !Calendar.IsWorkingDay(DateOnly.FromDateTime(local)))
                    return; // no convenient time found: the visit stays to agree
                await Send(new AgreeVisit(id, version, start, start.AddHours(1)), k.Worker.Caller);
                // Arrive on time mostly; some a little late, some late beyond the quarter hour.
                var arrival = start.AddMinutes(Chance(0.75) ? r.Next(-10, 10) : r.Next(16, 50));
                At(arrival, async () =>
                {
                    var v = await VersionAsync(db => db.HomeVisits.Where(x => x.Id == id).Select(x => x.Version).SingleAsync());
                    await Send(new RecordArrival(id, v, Now), k.Worker.Caller);
                    At(Now.AddMinutes(r.Next(40, 80)), async () =>
                    {
                        var w = await VersionAsync(db => db.HomeVisits.Where(x => x.Id == id).Select(x => x.Version).SingleAsync());
                        await Send(new RecordDeparture(id, w, Now, "Apsilankymas namuose", Pick(Discussed), Pick(Decided), null, Pick(NextSteps),
                            null, null, []), k.Worker.Caller);
                        contacts++;
                    });
                });
            });
        }

        // ---------- complaints ----------

        /// <summary>How many steps each complaint takes, in order of registration: 9 closes it, 6 plans its action.</summary>
        private static readonly int[] ComplaintSteps = [9, 9, 6, 9, 7, 6, 4, 2, 8, 1, 6, 3, 0, 5];

        // What clients complain of at each touchpoint the demo uses, so the officer's list reads like a real one.
        private static readonly Dictionary<int, string[]> ComplaintTexts = new()
        {
            [2] = ["Niekas neatskambino, nors žadėjo perskambinti per dieną", "Skambinau tris kartus, niekas neatsiliepė ir neperskambino"],
            [3] = ["Į mano el. laišką niekas neatsakė jau savaitę", "Atsakyme el. paštu nebuvo nei darbuotojo vardo, nei telefono"],
            [6] = ["Informaciniame rašte nurodyta neteisinga dokumentų pateikimo data", "Raštą gavau jau praėjus nurodytam terminui"],
            [7] = ["Socialinė darbuotoja vėlavo į vizitą valandą ir nepranešė", "Vizitas atšauktas tą pačią dieną be jokio paaiškinimo"],
            [8] = ["Mano problema sprendžiama jau mėnesį, niekas nepasako, kas toliau", "Darbuotojas kalbėjo nepagarbiai, kai klausiau apie sprendimą"],
        };

        private static readonly string[] SuggestionTexts =
        [
            "Siūlau priimti klientus ir šeštadieniais",
            "Būtų patogu dokumentų kopijas pateikti el. paštu",
            "Siūlau laukiamajame įrengti vietą vaikams",
        ];

        private static readonly string[] PraiseTexts =
        [
            "Ačiū socialinei darbuotojai už kantrybę ir greitą pagalbą tvarkant dokumentus",
            "Dėkoju: paskambino atgal tą pačią dieną, kaip ir žadėjo",
        ];

        /// <summary>Praise from a client of the case at a fixed place in the list; the first is thanked a working day later.</summary>
        private async Task NewPraiseAsync(int index)
        {
            if (cases.Count == 0)
                return;
            var k = cases[(cases.Count / 3 + 7 * index) % cases.Count];
            var id = await Send(new RegisterFeedback(FeedbackKind.Praise, index == 0 ? FeedbackSource.InPerson : FeedbackSource.Phone, Now.AddMinutes(-20),
                PraiseTexts[index], k.ClientId, k.Id, null, null, [index == 0 ? 8 : 2], []), reception);
            praise++;
            if (index == 0)
                After(WorkingCalendar.MinutesPerWorkingDay, async () =>
                    await Send(new ThankForSuggestion(id, (await ComplaintStateAsync(id)).Item2, "Padėkota telefonu, padėka perduota darbuotojai"), officer));
        }

        private async Task NewComplaintAsync(int stepsToTake, bool leaveActionOpen)
        {
            if (cases.Count == 0)
                return;
            var k = Pick(cases);
            var complaint = stepsToTake > 0 || Chance(0.5);
            var touchpoint = Pick(new[] { 2, 3, 6, 7, 8 });
            var commitment = touchpoint switch { 2 => "VIII", 3 => "IX", 7 => "VIII", _ => "X" };
            var id = await Send(new RegisterFeedback(complaint ? FeedbackKind.Complaint : FeedbackKind.Suggestion,
                Pick(new[] { FeedbackSource.Phone, FeedbackSource.Email, FeedbackSource.InPerson }), Now.AddMinutes(-r.Next(5, 60)),
                complaint ? ComplaintTexts[touchpoint][complaints % 2] : SuggestionTexts[complaints % SuggestionTexts.Length], k.ClientId, k.Id, null, null,
                [touchpoint], [commitment]), reception);
            complaints++;
            if (!complaint)
                return;
            After(Delay(WorkingCalendar.MinutesPerWorkingDay, 0.3), () => ComplaintStepAsync(id, k, stepsToTake, leaveActionOpen));
        }

        private async Task ComplaintStepAsync(Guid id, DemoCase k, int stepsLeft, bool leaveActionOpen)
        {
            if (stepsLeft <= 0)
                return;
            var (stage, version) = await ComplaintStateAsync(id);
            switch (stage)
            {
                case ComplaintStage.Registered:
                    await Send(new AcknowledgeComplaint(id, version, true, "Atsiprašome, kad teko laukti"), officer);
                    break;
                case ComplaintStage.Acknowledged:
                    await Send(new ClarifyComplaintFacts(id, version, "Pranešimas kolegai nebuvo perduotas laiku"), officer);
                    break;
                case ComplaintStage.FactsClarified:
                    await Send(new TellComplaintActionPlan(id, version, "Paskambinsime ir perduosime pranešimą atsakingam darbuotojui"), officer);
                    break;
                case ComplaintStage.ActionPlanTold:
                    await Send(new RouteComplaint(id, version, [k.Worker.UnitId]), officer);
                    break;
                case ComplaintStage.Routed:
                    await Send(new ChooseRootCause(id, version, "routing", "Žodinis perdavimas"), officer);
                    break;
                case ComplaintStage.RootCauseFound:
                    // The owner reports it done in time, late, or not at all (an overdue action on the dashboard and in "My work").
                    var deadline = Calendar.AddWorkingMinutes(Now, r.Next(2, 6) * WorkingCalendar.MinutesPerWorkingDay);
                    await Send(new PlanCorrectiveAction(id, version, "Pranešimus kolegoms perduoti raštu sistemoje", k.Worker.Caller.UserId,
                        deadline), officer);
                    var actionId = await VersionAsync(db => db.CorrectiveActions.Where(a => a.ComplaintId == id).Select(a => a.Id).FirstAsync());
                    if (leaveActionOpen)
                        return; // the action is left open: no more steps until it is done
                    var reported = Calendar.AddWorkingMinutes(Now, Delay(Calendar.WorkingMinutesBetween(Now, deadline), 0.15));
                    At(reported, () => Send(new ReportActionDone(actionId), k.Worker.Caller));
                    // The officer checks once the deadline has passed and the owner has reported it done.
                    At(Calendar.AddWorkingMinutes(reported > deadline ? reported : deadline, r.Next(30, 600)), () => ComplaintStepAsync(id, k, stepsLeft - 1, leaveActionOpen));
                    return;
                case ComplaintStage.ActionsPlanned:
                    var actions = await VersionAsync(async db => (await db.CorrectiveActions.AsNoTracking().Where(a => a.ComplaintId == id
                        && a.ReportedDoneAtUtc != null && a.VerifiedAtUtc == null).Select(a => a.Id).ToListAsync()).FirstOrDefault());
                    if (actions == Guid.Empty)
                        return;
                    await Send(new VerifyCorrectiveAction(id, version, actions, VerificationResult.Done, "Patikrinta sistemoje"), officer);
                    break;
                case ComplaintStage.ActionsVerified:
                    await Send(new InformComplainant(id, version, "Atsiprašėme, tvarka pakeista", "Telefonu"), officer);
                    break;
                case ComplaintStage.ClientInformed:
                    await Send(new CloseComplaint(id, version), officer);
                    return;
                default:
                    return;
            }
            After(Delay(WorkingCalendar.MinutesPerWorkingDay / 2, 0.2), () => ComplaintStepAsync(id, k, stepsLeft - 1, leaveActionOpen));
        }

        private async Task<(ComplaintStage, Guid)> ComplaintStateAsync(Guid id)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
            var c = await db.Complaints.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Stage, x.Version }).SingleAsync();
            return (c.Stage, c.Version);
        }
    }
}
