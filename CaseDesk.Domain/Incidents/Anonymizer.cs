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
/// offset (dates become days relative to the incident: D+3 is three days after it).
/// </summary>
public sealed partial class Anonymizer
{
    private readonly DateOnly referenceDate;
    private readonly List<(string Label, HashSet<string> Own, HashSet<string> Family)> people = [];
    private readonly Regex? ownNames;
    private readonly Regex? familyNames;
    private readonly List<(Regex Pattern, string Label, RedactionKind Kind)> known = [];
    private readonly HashSet<DateOnly> birthDates;
    private readonly Dictionary<string, Replacement> replacements = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="people">Everyone linked to the incident, in the order their letters are given (A, B, C ...).</param>
    /// <param name="referenceDate">The incident's date: day 0 of the copy, and the date ages are reckoned on.</param>
    /// <param name="knownDetails">Phones, e-mails and addresses from the linked records, removed wherever they appear verbatim.</param>
    /// <param name="birthDates">The linked persons' dates of birth: written anywhere, they become an age band.</param>
    public Anonymizer(IEnumerable<AnonymizerPerson> people, DateOnly referenceDate,
        IEnumerable<(string Text, RedactionKind Kind)>? knownDetails = null, IEnumerable<DateOnly>? birthDates = null)
    {
        this.referenceDate = referenceDate;
        this.birthDates = birthDates?.ToHashSet() ?? [];
        var letter = 0;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in people)
        {
            var tokens = Tokens(person.Name);
            if (tokens.Count == 0 || !seen.Add(string.Join(" ", tokens)))
                continue;
            var own = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var family = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < tokens.Count; i++)
            {
                var isSurname = tokens.Count > 1 && i == tokens.Count - 1;
                own.UnionWith(LithuanianNames.Forms(tokens[i], isSurname: false));
                if (isSurname)
                    family.UnionWith(LithuanianNames.Forms(tokens[i], isSurname: true));
            }
            family.ExceptWith(own);
            if (own.Count == 0)
                continue;
            var label = $"{RoleWord(person.Role)} {LetterOf(letter++)}";
            PseudonymOf[person.Name.Trim()] = label;
            this.people.Add((label, own, family));
        }
        // Everyone's own name forms first, then the family's other surnames (Petraitis → Petraitienė), so a
        // relative who is linked in their own right keeps their own pseudonym.
        ownNames = NamesPattern(this.people.SelectMany(p => p.Own));
        familyNames = NamesPattern(this.people.SelectMany(p => p.Family));
        foreach (var (text, kind) in knownDetails ?? [])
        {
            if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 4)
                continue;
            // A personal code is matched however its digits are grouped ("385 0101 1234", "3-850101-1234", "385.0101.1234").
            var escaped = kind == RedactionKind.PersonalCode && text.Trim().All(char.IsAsciiDigit)
                ? string.Join(@"[\s.\-–]*", text.Trim().ToCharArray())
                : Regex.Escape(text.Trim()).Replace(@"\ ", @"\s+");
            known.Add((new Regex($@"(?<![\p{{L}}\p{{N}}]){escaped}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant),
                LabelFor(kind), kind));
        }
    }

    /// <summary>Each linked person's name → the pseudonym the copy uses for them.</summary>
    public Dictionary<string, string> PseudonymOf { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Everything replaced so far, once per distinct original. Kept with the source incident, never with the copy.</summary>
    public IReadOnlyList<Replacement> Replacements => [.. replacements.Values];

    public string Apply(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var result = EmailPattern().Replace(text, m => Replace(m.Value, "[el. paštas]", RedactionKind.Email));
        foreach (var (pattern, label, kind) in known)
            result = pattern.Replace(result, m => Replace(m.Value, label, kind));
        result = IbanPattern().Replace(result, m => Replace(m.Value, "[sąskaita]", RedactionKind.KnownDetail));
        result = PersonalCodePattern().Replace(result, m => LooksLikePersonalCode(m.Value) ? Replace(m.Value, "[asmens kodas]", RedactionKind.PersonalCode) : m.Value);
        result = PhonePattern().Replace(result, m => Digits(m.Value) >= 9 ? Replace(m.Value, "[telefonas]", RedactionKind.Phone) : m.Value);
        result = PostCodePattern().Replace(result, m => Replace(m.Value, "[pašto kodas]", RedactionKind.Address));
        result = AddressPattern().Replace(result, m => Replace(m.Value, AddressLabel, RedactionKind.Address));
        result = ReferencePattern().Replace(result, m => Replace(m.Value, "[nr.]", RedactionKind.Reference));
        result = BirthDatePattern().Replace(result, BirthDate);
        result = BirthYearPattern().Replace(result, m => m.Groups["lead"].Value
            + Replace(m.Groups["year"].Value + m.Groups["m"].Value, AgeBandLabel(referenceDate.Year - int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture)), RedactionKind.BirthDate));
        result = DatePattern().Replace(result, ShiftDate);
        result = AgePattern().Replace(result, m => Replace(m.Groups["age"].Value, Band(int.Parse(m.Groups["age"].Value, CultureInfo.InvariantCulture)), RedactionKind.Age) + m.Groups["rest"].Value);
        if (ownNames is not null)
            result = ownNames.Replace(result, m => Replace(m.Value, Whose(m.Value, p => p.Own), RedactionKind.Name));
        if (familyNames is not null)
            result = familyNames.Replace(result, m => Replace(m.Value, Whose(m.Value, p => p.Family), RedactionKind.Name));
        return result;
    }

    /// <summary>A run of name forms (first name and surname in either order, an initial before) is one mention.</summary>
    private static Regex? NamesPattern(IEnumerable<string> forms)
    {
        var list = forms.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(f => f.Length).Select(Regex.Escape).ToList();
        if (list.Count == 0)
            return null;
        var any = string.Join("|", list);
        return new Regex($@"(?<![\p{{L}}\p{{N}}])(?:\p{{Lu}}\.\s?)?(?:{any})(?:[\s\-]+(?:{any}))*(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    /// <summary>The person most of the mention's words belong to (the first linked on a tie).</summary>
    private string Whose(string mention, Func<(string Label, HashSet<string> Own, HashSet<string> Family), HashSet<string>> forms)
    {
        var words = mention.Split([' ', '\t', '\n', '\r', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => !w.EndsWith('.')).ToList();
        return people.OrderByDescending(p => words.Count(forms(p).Contains)).First().Label;
    }

    public const string AddressLabel = "[adresas: miesto dalis]";

    private string Replace(string original, string replacement, RedactionKind kind)
    {
        replacements.TryAdd(original.Trim(), new Replacement(original.Trim(), replacement, kind));
        return replacement;
    }

    private string BirthDate(Match m)
    {
        var date = ParseDate(m.Groups["date"].Value);
        return date is null ? m.Value : m.Groups["lead"].Value + Replace(m.Groups["date"].Value, AgeBandLabel(AgeOn(date.Value)), RedactionKind.BirthDate);
    }

    private string ShiftDate(Match m)
    {
        var date = ParseDate(m.Value);
        if (date is null)
            return m.Value;
        if (birthDates.Contains(date.Value))
            return Replace(m.Value, AgeBandLabel(AgeOn(date.Value)), RedactionKind.BirthDate);
        var days = date.Value.DayNumber - referenceDate.DayNumber;
        return Replace(m.Value, days == 0 ? "[D]" : $"[D{(days > 0 ? "+" : "−")}{Math.Abs(days)}]", RedactionKind.Date);
    }

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

    private static readonly string[] MonthsGenitive =
        ["sausio", "vasario", "kovo", "balandžio", "gegužės", "birželio", "liepos", "rugpjūčio", "rugsėjo", "spalio", "lapkričio", "gruodžio"];

    private DateOnly? ParseDate(string text)
    {
        var m = DateParts().Match(text);
        if (!m.Success)
            return null;
        int year, month, day;
        if (m.Groups["iy"].Success)
            (year, month, day) = (Int(m.Groups["iy"]), Int(m.Groups["im"]), Int(m.Groups["id"]));
        else if (m.Groups["ey"].Success)
            (year, month, day) = (Int(m.Groups["ey"]), Int(m.Groups["em"]), Int(m.Groups["ed"]));
        else
        {
            year = m.Groups["ty"].Success ? Int(m.Groups["ty"]) : referenceDate.Year;
            month = Array.FindIndex(MonthsGenitive, n => n.Equals(m.Groups["tm"].Value, StringComparison.OrdinalIgnoreCase)) + 1;
            day = Int(m.Groups["td"]);
        }
        return year is >= 1900 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

        static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);
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

    private static string RoleWord(PersonRole role) => role switch
    {
        PersonRole.Client => "Klientas",
        PersonRole.HouseholdMember => "Šeimos narys",
        PersonRole.Employee => "Darbuotojas",
        _ => "Asmuo",
    };

    private static string LabelFor(RedactionKind kind) => kind switch
    {
        RedactionKind.Phone => "[telefonas]",
        RedactionKind.Email => "[el. paštas]",
        RedactionKind.Address => AddressLabel,
        RedactionKind.PersonalCode => "[asmens kodas]",
        _ => "[pašalinta]",
    };

    private const string Months = "sausio|vasario|kovo|balandžio|gegužės|birželio|liepos|rugpjūčio|rugsėjo|spalio|lapkričio|gruodžio";
    private const string Date =
        @"(?:(?<iy>\d{4})[-./](?<im>\d{1,2})[-./](?<id>\d{1,2})(?:\s?d\.)?"
        + @"|(?<ed>\d{1,2})\.(?<em>\d{1,2})\.(?<ey>\d{4})"
        + @"|(?:(?<ty>\d{4})\s?m\.\s+)?(?<tm>" + Months + @")(?:\s+mėn\.)?\s+(?<td>\d{1,2})\s?d\.)";

    [GeneratedRegex(@"^" + Date + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateParts();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])" + Date + @"(?!\p{N})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?<lead>\b(?:gim(?:ęs|usi|usio|usios|ė|imo\s+data|\.\s?data|\.)|g\.\s?d\.|born(?:\s+on)?|date\s+of\s+birth)[\s:,]*)(?<date>" + Date + ")",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BirthDatePattern();

    [GeneratedRegex(@"(?<lead>\b(?:gim(?:ęs|usi|ė|imo\s+metai|\.)|born(?:\s+in)?)[\s:,]*)(?<year>(?:19|20)\d{2})(?<m>\s?m\.)?(?![\d\-./])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BirthYearPattern();

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
