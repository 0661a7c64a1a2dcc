using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CaseDesk.Domain.Incidents;

public enum PersonRole
{
    Client = 1,
    HouseholdMember = 2,
    Employee = 3,
    Other = 4,
}

public enum RedactionKind
{
    Name = 1,
    PersonalCode = 2,
    Phone = 3,
    Email = 4,
    Address = 5,
    BirthDate = 6,
    Age = 7,
    Date = 8,
    Reference = 9,
    KnownDetail = 10,
}

/// <summary>A person linked to an incident, by the name written on their record or on the incident.</summary>
public sealed record AnonymizerPerson(PersonRole Role, string Name);

/// <summary>One thing replaced: what the source said and what the copy says instead.</summary>
public sealed record Replacement(string Original, string Text, RedactionKind Kind);

/// <summary>
/// Makes a training copy's text from an incident's text (docs/training.md). Pure: the same input
/// gives the same output, so it is unit-tested without a database. One instance per incident, so a
/// person keeps one pseudonym across all of the incident's fields, and every date moves by the same
/// offset (dates become days relative to the incident: D+3 is three days after it). Names, dates and
/// known addresses are matched on a folded copy of the text (lower case, no diacritics, the same length),
/// so "Petraitiene" and "PETRAITIENĖ" are found like "Petraitienė", and replaced at the same place.
/// </summary>
public sealed partial class Anonymizer
{
    private sealed class Person(string label, PersonRole role, string letter)
    {
        public string Label { get; } = label;
        public PersonRole Role { get; } = role;
        public string Letter { get; } = letter;

        /// <summary>Folded form → the forms written that way (own forms, diminutives, and the family's surnames).</summary>
        public Dictionary<string, List<(NameForm Form, bool Own, int Part)>> Forms { get; } = [];
        public HashSet<char> Initials { get; } = [];
    }

    private readonly DateOnly referenceDate;
    private readonly List<Person> people = [];
    private readonly Dictionary<string, List<int>> nameIndex = [];
    private readonly List<(Regex Pattern, bool Folded, string Label, RedactionKind Kind)> known = [];
    private readonly HashSet<DateOnly> birthDates;
    private readonly Regex? birthdayPattern;
    private readonly Dictionary<string, Replacement> replacements = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="people">Everyone linked to the incident, in the order their letters are given (A, B, C ...).</param>
    /// <param name="referenceDate">The incident's date: day 0 of the copy, and the date ages are reckoned on.</param>
    /// <param name="knownDetails">Phones, e-mails, addresses and codes from the linked records, removed wherever they appear.</param>
    /// <param name="birthDates">The linked persons' dates of birth: written anywhere, in any common format, they become an age band.</param>
    public Anonymizer(IEnumerable<AnonymizerPerson> people, DateOnly referenceDate,
        IEnumerable<(string Text, RedactionKind Kind)>? knownDetails = null, IEnumerable<DateOnly>? birthDates = null)
    {
        this.referenceDate = referenceDate;
        this.birthDates = birthDates?.ToHashSet() ?? [];
        var letter = 0;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var linked in people)
        {
            var tokens = Tokens(linked.Name.Normalize(NormalizationForm.FormC));
            if (tokens.Count == 0 || !seen.Add(string.Join(" ", tokens)))
                continue;
            var code = LetterOf(letter++);
            var person = new Person($"{RoleForms(linked.Role)[0]} {code}", linked.Role, code);
            var own = new List<(NameForm Form, int Part)>();
            var family = new List<(NameForm Form, int Part)>();
            for (var i = 0; i < tokens.Count; i++)
            {
                var part = i;
                var isSurname = tokens.Count > 1 && i == tokens.Count - 1;
                own.AddRange(LithuanianNames.Paradigm(tokens[i]).Select(f => (f, part)));
                if (isSurname)
                    family.AddRange(LithuanianNames.FamilyForms(tokens[i]).Select(f => (f, part)));
                else
                    own.AddRange(LithuanianNames.Diminutives(tokens[i]).Select(f => (f, part)));
                person.Initials.Add(TextFold.Fold(tokens[i][0]));
            }
            var ownWritten = own.Select(f => f.Form.Form).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var (form, part, isOwn) in own.Select(f => (f.Form, f.Part, true))
                         .Concat(family.Where(f => !ownWritten.Contains(f.Form.Form)).Select(f => (f.Form, f.Part, false))))
            {
                var key = TextFold.Fold(form.Form);
                if (!person.Forms.TryGetValue(key, out var list))
                    person.Forms[key] = list = [];
                list.Add((form with { Form = form.Form.ToLowerInvariant() }, isOwn, part));
            }
            var index = this.people.Count;
            foreach (var key in person.Forms.Keys)
            {
                if (!nameIndex.TryGetValue(key, out var owners))
                    nameIndex[key] = owners = [];
                owners.Add(index);
            }
            PseudonymOf[linked.Name.Trim()] = person.Label;
            this.people.Add(person);
        }
        foreach (var (text, kind) in knownDetails ?? [])
        {
            if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 4)
                continue;
            var trimmed = text.Trim();
            if (kind == RedactionKind.Phone && NationalNumber(trimmed) is { } national)
            {
                // However it is grouped, with or without 8 / +370 / 370 / 00370: "670 48812", "(670) 48812", "6 70 48 812".
                var digits = string.Join(@"[ \t.\-–()/]{0,3}", national.ToCharArray());
                known.Add((new Regex($@"(?<![\p{{L}}\p{{N}}+])(?:\(\s?)?(?:(?:(?:\+|00)\s?370|370|8)[ \t.\-–()/]{{0,3}})?{digits}(?!\p{{N}})",
                    RegexOptions.CultureInvariant), false, LabelFor(kind), kind));
                continue;
            }
            // A personal code is matched however its digits are grouped ("385 0101 1234", "3-850101-1234", "385.0101.1234").
            var escaped = kind == RedactionKind.PersonalCode && trimmed.All(char.IsAsciiDigit)
                ? string.Join(@"[\s.\-–]*", trimmed.ToCharArray())
                : Regex.Escape(TextFold.Fold(trimmed)).Replace(@"\ ", @"\s*").Replace(@"\.", @"\.?").Replace("-", @"\s*[-–]\s*");
            known.Add((new Regex($@"(?<![\p{{L}}\p{{N}}]){escaped}(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant),
                kind != RedactionKind.PersonalCode, LabelFor(kind), kind));
        }
        birthdayPattern = BirthdayPattern(this.birthDates);
    }

    /// <summary>Each linked person's name → the pseudonym the copy uses for them (in the nominative).</summary>
    public Dictionary<string, string> PseudonymOf { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Everything replaced so far, once per distinct original. Kept with the source incident, never with the copy.</summary>
    public IReadOnlyList<Replacement> Replacements => [.. replacements.Values];

    public string Apply(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var result = EmailPattern().Replace(text.Normalize(NormalizationForm.FormC), m => Replace(m.Value, "[el. paštas]", RedactionKind.Email));
        foreach (var (pattern, folded, label, kind) in known)
            result = folded
                ? ReplaceFolded(result, pattern, (m, original) => Replace(original, label, kind))
                : pattern.Replace(result, m => Replace(m.Value, label, kind));
        result = IbanPattern().Replace(result, m => Replace(m.Value, "[sąskaita]", RedactionKind.KnownDetail));
        result = PersonalCodePattern().Replace(result, m => LooksLikePersonalCode(m.Value) ? Replace(m.Value, "[asmens kodas]", RedactionKind.PersonalCode) : m.Value);
        result = PhonePattern().Replace(result, m => Digits(m.Value) >= 9 ? Replace(m.Value, "[telefonas]", RedactionKind.Phone) : m.Value);
        result = MobilePattern().Replace(result, m => Replace(m.Value, "[telefonas]", RedactionKind.Phone));
        result = PostCodePattern().Replace(result, m => Replace(m.Value, "[pašto kodas]", RedactionKind.Address));
        result = ReferencePattern().Replace(result, m => Replace(m.Value, "[nr.]", RedactionKind.Reference));
        result = ReplaceFolded(result, DatePattern(), Date);
        result = ReplaceFolded(result, BirthYearPattern(), (m, original) => original[..m.Groups["lead"].Length]
            + Replace(original[(m.Groups["year"].Index - m.Index)..], AgeBandLabel(referenceDate.Year - int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture)), RedactionKind.BirthDate));
        result = ReplaceFolded(result, BirthYearBeforePattern(), (m, original) =>
            Replace(original, AgeBandLabel(referenceDate.Year - int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture)), RedactionKind.BirthDate));
        if (birthdayPattern is not null)
            result = ReplaceFolded(result, birthdayPattern, (m, original) => NearBirthContext(result, m) ? Replace(original, BirthdayLabel, RedactionKind.BirthDate) : null);
        result = YearThenBirthdayPattern().Replace(result, m => this.birthDates.Any(b => b.Year.ToString(CultureInfo.InvariantCulture) == m.Groups["year"].Value)
            ? Replace(m.Groups["year"].Value, AgeBandLabel(referenceDate.Year - int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture)), RedactionKind.BirthDate) + m.Groups["gap"].Value + BirthdayLabel
            : m.Value);
        result = BandThenBirthdayPattern().Replace(result, m => m.Groups["band"].Value + m.Groups["gap"].Value.TrimEnd());
        result = BirthdayThenBandPattern().Replace(result, "${band}");
        // A street named after a ruler or writer, without a house number ("Gedimino prospekte"), points at nobody.
        result = AddressPattern().Replace(result, m => !m.Value.Any(char.IsDigit) && NameLookalikes.HistoricalForms.Contains(TextFold.Fold(m.Value.Split(' ')[0]))
            ? m.Value
            : Replace(m.Value, AddressLabel, RedactionKind.Address));
        result = AgePattern().Replace(result, m => Replace(m.Groups["age"].Value, Band(int.Parse(m.Groups["age"].Value, CultureInfo.InvariantCulture)), RedactionKind.Age) + m.Groups["rest"].Value);
        return people.Count == 0 ? result : ReplaceNames(result);
    }

    public const string AddressLabel = "[adresas: miesto dalis]";
    private const string BirthdayLabel = "[gimimo diena]";

    private string Replace(string original, string replacement, RedactionKind kind)
    {
        replacements.TryAdd(original.Trim(), new Replacement(original.Trim(), replacement, kind));
        return replacement;
    }

    /// <summary>Runs a pattern written for folded text over the folded copy and replaces in the text itself; null keeps the match.</summary>
    private static string ReplaceFolded(string text, Regex pattern, Func<Match, string, string?> evaluator)
    {
        var folded = TextFold.Fold(text);
        StringBuilder? builder = null;
        var last = 0;
        for (var m = pattern.Match(folded); m.Success; m = m.NextMatch())
        {
            if (evaluator(m, text.Substring(m.Index, m.Length)) is not { } replacement)
                continue;
            builder ??= new StringBuilder(text.Length);
            builder.Append(text, last, m.Index - last).Append(replacement);
            last = m.Index + m.Length;
        }
        return builder is null ? text : builder.Append(text, last, text.Length - last).ToString();
    }

    // ---- Names ----

    private readonly record struct Token(int Start, int End, string Key);

    private string ReplaceNames(string text)
    {
        var folded = TextFold.Fold(text);
        var tokens = new List<Token>();
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
                i++;
            tokens.Add(new Token(start, i, folded[start..i]));
        }
        var builder = new StringBuilder(text.Length);
        var copied = 0;
        for (var t = 0; t < tokens.Count;)
        {
            if (!IsNameToken(text, tokens[t], out var owners))
            {
                t++;
                continue;
            }
            // A run of name words (first name and surname in either order, a double surname) that one person can own is one mention.
            var candidates = owners.ToList();
            var end = t + 1;
            while (end < tokens.Count && JoinsMention(text, tokens[end - 1].End, tokens[end].Start)
                   && IsNameToken(text, tokens[end], out var next) && candidates.Intersect(next).Any())
            {
                candidates = [.. candidates.Intersect(next)];
                end++;
            }
            var person = people[candidates.OrderByDescending(p => Enumerable.Range(t, end - t).Count(k => IsOwn(people[p], text, tokens[k])))
                .ThenBy(p => p).First()];
            var spanStart = tokens[t].Start;
            var spanEnd = tokens[end - 1].End;
            var withInitial = false;
            // An initial before ("J. Petraitis") or after ("Petraitis J.") that is one of the person's initials goes with it.
            if (t > 0 && tokens[t - 1] is var before && before.End - before.Start == 1 && char.IsUpper(text[before.Start])
                && person.Initials.Contains(before.Key[0]) && before.End < text.Length && text[before.End] == '.'
                && text.AsSpan(before.End + 1, spanStart - before.End - 1).IsWhiteSpace() && before.Start >= copied)
            {
                spanStart = before.Start;
                withInitial = true;
            }
            if (end < tokens.Count && tokens[end] is var after && after.End - after.Start == 1 && char.IsUpper(text[after.Start])
                && person.Initials.Contains(after.Key[0]) && after.End < text.Length && text[after.End] == '.'
                && text.AsSpan(spanEnd, after.Start - spanEnd).ToString() == " ")
            {
                spanEnd = after.End;
                withInitial = true;
                end++;
            }
            if (end - t == 1 && !withInitial && IsOrdinaryUse(text, tokens, t, person))
            {
                t = end;
                continue;
            }
            var mention = Enumerable.Range(t, end - t).Select(k => tokens[k]).Where(k => k.End - k.Start > 1).ToList();
            var previous = t - (spanStart == tokens[t].Start ? 1 : 2);
            var (nameCase, plural, own) = CaseOf(person, text, mention, previous >= 0 ? tokens[previous] : null, spanStart);
            builder.Append(text, copied, spanStart - copied)
                .Append(Replace(text[spanStart..spanEnd], Declined(person, nameCase, plural, own), RedactionKind.Name));
            copied = spanEnd;
            t = end;
        }
        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    private bool IsNameToken(string text, Token token, out List<int> owners)
    {
        owners = [];
        if (token.End - token.Start < 2 || !nameIndex.TryGetValue(token.Key, out var found))
            return false;
        // Letters or digits on either side mean another word ("milijonas", "Jonas2").
        if ((token.Start > 0 && char.IsDigit(text[token.Start - 1])) || (token.End < text.Length && char.IsDigit(text[token.End])))
            return false;
        owners = found;
        return true;
    }

    private static bool JoinsMention(string text, int from, int to)
    {
        var gap = text.AsSpan(from, to - from);
        return gap.Length > 0 && (gap is "-" || (gap.IsWhiteSpace() && gap.Count('\n') <= 1));
    }

    private static bool IsOwn(Person person, string text, Token token) =>
        person.Forms.TryGetValue(token.Key, out var forms) && forms.Any(f => f.Own);

    /// <summary>
    /// A lone name word that the text shows is not the person (docs/training.md): an ordinary word in lower case
    /// ("žydėjo rūta", "gintaro karoliai") with no title before it, or a name in a place's or institution's name
    /// ("Vytauto Didžiojo universitetas", "Šv. Jono bažnyčia", "Gedimino prospektas", "Vyčio kryžius"). Never when
    /// written in capitals or with another of the person's names near: then it is replaced.
    /// </summary>
    private bool IsOrdinaryUse(string text, List<Token> tokens, int t, Person person)
    {
        var token = tokens[t];
        var word = text.AsSpan(token.Start, token.End - token.Start);
        var capitals = true;
        foreach (var ch in word)
            capitals &= !char.IsLower(ch);
        if (capitals)
            return false;
        // Another of the person's names near it (the surname, not the same name again) makes it the person.
        var parts = person.Forms[token.Key].Select(f => f.Part).ToHashSet();
        for (var k = Math.Max(0, t - 3); k <= Math.Min(tokens.Count - 1, t + 3); k++)
            if (k != t && tokens[k].End - tokens[k].Start > 1 && person.Forms.TryGetValue(tokens[k].Key, out var near)
                && near.Any(f => !parts.Contains(f.Part)))
                return false;
        var previous = t > 0 ? tokens[t - 1].Key : "";
        var next = t + 1 < tokens.Count ? tokens[t + 1].Key : "";
        if (NameLookalikes.PersonWords.Contains(previous))
            return false;
        if (char.IsLower(word[0]) && NameLookalikes.OrdinaryForms.Contains(token.Key))
            return true;
        foreach (var place in NameLookalikes.KnownPlaces)
            for (var at = 0; at < place.Length; at++)
                if (t - at >= 0 && t - at + place.Length <= tokens.Count
                    && Enumerable.Range(0, place.Length).All(i => tokens[t - at + i].Key.StartsWith(place[i], StringComparison.Ordinal)))
                    return true;
        if (NameLookalikes.IsRulerWord(next) || NameLookalikes.IsSaintWord(previous) || NameLookalikes.IsLegendWord(previous)
            || previous.StartsWith("herb", StringComparison.Ordinal))
            return true;
        // "Liepos mėnesį": the month, not Liepa.
        if (MonthNames.Split('|').Contains(token.Key) && next.StartsWith("men", StringComparison.Ordinal))
            return true;
        var genitive = person.Forms[token.Key].Any(f => f.Form.Case == NameCase.Genitive);
        if (!genitive)
            return false;
        if (NameLookalikes.IsNamedPlaceWord(next) && NameLookalikes.HistoricalForms.Contains(token.Key))
            return true;
        // A famous person's full name before an institution word: "Jono Basanavičiaus gimnazija", "Vinco Kudirkos progimnazija".
        return t + 2 < tokens.Count && char.IsUpper(text[tokens[t + 1].Start]) && !nameIndex.ContainsKey(tokens[t + 1].Key)
            && NameLookalikes.IsPlaceWord(tokens[t + 2].Key);
    }

    private static readonly NameCase[] CasePriority =
        [NameCase.Nominative, NameCase.Genitive, NameCase.Dative, NameCase.Accusative, NameCase.Instrumental, NameCase.Locative, NameCase.Vocative];

    /// <summary>
    /// The case of a mention by the person's own paradigm: the last word's (the surname's) cases, narrowed by the other
    /// words where they agree, then by a preposition before it ("su" → instrumental, "į" → accusative, "ant" → genitive),
    /// then the commonest. A word typed without its letters ("Petraitiene") may be any form that folds to it.
    /// </summary>
    private static (NameCase Case, bool Plural, bool Own) CaseOf(Person person, string text, List<Token> mention, Token? before, int spanStart)
    {
        var own = mention.Any(k => IsOwn(person, text, k));
        List<NameForm> FormsOf(Token token)
        {
            var written = text[token.Start..token.End].ToLowerInvariant();
            var forms = person.Forms[token.Key].Where(f => f.Own == own || !own).Select(f => f.Form).ToList();
            if (forms.Count == 0)
                forms = person.Forms[token.Key].Select(f => f.Form).ToList();
            var exact = forms.Where(f => f.Form == written).ToList();
            return !TextFold.IsAscii(written) && exact.Count > 0 ? exact : forms;
        }
        var options = FormsOf(mention[^1]);
        foreach (var word in mention.SkipLast(1))
        {
            var narrowed = options.Where(o => FormsOf(word).Any(f => f.Case == o.Case && f.Plural == o.Plural)).ToList();
            if (narrowed.Count > 0)
                options = narrowed;
        }
        var plural = options.All(o => o.Plural);
        options = [.. options.Where(o => o.Plural == plural)];
        var cases = options.Select(o => o.Case).ToHashSet();
        if (PrepositionBefore(text, before, spanStart) is { } hinted && cases.Contains(hinted))
            return (hinted, plural, own);
        // A nominative (or a vocative, which reads as one) first: "Petraitiene atėjo" typed without its ė. Then the form
        // written exactly so ("Petraiti" is the vocative), then any form that folds to it.
        if (cases.Contains(NameCase.Nominative) || cases.Contains(NameCase.Vocative))
            return (NameCase.Nominative, plural, own);
        var last = text[mention[^1].Start..mention[^1].End].ToLowerInvariant();
        var exact = options.Where(o => o.Form == last).Select(o => o.Case).ToHashSet();
        return (CasePriority.First(c => exact.Count > 0 ? exact.Contains(c) : cases.Contains(c)), plural, own);
    }

    /// <summary>The case a preposition right before the mention governs, also across one lower-case word ("su kaimyne Lina").</summary>
    private static NameCase? PrepositionBefore(string text, Token? before, int spanStart)
    {
        if (before is not { } b || !text.AsSpan(b.End, spanStart - b.End).IsWhiteSpace())
            return null;
        if (PrepositionCase(b.Key) is { } direct)
            return direct;
        if (!char.IsLower(text[b.Start]) || b.Start < 2)
            return null;
        var at = b.Start - 1;
        while (at >= 0 && char.IsWhiteSpace(text[at]))
            at--;
        var end = at + 1;
        while (at >= 0 && char.IsLetter(text[at]))
            at--;
        return end - at > 1 && end < b.Start ? PrepositionCase(TextFold.Fold(text[(at + 1)..end])) : null;
    }

    private static NameCase? PrepositionCase(string folded) => folded switch
    {
        "su" => NameCase.Instrumental,
        "i" or "per" or "apie" or "pas" or "pries" or "pro" or "pagal" or "palei" => NameCase.Accusative,
        "is" or "nuo" or "be" or "prie" or "iki" or "del" or "ties" or "link" or "vietoj" or "tarp" or "salia" or "ant" or "virs" => NameCase.Genitive,
        _ => null,
    };

    /// <summary>
    /// The pseudonym in the mention's case (a vocative becomes the nominative): "Kliento A", "Darbuotojui B". A family
    /// in the plural ("Petraičiai") becomes "Kliento A šeima"; a relative named only by the family's surname
    /// ("Petraitytė" beside client Petraitis) "Kliento A šeimos narys".
    /// </summary>
    private static string Declined(Person person, NameCase nameCase, bool plural, bool own)
    {
        var index = nameCase == NameCase.Vocative ? 0 : (int)nameCase;
        if (plural)
            return $"{RoleForms(person.Role)[1]} {person.Letter} {Family[index]}";
        if (!own)
            return $"{RoleForms(person.Role)[1]} {person.Letter} {Relative[index]}";
        return $"{RoleForms(person.Role)[index]} {person.Letter}";
    }

    private static readonly string[] Family = ["šeima", "šeimos", "šeimai", "šeimą", "šeima", "šeimoje"];
    private static readonly string[] Relative = ["šeimos narys", "šeimos nario", "šeimos nariui", "šeimos narį", "šeimos nariu", "šeimos naryje"];

    /// <summary>The role word in the nominative, genitive, dative, accusative, instrumental and locative.</summary>
    private static string[] RoleForms(PersonRole role) => role switch
    {
        PersonRole.Client => ["Klientas", "Kliento", "Klientui", "Klientą", "Klientu", "Kliente"],
        PersonRole.HouseholdMember => ["Šeimos narys", "Šeimos nario", "Šeimos nariui", "Šeimos narį", "Šeimos nariu", "Šeimos naryje"],
        PersonRole.Employee => ["Darbuotojas", "Darbuotojo", "Darbuotojui", "Darbuotoją", "Darbuotoju", "Darbuotoje"],
        _ => ["Asmuo", "Asmens", "Asmeniui", "Asmenį", "Asmeniu", "Asmenyje"],
    };

    // ---- Dates ----

    /// <summary>
    /// A date in any common Lithuanian format: a linked person's birth date, or any date after a birth word, becomes an age
    /// band whole; a two-digit-year date only then; any other full date becomes days from the incident; a month and day
    /// that is a linked person's birthday beside a year, an age or a birth word goes, otherwise it is shifted too.
    /// </summary>
    private string? Date(Match m, string original)
    {
        var birthLead = BirthLeadPattern().IsMatch(m.Result("$`")[Math.Max(0, m.Index - 40)..]);
        var day = int.Parse(m.Groups["d"].Success ? m.Groups["d"].Value : "0", CultureInfo.InvariantCulture);
        var month = MonthOf(m);
        if (m.Groups["a"].Success)
        {
            // Two-digit year: 85-07-19 (year first) or 19.07.85 (day first); a date only when it is someone's birth date or follows a birth word.
            var (a, b, c) = (Int(m.Groups["a"]), Int(m.Groups["b"]), Int(m.Groups["c"]));
            var readings = new[] { (Y: a, M: b, D: c), (Y: c, M: b, D: a) };
            foreach (var born in birthDates)
                if (readings.Any(r => r.Y == born.Year % 100 && r.M == born.Month && r.D == born.Day))
                    return Replace(original, AgeBandLabel(AgeOn(born)), RedactionKind.BirthDate);
            if (!birthLead)
                return null;
            foreach (var (y, mo, d) in readings)
                if (ValidDate(Century(y), mo, d) is { } guessed)
                    return Replace(original, AgeBandLabel(AgeOn(guessed)), RedactionKind.BirthDate);
            return null;
        }
        if (!m.Groups["y"].Success)
        {
            if (ValidDate(referenceDate.Year, month, day) is not { } inYear)
                return null;
            var birthday = birthDates.Any(b => b.Month == month && b.Day == day);
            if (birthday && (birthLead || NearBirthContext(m.Result("$_"), m)))
                return Replace(original, BirthdayLabel, RedactionKind.BirthDate);
            return Shift(original, inYear);
        }
        if (ValidDate(Int(m.Groups["y"]), month, day) is not { } date)
            return null;
        if (birthLead || birthDates.Contains(date))
            return Replace(original, AgeBandLabel(AgeOn(date)), RedactionKind.BirthDate);
        return Shift(original, date);

        static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);
    }

    private int Century(int twoDigits) => twoDigits <= referenceDate.Year % 100 ? 2000 + twoDigits : 1900 + twoDigits;

    private static DateOnly? ValidDate(int year, int month, int day) =>
        year is >= 1900 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static readonly string[] MonthStems =
        ["saus", "vasar", "kov", "baland", "geguz", "birzel", "liep", "rugpj", "rugsej", "spal", "lapkri", "gruod"];

    private static readonly string[] RomanMonths = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];

    private static int MonthOf(Match m)
    {
        if (m.Groups["m"].Success)
            return int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["r"].Success)
            return Array.IndexOf(RomanMonths, m.Groups["r"].Value) + 1;
        if (m.Groups["mn"].Success)
            return Array.FindIndex(MonthStems, s => m.Groups["mn"].Value.StartsWith(s, StringComparison.Ordinal)) + 1;
        return 0;
    }

    private string Shift(string original, DateOnly date)
    {
        var days = date.DayNumber - referenceDate.DayNumber;
        return Replace(original, days == 0 ? "[D]" : $"[D{(days > 0 ? "+" : "−")}{Math.Abs(days)}]", RedactionKind.Date);
    }

    /// <summary>A year, an age (band) or a birth word within a few words of the match.</summary>
    private static bool NearBirthContext(string text, Match m)
    {
        var from = Math.Max(0, m.Index - 30);
        var to = Math.Min(text.Length, m.Index + m.Length + 30);
        return BirthContextPattern().IsMatch(TextFold.Fold(text[from..m.Index])) || BirthContextPattern().IsMatch(TextFold.Fold(text[(m.Index + m.Length)..to]));
    }

    /// <summary>A linked person's birthday without a year: "07 19", "19.07", "07-19", "liepos 19", "liepos 19-ąją".</summary>
    private static Regex? BirthdayPattern(IEnumerable<DateOnly> dates)
    {
        var forms = new List<string>();
        foreach (var (month, day) in dates.Select(d => (d.Month, d.Day)).Distinct())
        {
            var (mm, dd) = ($"0?{month}", $"0?{day}");
            forms.Add($@"{mm}[-./ ]{dd}");
            forms.Add($@"{dd}[./ ]{mm}");
            forms.Add($@"(?:{MonthNamesOf(month)})(?:\s+men\.)?\s+{dd}(?:\s?d\.|-[a-z]{{1,5}}|\s?dien[a-z]{{0,3}})?");
        }
        return forms.Count == 0 ? null
            : new Regex($@"(?<![\p{{L}}\p{{N}}.\-/])(?:{string.Join("|", forms)})(?![\p{{N}}]|[-./]\p{{N}})", RegexOptions.CultureInvariant);
    }

    private static string MonthNamesOf(int month) => MonthNames.Split('|').Where(n => n.StartsWith(MonthStems[month - 1], StringComparison.Ordinal)).Aggregate((a, b) => a + "|" + b);

    private int AgeOn(DateOnly birth)
    {
        var age = referenceDate.Year - birth.Year;
        return birth.AddYears(age) > referenceDate ? age - 1 : age;
    }

    private static string AgeBandLabel(int age) => $"[{Band(age)} m. amžiaus]";

    /// <summary>Ten-year bands; children and the very old in wider ones so a single age never shows.</summary>
    public static string Band(int age) => age switch
    {
        < 18 => "iki 18",
        < 30 => "18–29",
        >= 80 => "80+",
        _ => $"{age / 10 * 10}–{age / 10 * 10 + 9}",
    };

    /// <summary>The 8 digits of a Lithuanian number after 8, +370, 370 or 00370; null when the stored phone is not one.</summary>
    private static string? NationalNumber(string phone)
    {
        var digits = string.Concat(phone.Where(char.IsAsciiDigit));
        if (digits.StartsWith("00370", StringComparison.Ordinal))
            digits = digits[5..];
        else if (digits.StartsWith("370", StringComparison.Ordinal) && digits.Length == 11)
            digits = digits[3..];
        else if (digits.StartsWith('8') && digits.Length == 9)
            digits = digits[1..];
        return digits.Length == 8 ? digits : null;
    }

    private static int Digits(string text) => text.Count(char.IsAsciiDigit);

    /// <summary>
    /// Eleven digits written together are taken as a code, as always. Grouped with spaces or dashes they must read as
    /// one (GYYMMDD...: century 1-6, a month, a day), so "370 612 34567" stays a phone number.
    /// </summary>
    private static bool LooksLikePersonalCode(string text)
    {
        var digits = string.Concat(text.Where(char.IsAsciiDigit));
        if (digits.Length == text.Length)
            return true;
        var month = int.Parse(digits.AsSpan(3, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(digits.AsSpan(5, 2), CultureInfo.InvariantCulture);
        return digits[0] is >= '1' and <= '6' && month is >= 1 and <= 12 && day is >= 1 and <= 31;
    }

    private static List<string> Tokens(string name) =>
        [.. name.Split([' ', '-', '\t', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(t => t.Trim('.').Length >= 2)];

    private static string LetterOf(int index)
    {
        var builder = new StringBuilder();
        do
        {
            builder.Insert(0, (char)('A' + index % 26));
            index = index / 26 - 1;
        } while (index >= 0);
        return builder.ToString();
    }

    private static string LabelFor(RedactionKind kind) => kind switch
    {
        RedactionKind.Phone => "[telefonas]",
        RedactionKind.Email => "[el. paštas]",
        RedactionKind.Address => AddressLabel,
        RedactionKind.PersonalCode => "[asmens kodas]",
        _ => "[pašalinta]",
    };

    // Folded (lower case, no diacritics): the nominative and genitive of every month.
    private const string MonthNames =
        "sausis|sausio|vasaris|vasario|kovas|kovo|balandis|balandzio|geguze|geguzes|birzelis|birzelio|liepa|liepos|rugpjutis|rugpjucio|rugsejis|rugsejo|spalis|spalio|lapkritis|lapkricio|gruodis|gruodzio";
    private const string Year = @"(?<y>(?:19|20)\d{2})";
    private const string YearWord = @"(?:\s?m\.|\s+metu|\s+metais|-?(?:uju|ieji|aisiais|uosius)(?:\s+metu)?)";
    private const string MonthWord = @"(?<mn>" + MonthNames + @")(?:\s+men\.|\s+menesio)?";
    private const string Day = @"(?<d>0?[1-9]|[12]\d|3[01])";
    private const string DayWord = @"(?:\s?d\.|\s?d(?![\p{L}\p{N}])|\s?dien(?:a|os|ai|oje)(?!\p{L})|-?(?:osios|ojoje|ajai|oji|aja|tos|tai|ta|os|ji|ja|a)(?!\p{L}))";
    private const string MonthNumber = @"(?<m>0?[1-9]|1[0-2])";
    private const string Dates =
        Year + YearWord + @"?,?\s*" + MonthWord + @"\s+" + Day + DayWord + "?"
        + "|" + MonthWord + @"\s+" + Day + DayWord
        + "|" + Year + @"(?:\s?m\.)?(?:\s?[-./]\s?|\s)(?<r>xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)(?:\s?[-./]\s?|\s)" + Day + @"(?:\s?d\.)?"
        + "|" + Year + @"(?:\s?m\.)?(?<s1>[-./]|\s)" + MonthNumber + @"\k<s1>" + Day + @"(?:\s?d\.)?"
        + "|" + Day + @"(?<s2>[-./])" + MonthNumber + @"\k<s2>" + Year + @"(?:\s?m\.)?"
        + @"|(?<a>\d{1,2})(?<s3>[-./])(?<b>\d{1,2})\k<s3>(?<c>\d{2})";

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:" + Dates + @")(?![\p{N}]|[-./]\p{N})", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    /// <summary>A birth word right before a date: "gimęs", "gimusi", "gimė", "gimimo data", "gim.", "g.", "g. d.", "gimtadienis".</summary>
    [GeneratedRegex(@"(?<!\p{L})(?:gimes|gimusi|gimusio|gimusios|gimusiam|gimusiai|gimusiu|gimusia|gime|gimimo\s+(?:data|diena|metai)|gimimo|gim\.|g\.\s?d\.|g\.|gimtadien\p{L}*|born(?:\s+on|\s+in)?|date\s+of\s+birth)[\s:,(–\-]*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex BirthLeadPattern();

    [GeneratedRegex(@"(?:19|20)\d{2}|amziaus\]|(?<!\p{N})\d{1,3}\s?(?:m\.|metu|metai)|(?<!\p{L})(?:gim(?:es|usi|e|imo|\.|tadien)|g\.\s?d\.|born)", RegexOptions.CultureInvariant)]
    private static partial Regex BirthContextPattern();

    [GeneratedRegex(@"(?<lead>(?<!\p{L})(?:gimes|gimusi|gime|gimimo\s+metai|gim\.|born(?:\s+in)?)[\s:,]*)(?<year>(?:19|20)\d{2})(?:\s?m\.|\s+metais|\s+metu|-?(?:uju|aisiais|ieji|uosius)(?:\s+metu)?)?(?![\d\-/]|\.\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex BirthYearPattern();

    [GeneratedRegex(@"(?<!\p{N})(?<year>(?:19|20)\d{2})(?:\s?m\.|-?(?:uju|aisiais))?(?=\s+gim(?:es|usi|e|imo))", RegexOptions.CultureInvariant)]
    private static partial Regex BirthYearBeforePattern();

    /// <summary>A linked person's birth year beside their birthday: "(1979 m.) lapkričio 4 d." goes whole.</summary>
    [GeneratedRegex(@"(?<![\p{N}])(?<year>(?:19|20)\d{2})(?:\s?m\.|-?(?:ųjų|aisiais|ieji))?(?<gap>[\s,.;:()\-–]{0,6})\[gimimo diena\]")]
    private static partial Regex YearThenBirthdayPattern();

    [GeneratedRegex(@"(?<band>\[[^\[\]]*m\. amžiaus\])(?<gap>[\s,.;:()\-–]*)\[gimimo diena\]")]
    private static partial Regex BandThenBirthdayPattern();

    [GeneratedRegex(@"\[gimimo diena\][\s,]*(?<band>\[[^\[\]]*m\. amžiaus\])")]
    private static partial Regex BirthdayThenBandPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}–\-])(?<age>\d{1,3})(?<rest>\s?(?:-?(?:erių|ejų|ių)\s+)?(?:metų|metai|m\.(?=\s?amž)|years?\s+old|year-old))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgePattern();

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    /// <summary>38501011234, and the same grouped by single spaces or dashes: "385 0101 1234", "3-850101-1234".</summary>
    [GeneratedRegex(@"(?<![\p{N}+])\d(?:[ \u00A0\-–]?\d){10}(?![\p{N}])")]
    private static partial Regex PersonalCodePattern();

    /// <summary>+370 6xx xxxxx, 8 6xx xxxxx, 8 (315) 56 665, 370..., 00370...; counted as a phone only with 9 digits or more.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}+])(?:(?:\+|00)\s?370|370|\(?8)[\s\-]*\(?\d{1,3}\)?(?:[\s\-]*\d){5,8}(?!\p{N})")]
    private static partial Regex PhonePattern();

    /// <summary>A mobile number without its prefix, as people write it: "670 48812", "670-48-812", "(670) 48812", "67048812".</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}+\-./])\(?6\d{2}\)?[ \-.]?\d{2}[ \-.]?\d{3}(?![\p{N}]|[-./]\p{N})")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"\bLT[\s\-]?\d{2}(?:\s?\d{4}){4}\b", RegexOptions.IgnoreCase)]
    private static partial Regex IbanPattern();

    [GeneratedRegex(@"\bLT[\s\-]?\d{5}\b", RegexOptions.IgnoreCase)]
    private static partial Regex PostCodePattern();

    /// <summary>Case, complaint and similar record numbers (BYL-2026-0001, SK-2026-0012): they lead back to the source.</summary>
    [GeneratedRegex(@"\b\p{Lu}{2,4}-\d{4}-\d{3,6}\b")]
    private static partial Regex ReferencePattern();

    /// <summary>
    /// "Vilniaus g. 12-3", "S. Dariaus ir S. Girėno g. 5", "Naujoji gatvė", "Santaikos pr. 25", "Putinų al. 3",
    /// "Kauno kelias 7", with the flat ("bt. 4") when written.
    /// </summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}])(?:\p{Lu}\.\s?)?\p{Lu}[\p{Ll}\-]+(?:\s+(?:ir\s+)?(?:\p{Lu}\.\s?)?\p{Lu}[\p{Ll}\-]+){0,2}\s+"
        + @"(?:g\.|gatv(?:ėje|ės|ei|ę|ė|e)\b|pr\.|prospekt(?:as|o|ui|ą|e)\b|al\.|alėj(?:oje|os|ai|ą|a)\b|kel\.|kel(?:yje|ias|io|iui|ią|iu)\b|skg\.|skersgatv\p{Ll}*|aikšt(?:ėje|ės|ei|ę|ė|e)\b|tak\.|tak(?:as|o|e)\b)"
        + @"(?:\s*(?:Nr\.\s*)?\d+\p{L}?(?:\s*[-–/]\s*\d+\p{L}?)?(?!\p{N}))?(?:,?\s*(?:bt\.|butas|buto)\s*\d+)?",
        RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();
}
