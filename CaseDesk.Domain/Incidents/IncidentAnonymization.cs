using System.Globalization;
using System.Security.Cryptography;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Incidents;

/// <summary>Links the people of an incident from their records and makes (or remakes) its training copy.</summary>
internal static class IncidentAnonymization
{
    /// <summary>Up to two weeks either way, never zero: the copy's month must not give away the exact date.</summary>
    public static int RandomShift()
    {
        var days = RandomNumberGenerator.GetInt32(1, 15);
        return RandomNumberGenerator.GetInt32(2) == 0 ? -days : days;
    }

    /// <summary>The client and every household member on the client's record.</summary>
    public static async Task LinkClientAsync(CaseDeskDb db, Incident incident, Guid? clientId, CancellationToken ct)
    {
        if (clientId is null)
            return;
        var client = await db.Clients.AsNoTracking().Include(c => c.Household).SingleAsync(c => c.Id == clientId, ct);
        incident.Link(PersonRole.Client, client.FullName, clientId: client.Id);
        // In Lithuanian alphabetical order of their names, so the letters do not depend on ids (random within a millisecond)
        // and a remade copy gives the household the same letters; the record keeps no order of its members.
        foreach (var member in client.Household.OrderBy(m => m.Name, StringComparer.Create(CultureInfo.GetCultureInfo("lt-LT"), ignoreCase: true)).ThenBy(m => m.Id))
            incident.Link(PersonRole.HouseholdMember, member.Name, clientId: client.Id);
    }

    public static async Task LinkEmployeesAsync(CaseDeskDb db, Incident incident, IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Where(id => id.Length > 0 && id != Caller.System.UserId).Distinct().ToList();
        var staff = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.FirstName, u.LastName }).ToListAsync(ct);
        foreach (var user in staff.OrderBy(u => ids.IndexOf(u.Id)))
            incident.Link(PersonRole.Employee, $"{user.FirstName} {user.LastName}", userId: user.Id);
    }

    /// <summary>
    /// Runs the anonymizer over the incident's text with everything known about its people, writes the
    /// draft copy and keeps the list of replacements with the incident.
    /// </summary>
    public static async Task<TrainingCopy> MakeCopyAsync(CaseDeskDb db, IPersonalCodeProtector codes, Incident incident, DateTime nowUtc,
        CancellationToken ct)
    {
        var known = new List<(string, RedactionKind)>();
        var birthDates = new List<DateOnly>();
        var clientIds = incident.People.Where(p => p.ClientId != null).Select(p => p.ClientId!.Value).Append(incident.ClientId ?? Guid.Empty).Distinct().ToList();
        var clients = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id))
            .Select(c => new { c.Phone, c.Email, c.Address, c.BirthDate, c.PersonalCodeCipher }).ToListAsync(ct);
        foreach (var c in clients)
        {
            known.Add((c.Phone ?? "", RedactionKind.Phone));
            known.Add((c.Email ?? "", RedactionKind.Email));
            known.Add((c.Address ?? "", RedactionKind.Address));
            // The street alone ("Vilniaus g. 1" of "Vilniaus g. 1, Alytus") is how people write it in a note.
            known.Add((c.Address?.Split(',')[0] ?? "", RedactionKind.Address));
            if (c.BirthDate is { } born)
                birthDates.Add(born);
            // Stored encrypted (docs/decisions/0004); opened here only to be taken out of the copy, however it is written there.
            if (c.PersonalCodeCipher is { } cipher)
                known.Add((codes.Unprotect(cipher), RedactionKind.PersonalCode));
        }
        var userIds = incident.People.Where(p => p.UserId != null).Select(p => p.UserId!).ToList();
        var staff = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Email, u.PhoneNumber }).ToListAsync(ct);
        foreach (var u in staff)
        {
            known.Add((u.Email ?? "", RedactionKind.Email));
            known.Add((u.PhoneNumber ?? "", RedactionKind.Phone));
        }

        var people = incident.People.OrderBy(p => p.Role).Select(p => new AnonymizerPerson(p.Role, p.Name));
        var day = DateOnly.FromDateTime(VilniusTime.ToLocal(incident.OccurredAtUtc));
        var anonymizer = new Anonymizer(people, day, known, birthDates);
        var situation = anonymizer.Apply(incident.WhatHappened);
        var handling = NullIfEmpty(anonymizer.Apply(incident.HowHandled));
        var outcome = NullIfEmpty(anonymizer.Apply(incident.Outcome));
        incident.RecordRedactions(anonymizer.Replacements);
        foreach (var person in incident.People)
            person.Pseudonym = anonymizer.PseudonymOf.GetValueOrDefault(person.Name);

        var copy = await db.TrainingCopies.SingleOrDefaultAsync(c => c.IncidentId == incident.Id, ct);
        if (copy is null)
        {
            copy = new TrainingCopy(Guid.CreateVersion7(), incident.Id, nowUtc);
            db.TrainingCopies.Add(copy);
        }
        copy.Fill(incident.Type, incident.Touchpoint, incident.Commitments, day.AddDays(incident.PeriodShiftDays).ToString("yyyy-MM"),
            TitleFrom(situation), situation, handling, outcome);
        return copy;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>Words written with a full stop that does not end a sentence: "el. laiškas", "tel.", "g.", "t. y.", "a. k.".</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "el", "tel", "g", "pvz", "t", "y", "nr", "m", "d", "a", "k", "gim", "val", "min", "kt", "proc", "str", "p", "sk", "mėn", "gerb",
        "dr", "prof", "doc", "vnt", "tūkst", "mln", "psl", "pan", "plg", "žr", "š", "ml", "mob", "bt", "pr", "al", "kel", "skg", "tak",
        "vyr", "vyresn", "spec", "adr", "s", "aps", "r", "sav", "sen", "kaim", "vs", "ca", "apyt", "pav", "įsak", "sekr", "vad", "kab",
    };

    /// <summary>
    /// The first sentence of the anonymized situation, shortened; the officer may rewrite it. A full stop after an
    /// abbreviation or an initial ("el. laišką", "J. Petraitis") or before a lower-case word does not end it, and it is
    /// never cut inside a [label].
    /// </summary>
    internal static string TitleFrom(string situation)
    {
        var end = -1;
        var depth = 0;
        for (var i = 0; i < situation.Length && end < 0; i++)
        {
            var ch = situation[i];
            if (ch == '[') depth++;
            else if (ch == ']') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && i > 20 && (ch is '!' or '?' or '\n' || (ch == '.' && EndsSentence(situation, i))))
                end = i;
        }
        var first = (end > 0 ? situation[..end] : situation).Trim();
        if (first.Length <= 100)
            return first;
        // Cut at the last space before 97 characters that is outside a label, then drop a trailing abbreviation or initial.
        var cut = -1;
        depth = 0;
        for (var i = 0; i < 97; i++)
        {
            if (first[i] == '[') depth++;
            else if (first[i] == ']') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && char.IsWhiteSpace(first[i])) cut = i;
        }
        var words = (cut > 0 ? first[..cut] : first[..97]).TrimEnd(' ', ',', ';', ':', '–', '-').Split(' ').ToList();
        while (words.Count > 1 && words[^1].EndsWith('.') && IsAbbreviation(words[^1].TrimEnd('.')) && !AfterPseudonym(string.Join(' ', words), string.Join(' ', words).Length - words[^1].Length))
            words.RemoveAt(words.Count - 1);
        return string.Join(' ', words).TrimEnd(' ', ',', ';', ':', '–', '-') + "…";
    }

    private static bool EndsSentence(string text, int dot)
    {
        if (dot + 1 < text.Length && !char.IsWhiteSpace(text[dot + 1]))
            return false;
        var start = dot;
        while (start > 0 && char.IsLetter(text[start - 1]))
            start--;
        if (start < dot && IsAbbreviation(text[start..dot]) && !AfterPseudonym(text, start))
            return false;
        var next = dot + 1;
        while (next < text.Length && text[next] is ' ' or '\t')
            next++;
        // Before a lower-case word or a number the full stop is inside the sentence ("45 min. laukė", "2026 m. kovo").
        return next >= text.Length || !(char.IsLower(text[next]) || char.IsDigit(text[next]));
    }

    private static bool IsAbbreviation(string word) => word.Length == 1 || Abbreviations.Contains(word);

    /// <summary>The letter of a pseudonym ("su Klientu A.") is not an initial.</summary>
    private static bool AfterPseudonym(string text, int letter)
    {
        var before = text[..letter].TrimEnd();
        var word = before[(before.LastIndexOf(' ') + 1)..];
        return word.StartsWith("Klient", StringComparison.Ordinal) || word.StartsWith("Darbuotoj", StringComparison.Ordinal)
            || word.StartsWith("nar", StringComparison.Ordinal) || word.StartsWith("Asm", StringComparison.Ordinal);
    }
}
