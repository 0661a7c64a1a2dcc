using System.Diagnostics;
using Bogus;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Emails;
using CaseDesk.Domain.Letters;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Domain.Privacy;
using CaseDesk.Domain.Reference;
using CaseDesk.Domain.Users;
using CaseDesk.Domain.Visits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CaseDesk.Domain.Demo.LithuanianSamples;

namespace CaseDesk.Domain.Demo;

/// <summary>How much to generate. The defaults are the issue's benchmark set.</summary>
public sealed record DemoDataOptions
{
    public int Clients { get; init; } = 100_000;
    public int Cases { get; init; } = 150_000;
    /// <summary>All contacts, including those that answer phone messages, e-mails, visits and letters.</summary>
    public int Contacts { get; init; } = 1_000_000;
    /// <summary>Caseworkers created in addition to the ones that exist (without a password: they cannot sign in).</summary>
    public int ExtraCaseworkers { get; init; } = 60;
    public int ExtraReceptionists { get; init; } = 4;
    /// <summary>Share of clients with a (valid, unique) personal code, stored as hash + cipher like the app does.</summary>
    public double PersonalCodeShare { get; init; } = 0.3;
    public int YearsOfHistory { get; init; } = 3;
    public int Seed { get; init; } = 2026;
}

public sealed record DemoDataReport(
    int Clients, int PersonalCodes, int Cases, int OpenCases, int Contacts, int Promises, int PhoneMessages, int Emails,
    int Visits, int Letters, int StaffCreated, long Rows, IReadOnlyList<(string Phase, TimeSpan Took)> Phases)
{
    public TimeSpan Elapsed => Phases.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Took);
}

/// <summary>
/// Fills a migrated, seeded database with realistic Lithuanian data for demos and benchmarks: clients in
/// Alytus, their cases spread over caseworkers and units (mostly open, due dates spread around today),
/// contacts on all ten touchpoints with promises, and phone messages, e-mails, home visits and letters that
/// end in contacts. Every row is built through the entity constructors and rule methods, so derived columns
/// (NameKey, PhoneKey, status history) are computed exactly as in the app; rows are then written in bulk,
/// bypassing the request pipeline and its audit. For the benchmark's millions of rows only: bypassing the
/// requests also bypasses the commitment clocks, so this data has none. The demo logins' data is made by
/// <see cref="DemoHistory"/> through the real requests.
/// </summary>
public static class DemoDataGenerator
{
    public const string SourcePhoneMessage = nameof(PhoneMessage);
    public const string SourceEmail = nameof(EmailEnquiry);
    public const string SourceVisit = nameof(HomeVisit);
    public const string SourceLetter = nameof(InformationLetter);

    public static async Task<DemoDataReport> GenerateAsync(IServiceProvider services, DemoDataOptions options,
        Action<string>? log = null, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        // The bulk writer tunes SQLite's own settings (PRAGMA synchronous, cache_size) for the load.
        if (!scope.ServiceProvider.GetRequiredService<CaseDeskDb>().Database.IsSqlite())
            throw new InvalidOperationException("The bulk demo data generator writes SQLite files only; on PostgreSQL use Demo:Seed (the demo history through the real requests).");
        var run = new Run(scope.ServiceProvider, options, log ?? (_ => { }));
        return await run.ExecuteAsync(ct);
    }

    private sealed record Staff(string Id, string FullName, string Position, Guid? UnitId, string? Phone, string UnitName);

    private struct ClientInfo
    {
        public Guid Id;
        public string FullName;
        public string Salutation;
        public string? Phone;
        public string? Email;
        public DateTime CreatedAtUtc;
        public bool TwoEmployees;
    }

    private struct CaseInfo
    {
        public Guid Id;
        public int Client;
        public DateTime OpenedAtUtc;
        /// <summary>When the case closed, or now: everything on the case happens before it.</summary>
        public DateTime EndUtc;
        public int Assignee;
        public int Service;
        public string Number;
        public bool Closed;
    }

    private sealed class Run
    {
        private readonly IServiceProvider services;
        private readonly DemoDataOptions options;
        private readonly Action<string> log;
        private readonly Randomizer r;
        private readonly DateTime now;
        private readonly List<(string, TimeSpan)> phases = [];
        private readonly Stopwatch phase = new();
        private List<Staff> caseworkers = [];
        private List<Staff> receptionists = [];
        private double[] caseworkerWeights = [];
        private ClientInfo[] clients = [];
        private CaseInfo[] cases = [];
        private readonly List<Contact> sourcedContacts = [];
        private int staffCreated, personalCodes, openCases, promises, phoneMessages, emails, visits, letters;

        public Run(IServiceProvider services, DemoDataOptions options, Action<string> log)
        {
            this.services = services;
            this.options = options;
            this.log = log;
            r = new Randomizer(options.Seed);
            now = Truncate(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        }

        private DateTime Start => now.AddYears(-options.YearsOfHistory);

        public async Task<DemoDataReport> ExecuteAsync(CancellationToken ct)
        {
            var db = services.GetRequiredService<CaseDeskDb>();
            if (await db.Clients.AnyAsync(ct))
                throw new InvalidOperationException("The database already has clients; generate demo data into a new database.");
            if (!await db.Touchpoints.AnyAsync(ct))
                throw new InvalidOperationException("The database has no reference data; run DatabaseInitializer.MigrateAndSeedAsync first.");

            Begin();
            await EnsureStaffAsync(ct);
            End("staff");

            await using var writer = await BulkWriter.OpenAsync(db, ct: ct);
            Begin();
            await WriteClientsAsync(writer, ct);
            End("clients");
            Begin();
            WriteCases(writer);
            End("cases");
            Begin();
            WritePhoneMessages(writer);
            WriteEmails(writer);
            WriteVisits(writer);
            WriteLetters(writer);
            End("phone messages, e-mails, visits, letters");
            Begin();
            WriteContacts(writer);
            writer.Commit();
            End("contacts and promises");
            var rows = writer.Rows;
            await writer.DisposeAsync();

            Begin();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
            End("checkpoint");

            return new DemoDataReport(clients.Length, personalCodes, cases.Length, openCases, sourcedContacts.Count + RegularContacts,
                promises, phoneMessages, emails, visits, letters, staffCreated, rows, phases);
        }

        private int RegularContacts => Math.Max(0, options.Contacts - sourcedContacts.Count);

        private void Begin() => phase.Restart();

        private void End(string name)
        {
            phases.Add((name, phase.Elapsed));
            log($"{name}: {phase.Elapsed.TotalSeconds:F1} s");
        }

        // ---------- staff ----------

        private async Task EnsureStaffAsync(CancellationToken ct)
        {
            var users = services.GetRequiredService<UserManager<StaffUser>>();
            var units = StandardReferenceData.Units;
            for (var i = 1; i <= options.ExtraCaseworkers; i++)
            {
                var unit = r.Bool(0.7f) ? units[1] : units[2];
                var female = r.Bool(0.8f);
                var position = unit == units[2] ? (female ? "Vyriausioji specialistė" : "Vyriausiasis specialistas")
                    : female ? "Socialinė darbuotoja" : "Socialinis darbuotojas";
                staffCreated += await CreateUserAsync(users, $"cw{i:D3}", Roles.Caseworker, female, position, unit.Id);
            }
            for (var i = 1; i <= options.ExtraReceptionists; i++)
            {
                var female = r.Bool(0.8f);
                staffCreated += await CreateUserAsync(users, $"rc{i:D3}", Roles.Reception, female,
                    female ? "Skambučių centro specialistė" : "Skambučių centro specialistas", units[0].Id);
            }

            var unitNames = units.ToDictionary(u => u.Id, u => u.NameLt);
            Staff ToStaff(StaffUser u) => new(u.Id, u.FullName, u.Position, u.UnitId, u.PhoneNumber,
                u.UnitId is { } id && unitNames.TryGetValue(id, out var name) ? name : "");
            caseworkers = (await users.GetUsersInRoleAsync(Roles.Caseworker)).OrderBy(u => u.UserName, StringComparer.Ordinal).Select(ToStaff).ToList();
            receptionists = (await users.GetUsersInRoleAsync(Roles.Reception)).OrderBy(u => u.UserName, StringComparer.Ordinal).Select(ToStaff).ToList();
            if (caseworkers.Count == 0)
                throw new InvalidOperationException("There are no caseworkers to assign cases to: seed the demo logins or ask for extra caseworkers.");
            if (receptionists.Count == 0)
                receptionists = caseworkers;
            // The demo caseworker carries the heaviest list, so the demo and the benchmark show a full "My cases".
            var demo = (await users.FindByNameAsync("caseworker"))?.Id;
            caseworkerWeights = caseworkers.Select(c => c.Id == demo ? 2.5 : 0.4 + 1.2 * r.Double()).ToArray();
            ct.ThrowIfCancellationRequested();
        }

        private async Task<int> CreateUserAsync(UserManager<StaffUser> users, string userName, string role, bool female, string position, Guid unit)
        {
            if (await users.FindByNameAsync(userName) is not null)
                return 0;
            var (first, last) = PersonName(female, adult: true);
            var user = new StaffUser
            {
                UserName = userName, Email = $"{userName}@casedesk.demo", EmailConfirmed = true, FirstName = first, LastName = last,
                Position = position, UnitId = unit, PhoneNumber = "+370 315 " + r.ReplaceNumbers("5# ###"),
            };
            Check(await users.CreateAsync(user), userName);
            Check(await users.AddToRoleAsync(user, role), userName);
            return 1;

            static void Check(IdentityResult result, string who)
            {
                if (!result.Succeeded)
                    throw new InvalidOperationException($"Could not create demo user {who}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }
        }

        // ---------- clients ----------

        private async Task WriteClientsAsync(BulkWriter writer, CancellationToken ct)
        {
            // The hash lookup reads the database's key: a scope (and connection) of its own, outside the bulk transaction.
            await using var protectorScope = services.CreateAsyncScope();
            var protector = protectorScope.ServiceProvider.GetRequiredService<IPersonalCodeProtector>();
            var usedCodes = new HashSet<string>(StringComparer.Ordinal);
            var groupCodes = StandardReferenceData.ClientGroups.Select(g => g.Code).ToArray();
            var today = DateOnly.FromDateTime(now);
            clients = new ClientInfo[options.Clients];
            var hashing = new Stopwatch();
            var ciphering = new Stopwatch();

            for (var i = 0; i < clients.Length; i++)
            {
                var female = r.Bool(0.58f);
                var roll = r.Double();
                var age = roll < 0.08 ? r.Number(0, 17) : roll < 0.62 ? r.Number(18, 64) : r.Number(65, 96);
                var birth = today.AddYears(-age).AddDays(-r.Number(0, 364));
                var (first, last) = PersonName(female, adult: age >= 20);
                var created = Between(Start.AddMonths(-6), now.AddDays(-1));
                var client = new Client(Guid.CreateVersion7(new DateTimeOffset(created)), first, last, created,
                    Pick(receptionists).Id);

                if (r.Bool(0.9f))
                    client.SetPhone(r.Bool(0.75f) ? MobilePhone() : "8 315 " + r.ReplaceNumbers("#####"));
                if (age >= 16 && r.Bool(0.35f))
                    client.Email = $"{Client.SearchKey(first)}.{Client.SearchKey(last)}{(r.Bool(0.4f) ? r.Number(1, 99).ToString() : "")}@{r.ArrayElement(EmailDomains)}";
                if (r.Bool(0.95f))
                    client.Address = $"{r.ArrayElement(AlytusStreets)} {r.Number(1, 120)}{(r.Bool(0.6f) ? "-" + r.Number(1, 90) : "")}, LT-6{r.Number(2100, 3399)} Alytus";

                var language = r.Double();
                (client.Language, client.LanguageNote) = language switch
                {
                    < 0.92 => (ClientLanguage.Lithuanian, null),
                    < 0.965 => (ClientLanguage.Russian, "Lietuviškai supranta sunkiai, geriau bendrauti rusiškai"),
                    < 0.99 => (ClientLanguage.Polish, "Pageidauja bendrauti lenkiškai"),
                    < 0.995 => (ClientLanguage.SignLanguage, "Reikalingas gestų kalbos vertėjas"),
                    _ => (ClientLanguage.Other, "Ukrainiečių kalba; naudojama vertimo programėlė"),
                };
                if (r.Bool(0.05f))
                    client.AccessibilityNeeds = r.ArrayElement(LithuanianSamples.AccessibilityNeeds);
                if (r.Bool(0.015f))
                {
                    client.MeetWithTwoEmployees = true;
                    client.SafetyNote = r.ArrayElement(SafetyNotes);
                }

                if (r.Bool((float)options.PersonalCodeShare))
                {
                    var code = NewPersonalCode(birth, female, usedCodes);
                    hashing.Start();
                    var hash = await protector.LookupHashAsync(code, ct);
                    hashing.Stop();
                    ciphering.Start();
                    var cipher = protector.Protect(code);
                    ciphering.Stop();
                    client.SetPersonalCode(hash, cipher, birth);
                    personalCodes++;
                }
                else if (r.Bool(0.6f))
                {
                    client.SetBirthDate(birth);
                }

                var groups = new List<string>(2);
                if (age < 18) groups.Add("children");
                else if (age >= 65 && r.Bool(0.7f)) groups.Add("elderly");
                if (age >= 18 && r.Bool(0.5f)) groups.Add(r.ArrayElement(groupCodes));
                client.SetGroups(groups);
                if (r.Bool(0.25f))
                    client.SetHousehold(Enumerable.Range(0, r.Number(1, 3)).Select(_ => HouseholdMember(last, today.Year)));

                writer.Add(client);
                writer.AddRange(client.Groups);
                writer.AddRange(client.Household);
                clients[i] = new ClientInfo
                {
                    Id = client.Id, FullName = client.FullName, Phone = client.Phone, Email = client.Email,
                    Salutation = StandardLetterTemplates.Salutation(ClientLanguage.Lithuanian, client.FirstName, client.LastName),
                    CreatedAtUtc = created, TwoEmployees = client.MeetWithTwoEmployees,
                };
            }
            log($"  personal codes: {personalCodes} hashed in {hashing.Elapsed.TotalSeconds:F1} s (IPersonalCodeProtector.LookupHashAsync), " +
                $"encrypted in {ciphering.Elapsed.TotalSeconds:F1} s (Protect)");
        }

        private (string Name, string Relation, int? BirthYear) HouseholdMember(string clientLastName, int year)
        {
            var (relation, child) = r.ArrayElement(Relations);
            var female = relation is "Sutuoktinė" or "Dukra" or "Motina" or "Anūkė" || (relation == "Globotinis" && r.Bool());
            var first = r.ArrayElement(female ? FemaleFirstNames : MaleFirstNames);
            return ($"{first} {clientLastName}", relation, r.Bool(0.8f) ? year - (child ? r.Number(0, 17) : r.Number(25, 85)) : null);
        }

        /// <summary>GYYMMDDNNNC: gender and century, date of birth, a serial number and the check digit of <see cref="PersonalCode"/>.</summary>
        private string NewPersonalCode(DateOnly birth, bool female, HashSet<string> used)
        {
            var first = (birth.Year < 2000 ? 3 : 5) + (female ? 1 : 0);
            while (true)
            {
                var body = $"{first}{birth.Year % 100:D2}{birth.Month:D2}{birth.Day:D2}{r.Number(0, 999):D3}";
                var code = body + PersonalCode.CheckDigit(body);
                if (used.Add(code))
                    return code;
            }
        }

        // ---------- cases ----------

        private void WriteCases(BulkWriter writer)
        {
            var units = StandardReferenceData.Units;
            var all = Enumerable.Range(0, caseworkers.Count).ToArray();
            var byUnit = all.GroupBy(i => caseworkers[i].UnitId ?? Guid.Empty)
                .ToDictionary(g => g.Key, g => (Workers: g.ToArray(), Weights: g.Select(i => caseworkerWeights[i]).ToArray()));
            var serviceWeights = Services.Select(s => s.Cash ? 0.6 : 1.0).ToArray();
            cases = new CaseInfo[options.Cases];
            var span = (now - Start).TotalDays;

            for (var i = 0; i < cases.Length; i++)
            {
                var client = r.Number(0, clients.Length - 1);
                var service = PickIndex(serviceWeights);
                var unit = Services[service].Cash ? units[2].Id : units[1].Id;
                var opened = Between(Max(clients[client].CreatedAtUtc, Start), now.AddHours(-1));
                var closed = r.Bool((float)(0.04 + 0.42 * (now - opened).TotalDays / span));
                var openedBy = r.Bool(0.7f) ? Pick(receptionists).Id : Pick(caseworkers).Id;
                var number = $"SP-{opened.Year}-{i + 1:D6}";
                var @case = new Case(Guid.CreateVersion7(new DateTimeOffset(opened)), number, clients[client].Id, Services[service].Name,
                    unit, opened, openedBy, opened.AddDays(20));

                var assignee = -1;
                var last = opened;
                if (closed || r.Bool(0.92f))
                {
                    var (workers, weights) = byUnit.TryGetValue(unit, out var inUnit) ? inUnit : (all, caseworkerWeights);
                    assignee = workers[PickIndex(weights)];
                    last = Min(opened.AddMinutes(r.Number(10, 3 * 24 * 60)), now);
                    @case.Assign(caseworkers[assignee].Id, unit, last, openedBy, null);
                    if (r.Bool(closed ? 0.7f : 0.45f))
                    {
                        last = Min(last.AddHours(r.Number(24, 30 * 24)), now);
                        @case.StartService(last, caseworkers[assignee].Id);
                    }
                }

                var end = now;
                if (closed)
                {
                    end = Between(Min(last.AddDays(1), now), Min(opened.AddDays(365), now));
                    var outcome = PickIndex([5, 1.2, 0.8, 0.6, 1.5]) + 1;
                    @case.Close((CaseOutcome)outcome, outcome == (int)CaseOutcome.ServiceRefused
                        ? "Netenkinamos sąlygos, nes pajamos viršija nustatytą dydį" : null, 0, end,
                        assignee >= 0 ? caseworkers[assignee].Id : openedBy);
                }
                else
                {
                    openCases++;
                    @case.Reschedule(r.Bool(0.15f) ? Between(now.AddDays(-30), now.AddHours(-1)) : Between(now.AddHours(1), now.AddDays(90)));
                }

                writer.Add(@case);
                writer.AddRange(@case.History);
                cases[i] = new CaseInfo
                {
                    Id = @case.Id, Client = client, OpenedAtUtc = opened, EndUtc = end, Assignee = assignee, Service = service,
                    Number = number, Closed = closed,
                };
            }
        }

        // ---------- things that end in a contact ----------

        private void WritePhoneMessages(BulkWriter writer)
        {
            var count = options.Contacts / 50;
            for (var i = 0; i < count && cases.Length > 0; i++)
            {
                var linked = r.Bool(0.85f);
                var k = cases[r.Number(0, cases.Length - 1)];
                var client = clients[k.Client];
                var calledAt = linked ? Between(k.OpenedAtUtc, k.EndUtc) : Between(Start, now);
                var addressee = linked && k.Assignee >= 0 ? caseworkers[k.Assignee] : Pick(caseworkers);
                var fromOrganisation = !linked && r.Bool(0.5f);
                var (organisation, position) = fromOrganisation ? r.ArrayElement(CallerOrganisations) : (null, null);
                var caller = linked ? client.FullName : Name(r.Bool(0.6f));
                var message = new PhoneMessage(Guid.CreateVersion7(new DateTimeOffset(calledAt)), calledAt, caller, organisation, position,
                    linked && client.Phone is not null ? client.Phone : MobilePhone(), r.ArrayElement(LithuanianSamples.PhoneMessages),
                    addressee.Id, Pick(receptionists).Id, linked ? client.Id : null, linked ? k.Id : null, Min(calledAt.AddMinutes(r.Number(0, 10)), now));

                if (linked && calledAt < now.AddDays(-1) && r.Bool(0.93f))
                {
                    var at = Min(calledAt.AddMinutes(r.Number(10, 2 * 24 * 60)), k.EndUtc);
                    var contact = SourcedContact(client.Id, k.Id, 2, ContactChannel.PhoneOut, ContactDirection.ToClient, at, addressee.Id,
                        "Perskambinta dėl žinutės: " + message.Message, SourcePhoneMessage, message.Id);
                    message.CalledBack(contact.Id, at);
                }
                writer.Add(message);
                phoneMessages++;
            }
        }

        private void WriteEmails(BulkWriter writer)
        {
            var count = options.Contacts / 50;
            for (var i = 0; i < count && cases.Length > 0; i++)
            {
                var k = cases[r.Number(0, cases.Length - 1)];
                var client = clients[k.Client];
                var unmatched = r.Bool(0.04f);
                var received = unmatched ? Between(now.AddDays(-10), now) : Between(k.OpenedAtUtc, k.EndUtc);
                var assignee = k.Assignee >= 0 ? caseworkers[k.Assignee] : null;
                var from = client.Email ?? $"{Client.SearchKey(client.FullName).Replace(' ', '.')}@{r.ArrayElement(EmailDomains)}";
                var subject = r.ArrayElement(EmailSubjects);
                var email = new EmailEnquiry(Guid.CreateVersion7(new DateTimeOffset(received)), received, from, client.FullName, subject,
                    r.ArrayElement(EmailBodies), unmatched ? null : client.Id, unmatched ? null : k.Id, unmatched ? null : assignee?.Id,
                    Pick(receptionists).Id, Min(received.AddMinutes(r.Number(1, 120)), now));

                if (!unmatched && assignee is not null && received < now.AddDays(-1) && r.Bool(0.9f))
                {
                    var at = Min(received.AddMinutes(r.Number(30, 5 * 24 * 60)), k.EndUtc);
                    var contact = SourcedContact(client.Id, k.Id, 3, ContactChannel.EmailOut, ContactDirection.ToClient, at, assignee.Id,
                        "Atsakyta el. paštu: " + subject, SourceEmail, email.Id);
                    email.Reply("Re: " + subject, r.ArrayElement(ReplyBodies), Signature(assignee), contact.Id, at, assignee.Id);
                }
                writer.Add(email);
                emails++;
            }
        }

        private void WriteVisits(BulkWriter writer)
        {
            var count = options.Contacts / 100;
            for (var i = 0; i < count && cases.Length > 0; i++)
            {
                var k = cases[r.Number(0, cases.Length - 1)];
                if (k.Assignee < 0)
                    continue;
                var worker = caseworkers[k.Assignee];
                var client = clients[k.Client];
                var offered = Between(k.OpenedAtUtc, k.EndUtc);
                var visit = new HomeVisit(Guid.CreateVersion7(new DateTimeOffset(offered)), k.Id, client.Id, worker.Id,
                    r.ArrayElement(VisitPurposes), r.Bool(0.1f), offered, worker.Id);
                var agreedAt = offered.AddMinutes(r.Number(60, 2 * 24 * 60));
                var start = agreedAt.AddDays(r.Number(1, 10)).Date.AddHours(r.Number(6, 13));
                if (!k.Closed && start > now && r.Bool(0.3f))
                {
                    writer.Add(visit); // still only offered
                    visits++;
                    continue;
                }

                var second = client.TwoEmployees && caseworkers.Count > 1
                    ? caseworkers.Where(c => c.Id != worker.Id).ElementAt(r.Number(0, caseworkers.Count - 2)).Id
                    : null;
                var minutes = r.Number(30, 90);
                visit.Agree(start, start.AddMinutes(minutes), second, client.TwoEmployees, agreedAt);
                if (start.AddHours(2) <= k.EndUtc && r.Bool(0.06f))
                {
                    var toldAt = Between(agreedAt, start.AddHours(-1));
                    var moved = start.AddDays(r.Number(1, 3));
                    visit.Reschedule(moved, moved.AddMinutes(minutes), r.ArrayElement(RescheduleReasons), toldAt, "Telefonu", toldAt, worker.Id);
                    start = moved;
                }

                if (start.AddHours(2) <= k.EndUtc && r.Bool(0.93f))
                {
                    var arrived = start.AddMinutes(r.Number(-5, 20));
                    var departed = arrived.AddMinutes(r.Number(30, 90));
                    var contact = SourcedContact(client.Id, k.Id, 7, ContactChannel.HomeVisit, ContactDirection.FaceToFace, arrived, worker.Id,
                        "Apsilankymas namuose: " + visit.Purpose, SourceVisit, visit.Id);
                    visit.RecordArrival(arrived, arrived);
                    visit.RecordDeparture(departed, contact.Id, departed);
                }
                else if (k.Closed || start <= now)
                {
                    visit.Cancel(r.ArrayElement(RescheduleReasons));
                }
                writer.Add(visit);
                writer.AddRange(visit.Reschedules);
                visits++;
            }
        }

        private void WriteLetters(BulkWriter writer)
        {
            var count = options.Contacts / 100;
            var templates = StandardLetterTemplates.All.Where(t => t.Language == ClientLanguage.Lithuanian).ToList();
            for (var i = 0; i < count && cases.Length > 0; i++)
            {
                var k = cases[r.Number(0, cases.Length - 1)];
                if (k.Assignee < 0)
                    continue;
                var worker = caseworkers[k.Assignee];
                var client = clients[k.Client];
                var requested = Between(k.OpenedAtUtc, k.EndUtc);
                var created = Min(requested.AddMinutes(r.Number(10, 3 * 24 * 60)), k.EndUtc);
                var template = r.ArrayElement(templates.ToArray());
                var values = new Dictionary<string, string>
                {
                    ["Salutation"] = client.Salutation, ["ClientName"] = client.FullName, ["CaseNumber"] = k.Number, ["Service"] = Services[k.Service].Name,
                    ["EmployeeName"] = worker.FullName, ["EmployeePosition"] = worker.Position, ["Unit"] = worker.UnitName,
                    ["EmployeePhone"] = worker.Phone ?? "", ["Date"] = VilniusTime.ToLocal(created).ToString("yyyy-MM-dd"),
                };
                var letter = new InformationLetter(Guid.CreateVersion7(new DateTimeOffset(created)), k.Id, client.Id, template.Id,
                    InformationLetter.Fill(template.Subject, values), InformationLetter.Fill(template.Body, values), requested, created, worker.Id);
                if (created < k.EndUtc.AddHours(-1) && r.Bool(0.88f))
                {
                    var sentAt = Min(created.AddMinutes(r.Number(5, 2 * 24 * 60)), k.EndUtc);
                    var channel = (LetterChannel)(PickIndex([3, 4, 1, 1.5]) + 1);
                    var contact = SourcedContact(client.Id, k.Id, 6, channel == LetterChannel.Email ? ContactChannel.EmailOut : ContactChannel.Letter,
                        channel == LetterChannel.HandedOver ? ContactDirection.FaceToFace : ContactDirection.ToClient, sentAt, worker.Id,
                        "Išsiųstas informacinis laiškas: " + letter.Subject, SourceLetter, letter.Id);
                    letter.MarkSent(sentAt, channel, contact.Id);
                }
                writer.Add(letter);
                letters++;
            }
        }

        private Contact SourcedContact(Guid clientId, Guid caseId, int touchpoint, ContactChannel channel, ContactDirection direction,
            DateTime at, string employee, string summary, string sourceKind, Guid sourceId)
        {
            var contact = new Contact(Guid.CreateVersion7(new DateTimeOffset(at)), clientId, caseId, touchpoint, channel, direction, at,
                employee, Cut(summary, 4000), Min(at.AddMinutes(r.Number(0, 30)), now))
            {
                SourceKind = sourceKind, SourceId = sourceId,
            };
            sourcedContacts.Add(contact);
            return contact;
        }

        // ---------- contacts ----------

        private static readonly double[] TouchpointWeights = [2, 22, 8, 1, 18, 8, 6, 5, 27, 3];

        private void WriteContacts(BulkWriter writer)
        {
            writer.AddRange(sourcedContacts);
            var regular = RegularContacts;
            for (var i = 0; i < regular; i++)
            {
                var onCase = cases.Length > 0 && r.Bool(0.9f);
                var k = onCase ? cases[r.Number(0, cases.Length - 1)] : default;
                var clientIndex = onCase ? k.Client : r.Number(0, clients.Length - 1);
                var client = clients[clientIndex];
                var at = onCase ? Between(k.OpenedAtUtc, k.EndUtc) : Between(Max(client.CreatedAtUtc, Start), now);
                var touchpoint = onCase ? PickIndex(TouchpointWeights) + 1 : r.Number(1, 5);
                var (channel, direction) = ChannelFor(touchpoint);
                var employee = !onCase || k.Assignee < 0 || (touchpoint is 2 or 4 or 5 && r.Bool())
                    ? Pick(receptionists).Id
                    : caseworkers[k.Assignee].Id;
                var service = onCase ? k.Service : r.Number(0, Services.Length - 1);

                var contact = new Contact(Guid.CreateVersion7(new DateTimeOffset(at)), client.Id, onCase ? k.Id : null, touchpoint, channel,
                    direction, at, employee, string.Format(r.ArrayElement(ContactSummaries), Services[service].Name),
                    Min(at.AddMinutes(r.Number(0, 120)), now))
                {
                    Discussed = r.Bool(0.7f) ? r.ArrayElement(LithuanianSamples.Discussed) : null,
                    Decided = r.Bool(0.5f) ? r.ArrayElement(LithuanianSamples.Decided) : null,
                    Done = r.Bool(0.4f) ? r.ArrayElement(LithuanianSamples.Done) : null,
                    NextStep = r.Bool(0.6f) ? r.ArrayElement(NextSteps) : null,
                };
                if (r.Bool(0.12f))
                {
                    contact.NextMeetingAtUtc = at.AddDays(r.Number(1, 21)).Date.AddHours(r.Number(6, 13));
                    contact.NextMeetingPlace = r.ArrayElement(MeetingPlaces);
                }
                writer.Add(contact);

                if (onCase && r.Bool(0.08f))
                {
                    var due = at.AddDays(r.Number(1, 14));
                    var promise = new Promise(Guid.CreateVersion7(new DateTimeOffset(at)), client.Id, k.Id, contact.Id,
                        r.ArrayElement(PromiseTexts), due, employee, contact.RecordedAtUtc);
                    if (k.Closed)
                        promise.CheckOff(Between(at, Min(due, k.EndUtc)), employee, null);
                    else if (due < now ? r.Bool(0.9f) : r.Bool(0.3f))
                        promise.CheckOff(Between(at, Min(due, now)), employee, r.Bool(0.3f) ? "Klientas informuotas" : null);
                    writer.Add(promise);
                    promises++;
                }
            }
        }

        private (ContactChannel, ContactDirection) ChannelFor(int touchpoint) => touchpoint switch
        {
            1 => (ContactChannel.WebsiteForm, ContactDirection.FromClient),
            2 => r.Bool(0.65f) ? (ContactChannel.PhoneIn, ContactDirection.FromClient) : (ContactChannel.PhoneOut, ContactDirection.ToClient),
            3 => r.Bool(0.55f) ? (ContactChannel.EmailIn, ContactDirection.FromClient) : (ContactChannel.EmailOut, ContactDirection.ToClient),
            4 or 5 => (ContactChannel.OfficeVisit, ContactDirection.FaceToFace),
            6 => r.Bool(0.5f) ? (ContactChannel.Letter, ContactDirection.ToClient) : (ContactChannel.PhoneOut, ContactDirection.ToClient),
            7 => (ContactChannel.HomeVisit, ContactDirection.FaceToFace),
            8 => r.ArrayElement(new[] { (ContactChannel.PhoneIn, ContactDirection.FromClient), (ContactChannel.OfficeVisit, ContactDirection.FaceToFace), (ContactChannel.EmailIn, ContactDirection.FromClient) }),
            9 => r.Bool(0.6f) ? (ContactChannel.OfficeVisit, ContactDirection.FaceToFace) : (ContactChannel.PhoneOut, ContactDirection.ToClient),
            _ => r.ArrayElement(new[] { (ContactChannel.WebsiteForm, ContactDirection.FromClient), (ContactChannel.EmailIn, ContactDirection.FromClient), (ContactChannel.SocialNetwork, ContactDirection.FromClient) }),
        };

        // ---------- helpers ----------

        // Roughly the real shares: the commonest first names ~4% of their gender, Kazlauskas ~1.4% of people.
        private static readonly double[] MaleWeights = Zipf(MaleFirstNames.Length, 15);
        private static readonly double[] FemaleWeights = Zipf(FemaleFirstNames.Length, 15);
        private static readonly double[] SurnameWeights = Zipf(CommonSurnames.Length, 8);

        private (string First, string Last) PersonName(bool female, bool adult)
        {
            var first = female ? FemaleFirstNames[PickIndex(FemaleWeights)] : MaleFirstNames[PickIndex(MaleWeights)];
            var surname = r.Bool(0.25f)
                ? CommonSurnames[PickIndex(SurnameWeights)]
                : Compose(r.ArrayElement(SurnameStems), r.ArrayElement(SurnameEndings));
            var last = !female ? surname.Male : adult && r.Bool(0.65f) ? surname.Married : surname.Maiden;
            return (first, last);

            static (string Male, string Married, string Maiden) Compose(string stem, (string Male, string Married, string Maiden) end) =>
                (stem + end.Male, stem + end.Married, stem + end.Maiden);
        }

        private string Name(bool female)
        {
            var (first, last) = PersonName(female, adult: true);
            return $"{first} {last}";
        }

        private string MobilePhone() => r.Number(0, 2) switch
        {
            0 => "+370 6" + r.ReplaceNumbers("## #####"),
            1 => "8 6" + r.ReplaceNumbers("## #####"),
            _ => "86" + r.ReplaceNumbers("#######"),
        };

        private static string Signature(Staff s) => $"{s.FullName}\n{s.Position}\n{s.UnitName}\nTel. {s.Phone}";

        private Staff Pick(List<Staff> staff) => staff[r.Number(0, staff.Count - 1)];

        private int PickIndex(double[] weights)
        {
            var roll = r.Double() * weights.Sum();
            for (var i = 0; i < weights.Length; i++)
            {
                roll -= weights[i];
                if (roll < 0) return i;
            }
            return weights.Length - 1;
        }

        /// <summary>Frequencies falling off like real name frequencies (Zipf-like); a larger offset flattens them.</summary>
        private static double[] Zipf(int n, int offset) => Enumerable.Range(0, n).Select(i => 1.0 / (i + offset)).ToArray();

        private DateTime Between(DateTime from, DateTime to) =>
            to <= from ? from : Truncate(from.AddTicks((long)((to - from).Ticks * r.Double())));

        private static DateTime Truncate(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
        private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
        private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
    }
}
