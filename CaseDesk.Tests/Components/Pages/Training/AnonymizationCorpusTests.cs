using System.Globalization;
using Bunit;
using CaseDesk.App.Components.Pages.Training;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Incidents;
using CaseDesk.Domain.Training;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.Components.Pages.Training;

/// <summary>
/// Issue 7's proof: a generated corpus of incidents whose sources name people in their inflected
/// forms and carry personal codes, phones, e-mails, addresses and dates goes through the real use
/// cases (record → review → release → pack) and out through both exports (Markdown and the print
/// view); none of the known strings appears in what the trainer gets.
/// </summary>
public sealed class AnonymizationCorpusTests : DomainComponentTestContext
{
    private const int Incidents = 36;

    /// <summary>Name, then forms written by hand (genitive, dative, accusative, instrumental, locative/vocative), not by the code under test.</summary>
    private static readonly string[][] MaleFirst =
    [
        ["Jonas", "Jono", "Jonui", "Joną", "Jonu", "Jone"],
        ["Tomas", "Tomo", "Tomui", "Tomą", "Tomu", "Tomai"],
        ["Mindaugas", "Mindaugo", "Mindaugui", "Mindaugą", "Mindaugu", "Mindaugai"],
        ["Kęstutis", "Kęstučio", "Kęstučiui", "Kęstutį", "Kęstučiu", "Kęstuti"],
        ["Andrius", "Andriaus", "Andriui", "Andrių", "Andriumi", "Andriau"],
        ["Kazys", "Kazio", "Kaziui", "Kazį", "Kaziu", "Kazy"],
        ["Vytautas", "Vytauto", "Vytautui", "Vytautą", "Vytautu", "Vytautai"],
        ["Darius", "Dariaus", "Dariui", "Darių", "Dariumi", "Dariau"],
    ];

    private static readonly string[][] FemaleFirst =
    [
        ["Rūta", "Rūtos", "Rūtai", "Rūtą", "Rūtoje", "Rūta"],
        ["Eglė", "Eglės", "Eglei", "Eglę", "Egle", "Eglėje"],
        ["Giedrė", "Giedrės", "Giedrei", "Giedrę", "Giedre", "Giedrėje"],
        ["Aušra", "Aušros", "Aušrai", "Aušrą", "Aušroje", "Aušra"],
        ["Jurgita", "Jurgitos", "Jurgitai", "Jurgitą", "Jurgitoje", "Jurgita"],
        ["Kristina", "Kristinos", "Kristinai", "Kristiną", "Kristinoje", "Kristina"],
    ];

    /// <summary>A man's surname in his cases, then his wife's (-ienė) and daughter's (-aitė/-ytė/-utė/-ūtė) in theirs.</summary>
    private static readonly string[][] Surnames =
    [
        ["Petraitis", "Petraičio", "Petraičiui", "Petraitį", "Petraičiu", "Petraityje", "Petraitienė", "Petraitienės", "Petraitienei", "Petraitienę", "Petraitytė", "Petraitytės"],
        ["Kazlauskas", "Kazlausko", "Kazlauskui", "Kazlauską", "Kazlausku", "Kazlauske", "Kazlauskienė", "Kazlauskienės", "Kazlauskienei", "Kazlauskienę", "Kazlauskaitė", "Kazlauskaitės"],
        ["Butkus", "Butkaus", "Butkui", "Butkų", "Butkumi", "Butkuje", "Butkienė", "Butkienės", "Butkienei", "Butkienę", "Butkutė", "Butkutės"],
        ["Žukauskas", "Žukausko", "Žukauskui", "Žukauską", "Žukausku", "Žukauske", "Žukauskienė", "Žukauskienės", "Žukauskienei", "Žukauskienę", "Žukauskaitė", "Žukauskaitės"],
        ["Janulevičius", "Janulevičiaus", "Janulevičiui", "Janulevičių", "Janulevičiumi", "Janulevičiuje", "Janulevičienė", "Janulevičienės", "Janulevičienei", "Janulevičienę", "Janulevičiūtė", "Janulevičiūtės"],
        ["Vasiliauskas", "Vasiliausko", "Vasiliauskui", "Vasiliauską", "Vasiliausku", "Vasiliauske", "Vasiliauskienė", "Vasiliauskienės", "Vasiliauskienei", "Vasiliauskienę", "Vasiliauskaitė", "Vasiliauskaitės"],
        ["Navickas", "Navicko", "Navickui", "Navicką", "Navicku", "Navicke", "Navickienė", "Navickienės", "Navickienei", "Navickienę", "Navickaitė", "Navickaitės"],
        ["Šimkus", "Šimkaus", "Šimkui", "Šimkų", "Šimkumi", "Šimkuje", "Šimkienė", "Šimkienės", "Šimkienei", "Šimkienę", "Šimkutė", "Šimkutės"],
        ["Gudaitis", "Gudaičio", "Gudaičiui", "Gudaitį", "Gudaičiu", "Gudaityje", "Gudaitienė", "Gudaitienės", "Gudaitienei", "Gudaitienę", "Gudaitytė", "Gudaitytės"],
    ];

    private static readonly string[] Streets = ["Vilniaus g.", "Jaunimo g.", "Ulonų g.", "Santaikos pr.", "Putinų al.", "Naujoji g.", "Pulko g.", "Kauno kelias"];

    private static readonly string[] MonthsGenitive =
        ["sausio", "vasario", "kovo", "balandžio", "gegužės", "birželio", "liepos", "rugpjūčio", "rugsėjo", "spalio", "lapkričio", "gruodžio"];

    private readonly List<string> known = [];
    private readonly List<Guid> packs = [];
    private Caller trainer = default!;

    protected override async Task<Caller> ArrangeAsync()
    {
        var random = new Random(7);
        var caseworker = await Database.CreateCallerAsync(Roles.Caseworker);
        var officer = await Database.CreateCallerAsync(Roles.QualityOfficer);
        trainer = await Database.CreateCallerAsync(Roles.Trainer);
        var employees = new List<(Caller Caller, string[] First, string[] Surname)>();
        for (var e = 0; e < 4; e++)
        {
            var staff = await Database.CreateCallerAsync(Roles.Caseworker);
            var (first, surname) = (FemaleFirst[e], Surnames[(e + 5) % Surnames.Length]);
            await RenameAsync(staff, first[0], surname[6]);
            employees.Add((staff, first, surname[6..]));
            known.AddRange(first);
            known.AddRange(surname[6..10]);
        }

        var copies = new List<Guid>();
        for (var i = 0; i < Incidents; i++)
        {
            var clientFirst = MaleFirst[i % MaleFirst.Length];
            var clientSurname = Surnames[(i / MaleFirst.Length + i) % Surnames.Length];
            var wifeFirst = FemaleFirst[(i + 2) % FemaleFirst.Length];
            var witnessFirst = MaleFirst[(i + 3) % MaleFirst.Length];
            var witnessSurname = Surnames[(i + 4) % Surnames.Length];
            var employee = employees[i % employees.Count];
            var firstTen = $"{(i % 2 == 0 ? 3 : 4)}{random.Next(50, 99)}0{random.Next(1, 9)}{random.Next(10, 28)}{random.Next(100, 999)}";
            var code = firstTen + PersonalCode.CheckDigit(firstTen);
            // The same code as people also write it: grouped by spaces or dashes, and (only the client's stored code catches this) by dots.
            var spacedCode = $"{code[..3]} {code[3..7]} {code[7..]}";
            var dashedCode = $"{code[0]}-{code[1..7]}-{code[7..]}";
            var dottedCode = $"{code[..3]}.{code[3..7]}.{code[7..]}";
            var phone = (i % 4) switch
            {
                0 => $"+370 6{random.Next(10, 99)} {random.Next(10000, 99999)}",
                1 => $"86{random.Next(10, 99)}{random.Next(10000, 99999)}",
                2 => $"8 6{random.Next(10, 99)} {random.Next(10000, 99999)}",
                _ => $"+3706{random.Next(1000000, 9999999)}",
            };
            var email = $"{Ascii(clientFirst[0])}.{Ascii(clientSurname[0])}{i}@{(i % 2 == 0 ? "gmail.com" : "post.lt")}".ToLowerInvariant();
            var address = $"{Streets[i % Streets.Length]} {random.Next(1, 80)}-{random.Next(1, 40)}";
            var occurred = new DateTime(2025, 1 + i % 12, 3 + i % 20, 9, 30, 0, DateTimeKind.Utc);
            var dob = new DateOnly(1940 + i, 1 + i % 12, 1 + i % 27);
            var later = DateOnly.FromDateTime(occurred).AddDays(3 + i % 9);
            var earlier = DateOnly.FromDateTime(occurred).AddDays(-(2 + i % 5));
            var dates = new[]
            {
                later.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                $"{earlier.Year} m. {MonthsGenitive[earlier.Month - 1]} {earlier.Day} d.",
                later.AddDays(1).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
                dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };

            var clientId = await Database.Send(new RegisterClient(clientFirst[0], clientSurname[0], code, null, phone, email, address + ", Alytus",
                [], ClientLanguage.Lithuanian, null, null, false, null,
                [new HouseholdMemberInput($"{wifeFirst[0]} {clientSurname[6]}", "sutuoktinė", 1950 + i)], ConfirmedNotDuplicate: true), caseworker);

            var what = $"{clientFirst[0]} {clientSurname[0]} (a. k. {code}, gimęs {dates[3]}) atvyko į skyrių ir garsiai reikalavo {employee.First[1]} {employee.Surname[1]}. " +
                       $"{clientFirst[1]} {clientSurname[1]} žmona {wifeFirst[0]} {clientSurname[6]} prieš tai, {dates[1]}, skambino tel. {phone} ir rašė {email}. " +
                       $"Šeima gyvena {address}. {employee.First[0]} pasiūlė {clientFirst[3]} atsisėsti, bet {clientSurname[0].ToUpperInvariant()} šaukė; " +
                       $"liudininkas {witnessFirst[0]} {witnessSurname[0]} pakvietė kolegą.";
            var how = $"{employee.Surname[0]} ramiai paaiškino {clientFirst[2]} {clientSurname[2]}, kodėl išmoka vėluoja, ir su {clientFirst[4]} aptarė veiksmų planą. " +
                      $"{wifeFirst[2]} {clientSurname[8]} paskambinta {dates[0]}; {witnessFirst[1]} {witnessSurname[1]} parodymai užrašyti. " +
                      $"Prašyme kodas užrašytas {spacedCode}, pažymoje {dashedCode}, sąskaitoje {dottedCode}.";
            var outcome = $"Susitikimas {dates[2]} su {clientSurname[4]} šeima įvyko; {wifeFirst[3]} {clientSurname[9]} padėkojo, o {clientFirst[5]} nurimo.";

            var incident = await Database.Send(IncidentWork.Incident(occurred, what, clientId, [employee.Caller.UserId], [$"{witnessFirst[0]} {witnessSurname[0]}"],
                type: (IncidentType)(1 + i % 7), touchpoint: 1 + i % 10, commitments: [(i % 2 == 0 ? "VI" : "X")], howHandled: how, outcome: outcome), caseworker);
            copies.Add(await Database.ReleaseAsync(incident, officer));

            known.AddRange(clientFirst);
            known.AddRange(clientSurname);
            known.AddRange(wifeFirst);
            known.AddRange(witnessFirst[..2]);
            known.AddRange(witnessSurname[..2]);
            known.AddRange([code, spacedCode, dashedCode, dottedCode, phone, email, address, .. dates]);
        }

        // The trainer finds them all in the library and splits them into three packs.
        var library = await Database.LibraryAsync(trainer);
        Assert.Equal(Incidents, library.Total);
        foreach (var chunk in library.Items.Chunk(12))
            packs.Add(await Database.Send(new SaveSessionPack(null, null, $"Sesija {packs.Count + 1}", "Ką darytume kitaip?",
                chunk.Select(r => new PackItemInput(r.Id, "Kaip įsipareigojimas VI buvo vykdomas?")).ToList()), trainer));
        return trainer;
    }

    private async Task RenameAsync(Caller who, string first, string last)
    {
        await using var db = Database.OpenDb();
        var user = await db.Users.SingleAsync(u => u.Id == who.UserId);
        (user.FirstName, user.LastName) = (first, last);
        await db.SaveChangesAsync();
    }

    private static string Ascii(string text) => Client.SearchKey(text);

    [Fact]
    public async Task No_known_name_form_code_phone_email_address_or_date_reaches_the_trainers_exports()
    {
        var exports = new List<string>();
        foreach (var pack in packs)
        {
            exports.Add((await Database.Send(new ExportSessionPackMarkdown(pack), trainer)).Markdown);
            var print = Render<SessionPackPrint>(p => p.Add(c => c.Id, pack));
            print.WaitForAssertion(() => Assert.Equal(12, print.FindAll(".pack-incident").Count));
            exports.Add(print.Markup);
        }

        // The exports really carry the incidents (pseudonyms, shifted dates, the text around them).
        Assert.All(exports, e => Assert.Contains("Klientas A", e));
        Assert.All(exports, e => Assert.Contains("[D+", e));
        Assert.All(exports, e => Assert.Contains("atvyko į skyrių", e));
        Assert.True(known.Distinct().Count() > 400, $"only {known.Distinct().Count()} known strings");
        var leaks = (from text in exports
                     from s in known.Distinct()
                     where text.Contains(s, StringComparison.OrdinalIgnoreCase)
                     select s).Distinct().ToList();
        Assert.True(leaks.Count == 0, "Leaked into an export: " + string.Join(", ", leaks.Select(l => l + " in «" + Around(exports, l) + "»")));
    }

    private static string Around(IEnumerable<string> texts, string leak)
    {
        var text = texts.First(t => t.Contains(leak, StringComparison.OrdinalIgnoreCase));
        var at = text.IndexOf(leak, StringComparison.OrdinalIgnoreCase);
        return text[Math.Max(0, at - 60)..Math.Min(text.Length, at + leak.Length + 60)];
    }

    [Fact]
    public async Task The_sources_still_hold_every_known_string_and_the_replacements_stay_with_them()
    {
        await using var db = Database.OpenDb();
        var sources = string.Join("\n", await db.Incidents.Select(i => i.WhatHappened + "\n" + i.HowHandled + "\n" + i.Outcome).ToListAsync());
        var copies = string.Join("\n", await db.TrainingCopies.Select(c => c.Title + "\n" + c.Situation + "\n" + c.Handling + "\n" + c.Outcome).ToListAsync());
        var redactions = await db.IncidentRedactions.CountAsync();

        // The known strings are really in the sources (else the test above would prove nothing) and none is in the copies' table.
        Assert.True(known.Count(s => sources.Contains(s, StringComparison.OrdinalIgnoreCase)) > 300);
        Assert.DoesNotContain(known.Distinct(), s => copies.Contains(s, StringComparison.OrdinalIgnoreCase));
        Assert.True(redactions >= Incidents * 15, $"{redactions} replacements recorded");
    }
}
