namespace CaseDesk.Domain.Incidents;

/// <summary>
/// What a text tells about a word that is also a linked person's name (docs/training.md, "Ordinary words and places"):
/// names that are ordinary Lithuanian words (rūta the plant, aušra the dawn, gintaras the amber), the words that make
/// a name a person's (a title, a relation), and the words after which a name is a place's or an institution's
/// (Vytauto Didžiojo universitetas, Gedimino prospektas). Everything is kept folded (lower case, no diacritics).
/// </summary>
internal static class NameLookalikes
{
    /// <summary>Names that are also common nouns (or, inflected, common words: "rytą", "mato", "kovo"), in the nominative.</summary>
    private static readonly string[] OrdinaryNouns =
    [
        "rūta", "aušra", "gintaras", "linas", "rasa", "dalia", "saulė", "vytis", "eglė", "viltis", "giedra", "audra", "daina",
        "liepa", "kovas", "ieva", "ramunė", "žibutė", "lelija", "rožė", "jūra", "banga", "vaiva", "smiltis",
        "ąžuolas", "rytas", "matas", "laimė", "vėjas", "karolis", "manta", "vilkas", "gulbė",
        "kregždė", "lakštutė", "žuvėdra", "pušis", "beržas", "klevas", "uosis", "sniegas", "žiedas", "dovana", "viltė",
    ];

    /// <summary>Diminutives that are ordinary words too (eglutė is the Christmas tree, dalelė a particle).</summary>
    private static readonly string[] OrdinaryDiminutives =
        ["eglutė", "saulutė", "dalelė", "rūtelė", "ramunėlė", "rytelis", "rožytė", "rasytė", "aušrelė", "liepaitė", "žibutėlė", "vėjelis", "linelis"];

    public static readonly HashSet<string> OrdinaryForms = BuildOrdinary();

    /// <summary>A word before a name that makes it a person's: "ponia rūta", "sesuo rasa", "mergaitė vardu dalia".</summary>
    public static readonly HashSet<string> PersonWords = Folded(
        "p", "ponia", "ponios", "poniai", "ponią", "ponas", "pono", "ponui", "poną", "gerb", "gerbiama", "gerbiamas", "gerbiamai", "dr",
        "prof", "vardu", "vardas", "mama", "mamos", "mamai", "mamą", "motina", "motinos", "tėtis", "tėvas", "tėvo", "tėvui", "tėvą",
        "sesuo", "sesers", "seseriai", "seserį", "brolis", "brolio", "broliui", "brolį", "dukra", "dukros", "duktė", "dukters", "dukrai",
        "sūnus", "sūnaus", "sūnui", "vyras", "vyro", "vyrui", "vyrą", "žmona", "žmonos", "žmonai", "žmoną", "anūkė", "anūkės", "anūkas",
        "anūko", "kaimynė", "kaimynės", "kaimynas", "kaimyno", "klientė", "klientės", "klientas", "kliento", "darbuotoja",
        "darbuotojos", "darbuotojas", "darbuotojo", "kolegė", "kolegės", "kolega", "kolegos", "specialistė", "specialistės",
        "specialistas", "mokytoja", "mokytojas", "močiutė", "močiutės", "senelis", "senelio", "teta", "tetos", "dėdė", "dėdės",
        "globėja", "globėjas", "drg", "panelė", "vaikas", "vaiko", "mergaitė", "mergaitės", "berniukas", "berniuko");

    /// <summary>Word beginnings after which a name in the genitive is a place or an institution (or the coat of arms' cross).</summary>
    private static readonly string[] PlaceStems =
    [
        "universitet", "klinik", "ligonin", "gimnazij", "progimnazij", "mokykl", "baznyc", "aikst", "gatv", "prospekt", "park",
        "tilt", "alej", "kolegij", "muziej", "bibliotek", "katedr", "koplyc", "paminkl", "kaln", "piliakaln", "pil", "kapin",
        "vart", "turg", "teatr", "ordin", "kryz", "zenkl", "herb", "veliav", "skver", "krantin", "stot", "rajon", "mikrorajon",
        "sventov", "vienuolyn", "savivaldyb", "seniunij", "kurort",
    ];

    /// <summary>Names of rulers, saints and writers that cities give to streets, schools and churches.</summary>
    private static readonly string[] HistoricalNames =
    [
        "vytautas", "gediminas", "mindaugas", "kestutis", "algirdas", "birute", "vaidotas", "traidenis", "zygimantas", "kazimieras",
        "jogaila", "maironis", "donelaitis", "basanavicius", "kudirka", "daukantas", "valancius", "ciurlionis", "girenas",
        "zemaite", "vaizgantas", "radvila", "vytis", "neringa", "nida",
    ];

    /// <summary>Place and institution names as people write them (folded, word by word).</summary>
    public static readonly string[][] KnownPlaces =
    [
        ["kauno", "klinik"], ["santaros", "klinik"], ["vytauto", "didzi"], ["dariaus", "ir", "gireno"], ["ausros", "vart"],
        ["gedimino", "prospekt"], ["gedimino", "pr"], ["gedimino", "pil"], ["gedimino", "kaln"], ["birutes", "kaln"],
        ["birutes", "park"], ["rasu", "kapin"], ["rasos", "kapin"], ["vingio", "park"], ["vyci", "kryz"], ["vycio", "kryz"],
        ["mykolo", "romerio"], ["lietuvos", "sveikatos"], ["jurat", "ir", "kastyt"], ["egl", "zalciu", "karalien"],
    ];

    public static readonly HashSet<string> HistoricalForms = HistoricalNames
        .SelectMany(n => LithuanianNames.Paradigm(n).Select(f => TextFold.Fold(f.Form))).ToHashSet();

    /// <summary>A place word after a ruler's name alone: not a school ("Jono mokykla" may be the child's own school).</summary>
    public static bool IsNamedPlaceWord(string folded) => IsPlaceWord(folded) && !folded.StartsWith("mokykl", StringComparison.Ordinal);

    public static bool IsPlaceWord(string folded) =>
        folded.Length >= 2 && PlaceStems.Any(s => folded.StartsWith(s, StringComparison.Ordinal) && (s.Length >= 4 || folded.Length <= s.Length + 3));

    /// <summary>"Didžiojo", "Didžiosios", "Didysis", "Karaliaus", "Kunigaikščio": a ruler, not a client.</summary>
    public static bool IsRulerWord(string folded) =>
        folded.StartsWith("didzi", StringComparison.Ordinal) || folded.StartsWith("didys", StringComparison.Ordinal)
        || folded.StartsWith("karali", StringComparison.Ordinal) || folded.StartsWith("kunigaiks", StringComparison.Ordinal);

    /// <summary>"deivė Laima", "kunigaikštis Kęstutis", "karaliaus Mindaugo": a goddess or a ruler, not a client.</summary>
    public static bool IsLegendWord(string folded) =>
        folded.StartsWith("deiv", StringComparison.Ordinal) || folded.StartsWith("dievait", StringComparison.Ordinal)
        || folded.StartsWith("kunigaiks", StringComparison.Ordinal) || folded.StartsWith("karali", StringComparison.Ordinal)
        || folded.StartsWith("didzi", StringComparison.Ordinal);

    /// <summary>"Šv. Jono bažnyčia", "šventosios Onos": a saint.</summary>
    public static bool IsSaintWord(string folded) =>
        folded is "sv" or "sventojo" or "sventosios" or "sventasis" or "sventoji" or "svc" or "svento" or "sventos";

    private static HashSet<string> BuildOrdinary()
    {
        var forms = new HashSet<string>();
        foreach (var noun in OrdinaryNouns.Concat(OrdinaryDiminutives))
            foreach (var form in LithuanianNames.Paradigm(noun))
                forms.Add(TextFold.Fold(form.Form));
        return forms;
    }

    private static HashSet<string> Folded(params string[] words) => words.Select(TextFold.Fold).ToHashSet();
}
