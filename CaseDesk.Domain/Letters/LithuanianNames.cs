using System.Globalization;

namespace CaseDesk.Domain.Letters;

/// <summary>Grammatical gender of a name; the client record stores none, so it is read from the name's ending.</summary>
public enum NameGender
{
    Unknown = 0,
    Feminine = 1,
    Masculine = 2,
}

/// <summary>
/// The vocative (šauksmininkas) of Lithuanian first names and surnames, for the salutation "Gerb. Matai Berūnai,".
/// Proper names in -as take -ai (Jonas → Jonai), in -(i)jas -jau (Tobijas → Tobijau, like vėjas → vėjau), -is → -i,
/// -ys → -y, -(i)us → -(i)au, -ė → -e (so -ienė, -aitė, -ytė, -utė, -ūtė too); -a stays. A name with another ending or
/// with letters outside the Lithuanian alphabet (a foreign name) is left as it is: a nominative is better than a guess.
/// </summary>
public static class LithuanianNames
{
    // Longest ending first; the stem must keep at least one letter.
    private static readonly (string Nominative, string Vocative)[] Endings =
    [
        ("jas", "jau"),
        ("as", "ai"),
        ("ys", "y"),
        ("is", "i"),
        ("us", "au"),
        ("ė", "e"),
        ("a", "a"),
    ];

    private const string LithuanianLetters = "aąbcčdeęėfghiįyjklmnoprsštuųūvzž";

    /// <summary>"Matas Berūnas" → "Matai Berūnai"; every word, and every part of a double surname, separately.</summary>
    public static string Vocative(string firstName, string lastName) =>
        $"{VocativeOfWords(firstName)} {VocativeOfWords(lastName)}".Trim();

    /// <summary>The vocative of one name, or the name unchanged when its ending is not a Lithuanian one.</summary>
    public static string Vocative(string name)
    {
        if (name.Length < 2 || !IsLithuanian(name))
            return name;
        var lower = name.ToLower(CultureInfo.GetCultureInfo("lt-LT"));
        foreach (var (nominative, vocative) in Endings)
        {
            if (lower.Length <= nominative.Length || !lower.EndsWith(nominative, StringComparison.Ordinal))
                continue;
            var stem = name[..^nominative.Length];
            // A name written in capitals keeps its capitals.
            var upper = name[^1] != lower[^1];
            return stem + (upper ? vocative.ToUpper(CultureInfo.GetCultureInfo("lt-LT")) : vocative);
        }
        return name;
    }

    /// <summary>
    /// Feminine names end in -a or -ė (Rūta, Eglė; Petraitienė, Jankauskaitė), masculine ones in -as, -is, -ys, -us.
    /// The first name decides; the surname when the first name tells nothing (a foreign or a man's name in -a such as Jogaila
    /// with a surname in -as).
    /// </summary>
    public static NameGender GenderOf(string firstName, string lastName)
    {
        var first = GenderOfWord(LastWord(firstName));
        var last = GenderOfWord(LastWord(lastName.Split('-')[^1]));
        if (first == NameGender.Feminine && last == NameGender.Masculine)
            return NameGender.Masculine;
        return first != NameGender.Unknown ? first : last;
    }

    private static NameGender GenderOfWord(string word)
    {
        if (word.Length < 2 || !IsLithuanian(word))
            return NameGender.Unknown;
        var lower = word.ToLower(CultureInfo.GetCultureInfo("lt-LT"));
        if (lower.EndsWith('ė') || lower.EndsWith('a'))
            return NameGender.Feminine;
        if (lower.EndsWith("as", StringComparison.Ordinal) || lower.EndsWith("is", StringComparison.Ordinal)
            || lower.EndsWith("ys", StringComparison.Ordinal) || lower.EndsWith("us", StringComparison.Ordinal))
            return NameGender.Masculine;
        return NameGender.Unknown;
    }

    private static string LastWord(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } words ? words[^1] : "";

    private static string VocativeOfWords(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(word => string.Join('-', word.Split('-').Select(Vocative))));

    private static bool IsLithuanian(string word) =>
        word.All(c => LithuanianLetters.Contains(char.ToLower(c, CultureInfo.GetCultureInfo("lt-LT"))));
}
