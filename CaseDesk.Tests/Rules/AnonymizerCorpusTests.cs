using System.Globalization;
using System.Text.RegularExpressions;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Incidents;
using CaseDesk.Domain.Training;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CaseDesk.Tests.Rules;

/// <summary>
/// Issue 17's corpus, through the app's real path: each narrative's client is registered (phone, e-mail, address, birth
/// date, household), its staff are real users, the incident is recorded linking them and the other named persons, the
/// quality officer releases the copy, and the trainer reads it. Nothing personal may reach the trainer; ordinary words
/// equal to a linked person's name should; pseudonyms take the case of the name they replace.
/// </summary>
public sealed class AnonymizerCorpusTests(ITestOutputHelper output)
{
    /// <summary>The lead's bound for ordinary words lost in texts that name no linked person.</summary>
    private const double MaxOverRedactionPercent = 10;

    private static readonly string[] Abbreviations =
        ["el", "tel", "mob", "g", "pvz", "y", "t", "k", "a", "nr", "gim", "m", "d", "val", "min", "pan", "kt", "bt", "pr", "al", "sk", "kab", "proc", "vyr", "doc", "dr", "p", "mėn", "a. k", "t. y"];

    private void Say(string line)
    {
        output.WriteLine(line);
        Console.WriteLine(line);
    }

    [Fact]
    public async Task The_corpus_leaks_nothing_keeps_ordinary_words_and_declines_pseudonyms()
    {
        var narratives = AnonymizerCorpus.Narratives;
        var ordinary = AnonymizerCorpus.Ordinary;
        Assert.True(narratives.Count >= 110, $"{narratives.Count} narratives");
        Assert.True(ordinary.Count >= 24, $"{ordinary.Count} over-redaction texts");
        Assert.Equal(narratives.Count, narratives.Select(n => n.Id).Distinct().Count());

        await using var db = await TestDatabase.CreateAsync();
        var caseworker = await db.CreateCallerAsync(Roles.Caseworker);
        var officer = await db.CreateCallerAsync(Roles.QualityOfficer);
        var trainer = await db.CreateCallerAsync(Roles.Trainer);
        var staff = new Dictionary<string, Caller>();
        var serial = 0;

        async Task<string[]> StaffAsync(string[] names)
        {
            var ids = new List<string>();
            foreach (var name in names)
            {
                if (!staff.TryGetValue(name, out var caller))
                {
                    caller = await db.CreateCallerAsync(Roles.Caseworker);
                    await using var data = db.OpenDb();
                    var user = await data.Users.SingleAsync(u => u.Id == caller.UserId);
                    var space = name.IndexOf(' ');
                    (user.FirstName, user.LastName) = (name[..space], name[(space + 1)..]);
                    user.PhoneNumber = AnonymizerCorpus.EmployeePhones.GetValueOrDefault(name);
                    await data.SaveChangesAsync();
                    staff[name] = caller;
                }
                ids.Add(caller.UserId);
            }
            return [.. ids];
        }

        async Task<(Guid Id, string Code)> RegisterAsync(CorpusClient c)
        {
            var code = c.Code(++serial);
            var household = c.Household.Select(h => h.Split('/')).Select(h => new HouseholdMemberInput(h[0], h.Length > 1 ? h[1] : "", null)).ToList();
            var id = await db.Send(new RegisterClient(c.First, c.Last, c.WithCode ? code : null, c.BirthDate, c.Phone, c.Email, c.Address,
                [], ClientLanguage.Lithuanian, null, null, false, null, household, ConfirmedNotDuplicate: true), caseworker);
            return (id, code);
        }

        async Task<TrainingCase> CopyAsync(Guid clientId, string[] employees, string[] others, string what, string how, string outcome, int day)
        {
            var occurred = new DateTime(2025, 1, 6, 9, 30, 0, DateTimeKind.Utc).AddDays(day * 2);
            var incident = await db.Send(IncidentWork.Incident(occurred, what, clientId, await StaffAsync(employees), others,
                type: (IncidentType)(1 + day % 7), touchpoint: 1 + day % 10, howHandled: how, outcome: outcome), caseworker);
            var copyId = await db.ReleaseAsync(incident, officer);
            return await db.Send(new GetTrainingCase(copyId), trainer);
        }

        // 1. Leaks and pseudonym grammar.
        var checkedStrings = 0;
        var leaks = new List<string>();
        var perClass = new SortedDictionary<string, (int Checked, int Leaked)>();
        var notInSource = new List<string>();
        var pseudonymsExpected = 0;
        var mismatches = new List<string>();
        var badTitles = new List<string>();
        var day = 0;
        foreach (var n in narratives)
        {
            var (clientId, code) = await RegisterAsync(n.Client);
            string Fill(string text) => text.Replace("{ak-s}", $"{code[..3]} {code[3..7]} {code[7..]}")
                .Replace("{ak-d}", $"{code[0]}-{code[1..7]}-{code[7..]}").Replace("{ak}", code);
            var (what, how, outcome) = (Fill(n.What), Fill(n.How), Fill(n.Outcome));
            var copy = await CopyAsync(clientId, n.Employees, n.Others, what, how, outcome, day++);
            var source = what + "\n" + how + "\n" + outcome;
            var text = string.Join("\n", copy.Title, copy.Situation, copy.Handling, copy.Outcome);
            var digits = DigitsJoined(text);
            foreach (var entry in n.Personal)
            {
                var colon = entry.IndexOf(':');
                var (kind, value) = (entry[..colon], Fill(entry[(colon + 1)..]));
                if (!Word(value).IsMatch(source))
                    notInSource.Add($"{n.Id} {kind} «{value}»");
                checkedStrings++;
                var leaked = Word(value).IsMatch(text) || (IsDigitString(value) && digits.Contains(OnlyDigits(value), StringComparison.Ordinal));
                var (c, l) = perClass.GetValueOrDefault(kind);
                perClass[kind] = (c + 1, l + (leaked ? 1 : 0));
                if (leaked)
                    leaks.Add($"{n.Id} [{n.Class}] {kind}: «{value}» in «{Around(text, value)}»");
            }
            foreach (var expected in n.Pseudonyms)
            {
                pseudonymsExpected++;
                if (!Word(expected).IsMatch(text))
                    mismatches.Add($"{n.Id}: expected «{expected}» in «{copy.Situation} {copy.Handling} {copy.Outcome}»");
            }
            if (EndsAtAbbreviation(copy.Title))
                badTitles.Add($"{n.Id}: «{copy.Title}»");
        }

        // 2. Over-redaction: texts naming no linked person.
        var words = 0;
        var lost = new List<string>();
        foreach (var o in ordinary)
        {
            var (clientId, _) = await RegisterAsync(o.Client);
            var copy = await CopyAsync(clientId, o.Employees, [], o.What, o.How, "Situacija aptarta komandos susirinkime.", day++);
            var source = o.What + "\n" + o.How;
            var text = string.Join("\n", copy.Situation, copy.Handling);
            foreach (var w in o.Words)
            {
                if (!Word(w).IsMatch(source))
                    notInSource.Add($"{o.Id} ordinary «{w}»");
                words++;
                if (!Word(w).IsMatch(text))
                    lost.Add($"{o.Id}: «{w}» lost: «{copy.Situation} {copy.Handling}»");
            }
            if (EndsAtAbbreviation(copy.Title))
                badTitles.Add($"{o.Id}: «{copy.Title}»");
        }

        Assert.True(notInSource.Count == 0, "Corpus error, strings not in their source text: " + string.Join("; ", notInSource));

        Say($"leaks {leaks.Count}/{checkedStrings} personal strings");
        Say("by class: " + string.Join(", ", perClass.Select(p => $"{p.Key} {p.Value.Leaked}/{p.Value.Checked}")));
        foreach (var leak in leaks)
            Say("  leak " + leak);
        var textsLosing = lost.Select(l => l[..l.IndexOf(':')]).Distinct().Count();
        var rate = words == 0 ? 0 : 100.0 * lost.Count / words;
        Say(string.Create(CultureInfo.InvariantCulture, $"over-redaction: {lost.Count}/{words} ordinary words lost in {ordinary.Count} texts ({rate:0.#}%), {textsLosing} texts lost any"));
        foreach (var l in lost)
            Say("  lost " + l);
        Say($"pseudonym grammar: {pseudonymsExpected - mismatches.Count}/{pseudonymsExpected} declined as expected");
        foreach (var m in mismatches)
            Say("  pseudonym " + m);
        Say($"titles ending at an abbreviation: {badTitles.Count}/{narratives.Count + ordinary.Count}");
        foreach (var t in badTitles)
            Say("  title " + t);

        Assert.True(leaks.Count == 0, $"{leaks.Count} personal strings reached the trainer:\n" + string.Join("\n", leaks));
        Assert.True(rate <= MaxOverRedactionPercent, $"{rate:0.#}% of ordinary words lost:\n" + string.Join("\n", lost));
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} pseudonyms not declined:\n" + string.Join("\n", mismatches));
        Assert.True(badTitles.Count == 0, "Titles cut at an abbreviation:\n" + string.Join("\n", badTitles));
    }

    /// <summary>The string as a whole word (or number), any case.</summary>
    private static Regex Word(string value) =>
        new($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(value)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static bool IsDigitString(string value) => value.Count(char.IsAsciiDigit) >= 6 && !value.Any(char.IsLetter);

    private static string OnlyDigits(string value) => string.Concat(value.Where(char.IsAsciiDigit));

    /// <summary>The copy with the separators inside digit runs taken out, so "612-40-318" shows as "61240318".</summary>
    private static string DigitsJoined(string text) => Regex.Replace(text, @"(?<=\d)[\s.\-–()/+]+(?=\d)", "");

    private static bool EndsAtAbbreviation(string title)
    {
        var t = title.TrimEnd('.', ' ');
        if (t.EndsWith('…'))
            return false;
        // A single capital at the end is a pseudonym's letter ("... su Asmeniu D"), not an abbreviation.
        return Abbreviations.Any(a => a.Length == 1
            ? t.EndsWith(" " + a, StringComparison.Ordinal)
            : t.EndsWith(" " + a, StringComparison.OrdinalIgnoreCase) || t.Equals(a, StringComparison.OrdinalIgnoreCase));
    }

    private static string Around(string text, string value)
    {
        var m = Word(value).Match(text);
        var at = m.Success ? m.Index : 0;
        return text[Math.Max(0, at - 40)..Math.Min(text.Length, at + value.Length + 40)].Replace('\n', ' ');
    }
}
