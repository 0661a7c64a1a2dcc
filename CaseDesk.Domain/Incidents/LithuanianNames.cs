namespace CaseDesk.Domain.Incidents;

/// <summary>
/// The declension forms of a Lithuanian first name or surname: the seven singular cases, the
/// vocative and the plural (a family: "Petraičiai"). Surnames also give the family's other
/// surnames (Petraitis → Petraitienė, Petraitytė and back), because a text about a person often
/// names their relatives. Over-generating is safe here: a form that no text uses matches nothing.
/// </summary>
public static class LithuanianNames
{
    private static readonly string[] FemaleFamilyEndings = ["iūtė", "iutė", "ienė", "aitė", "ytė", "utė", "ūtė"];
    private static readonly string[] MaleFamilyEndings = ["ias", "ius", "is", "ys", "as", "us"];

    public static IReadOnlySet<string> Forms(string name, bool isSurname)
    {
        var forms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var word = name.Trim();
        if (word.Length < 2)
            return forms;
        forms.UnionWith(Paradigm(word));
        if (isSurname && FamilyStem(word) is { Length: >= 2 } stem)
        {
            foreach (var ending in MaleFamilyEndings.Concat(FemaleFamilyEndings))
                forms.UnionWith(Paradigm(stem + ending));
        }
        return forms;
    }

    private static string? FamilyStem(string word)
    {
        foreach (var ending in FemaleFamilyEndings.Concat(MaleFamilyEndings))
            if (word.EndsWith(ending, StringComparison.OrdinalIgnoreCase) && word.Length > ending.Length + 1)
                return word[..^ending.Length];
        return null;
    }

    /// <summary>The singular cases, vocative and plural cases of one word, chosen by its ending.</summary>
    public static IEnumerable<string> Paradigm(string word)
    {
        string Stem(int cut) => word[..^cut];
        if (Ends("ias"))
            return With(Stem(3), "ias", "io", "iui", "ią", "iu", "yje", "iau", "iai", "ių", "iams", "ius", "iais", "iuose");
        if (Ends("ius"))
            return With(Stem(3), "ius", "iaus", "iui", "ių", "iumi", "iuje", "iau", "iai", "ių", "iams", "ius", "iais", "iuose");
        if (Ends("is") || Ends("ys"))
        {
            var stem = Stem(2);
            return With(stem, word[^2..], "į", "yje", "i", "y", "ies")
                .Concat(With(Soft(stem), "io", "iui", "iu", "iai", "ių", "iams", "ius", "iais", "iuose"));
        }
        if (Ends("as"))
            return With(Stem(2), "as", "o", "ui", "ą", "u", "e", "ai", "ų", "ams", "us", "ais", "uose");
        if (Ends("us"))
            return With(Stem(2), "us", "aus", "ui", "ų", "umi", "uje", "au", "ai", "ams", "ais", "uose");
        if (Ends("ė"))
            return With(Stem(1), "ė", "ės", "ei", "ę", "e", "ėje", "ėms", "es", "ėmis", "ėse", "ių")
                .Concat(With(Soft(Stem(1)), "ių"));
        if (Ends("a"))
            return With(Stem(1), "a", "os", "ai", "ą", "oje", "ų", "oms", "as", "omis", "ose");
        // A name without a Lithuanian ending (Igor, Mark) is declined like -is when written in Lithuanian text.
        return new[] { word }.Concat(With(word, "as", "o", "ui", "ą", "u", "e", "io", "iui", "į", "iu", "yje"));

        bool Ends(string ending) => word.EndsWith(ending, StringComparison.OrdinalIgnoreCase) && word.Length > ending.Length;
    }

    /// <summary>t and d soften before i + back vowel: Petraitis → Petraičio, Kęstutis → Kęstučiui, Gedvydis → Gedvydžio.</summary>
    private static string Soft(string stem) =>
        stem.EndsWith('t') ? stem[..^1] + "č"
        : stem.EndsWith('T') ? stem[..^1] + "Č"
        : stem.EndsWith('d') ? stem[..^1] + "dž"
        : stem.EndsWith('D') ? stem[..^1] + "DŽ"
        : stem;

    private static IEnumerable<string> With(string stem, params string[] endings) => endings.Select(e => stem + e);
}
