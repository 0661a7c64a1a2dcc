namespace CaseDesk.Domain.Incidents;

public enum NameCase
{
    Nominative = 0,
    Genitive = 1,
    Dative = 2,
    Accusative = 3,
    Instrumental = 4,
    Locative = 5,
    Vocative = 6,
}

/// <summary>One written form of a name and the case (and number) it stands in.</summary>
public readonly record struct NameForm(string Form, NameCase Case, bool Plural = false);

/// <summary>
/// The declension forms of a Lithuanian first name or surname: the seven singular cases, the
/// vocative and the plural (a family: "Petraičiai"), each with its case so a pseudonym can be put in
/// the same one. Surnames also give the family's other surnames (Petraitis → Petraitienė, Petraitytė
/// and back), because a text about a person often names their relatives; first names also give their
/// diminutives (Jonas → Jonukas, Rūta → Rūtelė). Over-generating is safe here: a form that no text
/// uses matches nothing.
/// </summary>
public static class LithuanianNames
{
    private static readonly string[] FemaleFamilyEndings = ["iūtė", "iutė", "ienė", "aitė", "ytė", "utė", "ūtė", "ė"];
    private static readonly string[] MaleFamilyEndings = ["ias", "ius", "is", "ys", "as", "us", "a"];

    // The common Lithuanian diminutive and pet suffixes, put on the name's stem (Jon-as → Jon-ukas, Rūt-a → Rūt-elė).
    private static readonly string[] MaleDiminutives = ["ukas", "iukas", "elis", "ėlis", "utis", "ytis", "užis", "ulis"];
    private static readonly string[] FemaleDiminutives = ["ukė", "iukė", "utė", "iutė", "ytė", "elė", "ėlė", "ytėlė", "utėlė", "užė", "ulė", "iulė"];

    /// <summary>Every form, without cases (what a test or a search needs).</summary>
    public static IReadOnlySet<string> Forms(string name, bool isSurname) =>
        CasedForms(name, isSurname).Select(f => f.Form).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The person's own forms of one name word, with their cases; a surname's family forms separately.</summary>
    public static IReadOnlyList<NameForm> CasedForms(string name, bool isSurname)
    {
        var word = name.Trim();
        if (word.Length < 2)
            return [];
        var forms = new List<NameForm>(Paradigm(word));
        if (isSurname)
            forms.AddRange(FamilyForms(word));
        return forms;
    }

    /// <summary>The family's other surnames (Petraitis → Petraitienė, Petraitytė, Petraitė; Butkienė → Butkus), in their cases.</summary>
    public static IEnumerable<NameForm> FamilyForms(string surname)
    {
        var word = surname.Trim();
        if (FamilyStem(word) is not { Length: >= 2 } stem)
            yield break;
        foreach (var ending in MaleFamilyEndings.Concat(FemaleFamilyEndings))
            foreach (var form in Paradigm(stem + ending))
                yield return form;
    }

    /// <summary>Diminutives and pet forms built on a first name's stem, in all their cases: Jonas → Jonukas, Jonuko, Jonuk; Rūta → Rūtelė, Rūtytei.</summary>
    public static IEnumerable<NameForm> Diminutives(string firstName)
    {
        var word = firstName.Trim();
        var lower = word.ToLowerInvariant();
        var feminine = lower.EndsWith('ė') || lower.EndsWith('a');
        var masculine = !lower.EndsWith('ė');
        foreach (var stem in DiminutiveStems(word))
        {
            if (stem.Length < 2)
                continue;
            if (masculine)
                foreach (var suffix in MaleDiminutives)
                    foreach (var s in SuffixStems(stem, suffix))
                    {
                        foreach (var form in Paradigm(s + suffix))
                            yield return form;
                        // The short vocative of -ukas: "Jonuk!", "Petriuk!".
                        if (suffix.EndsWith("kas", StringComparison.Ordinal))
                            yield return new NameForm(s + suffix[..^2], NameCase.Vocative);
                    }
            if (feminine)
                foreach (var suffix in FemaleDiminutives)
                    foreach (var s in SuffixStems(stem, suffix))
                        foreach (var form in Paradigm(s + suffix))
                            yield return form;
        }
    }

    /// <summary>Kęstut-is → Kęstut-ukas and Kęstuč-iukas: t and d soften before the i of -iukas, -iukė, -iutė.</summary>
    private static IEnumerable<string> SuffixStems(string stem, string suffix)
    {
        yield return stem;
        if (suffix.StartsWith('i') && Soft(stem) is var soft && soft != stem)
            yield return soft;
    }

    /// <summary>Jonas → Jon; Andrius → Andr; Dalia → Dal and Dali; Julija → Jul and Julij.</summary>
    private static IEnumerable<string> DiminutiveStems(string word)
    {
        var lower = word.ToLowerInvariant();
        foreach (var ending in (string[])["ijus", "ias", "ius", "ija", "ia", "is", "ys", "as", "us", "a", "ė"])
        {
            if (!lower.EndsWith(ending, StringComparison.Ordinal) || lower.Length <= ending.Length + 1)
                continue;
            yield return word[..^ending.Length];
            // Julij-a → Julij-utė, Dali-a → Dali-utė, Andri-us → Andri-ukas: the stem with its i too.
            if (ending is "ija" or "ia")
                yield return word[..^1];
            else if (ending is "ijus" or "ius" or "ias")
                yield return word[..^2];
            // Austėj-a → Aust-ytė, Gabij-a → Gab-ytė, Marij-a → Mar-ytė: the pet forms drop the -ėj-/-ij- too.
            if (ending is "ija" or "a" && lower.Length > 4 && lower[^2] == 'j' && "aeėiy".Contains(lower[^3]))
                yield return word[..^3];
            yield break;
        }
    }

    private static string? FamilyStem(string word)
    {
        foreach (var ending in FemaleFamilyEndings.Concat(MaleFamilyEndings))
            if (word.EndsWith(ending, StringComparison.OrdinalIgnoreCase) && word.Length > ending.Length + 1)
                return word[..^ending.Length];
        return null;
    }

    private const NameCase N = NameCase.Nominative, G = NameCase.Genitive, D = NameCase.Dative, A = NameCase.Accusative,
        I = NameCase.Instrumental, L = NameCase.Locative, V = NameCase.Vocative;

    /// <summary>The singular cases, vocative and plural cases of one word, chosen by its ending, each with its case.</summary>
    public static IEnumerable<NameForm> Paradigm(string word)
    {
        string Stem(int cut) => word[..^cut];
        if (Ends("jas"))
            return Cases(Stem(2), ("as", N), ("o", G), ("ui", D), ("ą", A), ("u", I), ("uje", L), ("au", V), ("ai", V))
                .Concat(Plural(Stem(2), ("ai", N), ("ų", G), ("ams", D), ("us", A), ("ais", I), ("uose", L)));
        if (Ends("ias"))
            return Cases(Stem(3), ("ias", N), ("io", G), ("iui", D), ("ią", A), ("iu", I), ("yje", L), ("iau", V))
                .Concat(Plural(Stem(3), ("iai", N), ("ių", G), ("iams", D), ("ius", A), ("iais", I), ("iuose", L)));
        if (Ends("ius"))
            return Cases(Stem(3), ("ius", N), ("iaus", G), ("iui", D), ("ių", A), ("iumi", I), ("iuje", L), ("iau", V))
                .Concat(Plural(Stem(3), ("iai", N), ("ių", G), ("iams", D), ("ius", A), ("iais", I), ("iuose", L)));
        if (Ends("is") || Ends("ys"))
        {
            var stem = Stem(2);
            var soft = Soft(stem);
            // -is of the second declension (Petraitis, Petraičio) and of the third (Vytis, Vyties, Vytimi).
            return Cases(stem, (word[^2..], N), ("į", A), ("yje", L), (Ends("ys") ? "y" : "i", V), ("ies", G), ("imi", I), ("ie", V))
                .Concat(Cases(soft, ("io", G), ("iui", D), ("iu", I)))
                .Concat(Plural(soft, ("iai", N), ("ių", G), ("iams", D), ("ius", A), ("iais", I), ("iuose", L)));
        }
        if (Ends("as"))
            return Cases(Stem(2), ("as", N), ("o", G), ("ui", D), ("ą", A), ("u", I), ("e", L), ("ai", V))
                .Concat(Plural(Stem(2), ("ai", N), ("ų", G), ("ams", D), ("us", A), ("ais", I), ("uose", L)));
        if (Ends("us"))
            return Cases(Stem(2), ("us", N), ("aus", G), ("ui", D), ("ų", A), ("umi", I), ("uje", L), ("au", V))
                .Concat(Plural(Stem(2), ("ai", N), ("ų", G), ("ams", D), ("us", A), ("ais", I), ("uose", L)));
        if (Ends("ė"))
            return Cases(Stem(1), ("ė", N), ("ės", G), ("ei", D), ("ę", A), ("e", I), ("ėje", L), ("e", V))
                .Concat(Plural(Stem(1), ("ės", N), ("ių", G), ("ėms", D), ("es", A), ("ėmis", I), ("ėse", L)))
                .Concat(Plural(Soft(Stem(1)), ("ių", G)));
        if (Ends("a"))
            return Cases(Stem(1), ("a", N), ("os", G), ("ai", D), ("ą", A), ("a", I), ("oje", L), ("a", V))
                .Concat(Plural(Stem(1), ("os", N), ("ų", G), ("oms", D), ("as", A), ("omis", I), ("ose", L)));
        // A name without a Lithuanian ending (Igor, Mark) is declined like -as or -is when written in Lithuanian text.
        return Cases(word, ("", N), ("as", N), ("o", G), ("ui", D), ("ą", A), ("u", I), ("e", L), ("ai", V),
            ("io", G), ("iui", D), ("į", A), ("iu", I), ("yje", L), ("i", V));

        bool Ends(string ending) => word.EndsWith(ending, StringComparison.OrdinalIgnoreCase) && word.Length > ending.Length;
    }

    /// <summary>t and d soften before i + back vowel: Petraitis → Petraičio, Kęstutis → Kęstučiui, Gedvydis → Gedvydžio.</summary>
    private static string Soft(string stem) =>
        stem.EndsWith('t') ? stem[..^1] + "č"
        : stem.EndsWith('T') ? stem[..^1] + "Č"
        : stem.EndsWith('d') ? stem[..^1] + "dž"
        : stem.EndsWith('D') ? stem[..^1] + "DŽ"
        : stem;

    private static IEnumerable<NameForm> Cases(string stem, params (string Ending, NameCase Case)[] endings) =>
        endings.Select(e => new NameForm(stem + e.Ending, e.Case));

    private static IEnumerable<NameForm> Plural(string stem, params (string Ending, NameCase Case)[] endings) =>
        endings.Select(e => new NameForm(stem + e.Ending, e.Case, Plural: true));
}
