using System.Diagnostics;
using System.Text.RegularExpressions;
using CaseDesk.Domain.Incidents;

namespace CaseDesk.Tests.Rules;

/// <summary>
/// Issue 17: the classes of leak the independent corpus found, each with names and texts of its own: names typed
/// without Lithuanian letters, diminutives, phones without a prefix, birth dates in every common format, pseudonyms in
/// the case of the name they replace, titles that stop at an abbreviation, and ordinary words that are also names.
/// </summary>
public sealed class AnonymizerLeakClassTests
{
    private static readonly DateOnly Day = new(2026, 3, 12);

    private static Anonymizer For(params (PersonRole Role, string Name)[] people) =>
        new(people.Select(p => new AnonymizerPerson(p.Role, p.Name)), Day);

    private static void AssertGone(string copy, params string[] words)
    {
        foreach (var word in words)
            Assert.False(Regex.IsMatch(copy, $@"(?<!\p{{L}}){Regex.Escape(word)}(?!\p{{L}})", RegexOptions.IgnoreCase), $"«{word}» left in «{copy}»");
    }

    // ---- 1. Without Lithuanian letters ----

    [Theory]
    [InlineData("Vaidotas Jurkšaitis", "Vaidotas Jurksaitis", "Vaidoto Jurksaicio", "Vaidotui Jurksaiciui", "Vaidota", "Jurksaiti", "Jurksaitiene", "Jurksaitienes", "Jurksaityte", "JURKSAICIO")]
    [InlineData("Skaistė Mačiulytė", "Skaiste Maciulyte", "Skaistes Maciulytes", "Skaistei Maciulytei", "Skaiste", "Maciulis", "Maciulio", "Maciuliene", "Skaistėje")]
    [InlineData("Žydrūnas Čiūlys", "Zydrunas Ciulys", "Zydruno Ciulio", "Zydrunui", "Zydruna", "Žydruno Čiulio", "Ciuliene", "Čiūlienės", "Ciulyte", "Zydrunai")]
    public void Names_typed_without_their_letters_or_with_some_of_them_are_replaced(string name, params string[] written)
    {
        var a = For((PersonRole.Client, name));

        var copy = a.Apply(string.Join(" atėjo. Po to ", written) + " išėjo.");

        AssertGone(copy, written.SelectMany(w => w.Split(' ')).ToArray());
        Assert.Contains("Klientas A", copy);
    }

    // ---- 2. Diminutives ----

    [Theory]
    [InlineData("Tadas Gervickas", "Tadukas", "Taduko", "Tadukui", "Taduką", "Taduku", "Taduk", "Tadelis", "Tadeliui", "Tadutis", "Tadučio", "Tadžiukas", "Tadukai", "Taduka")]
    [InlineData("Vilma Bartkienė", "Vilmutė", "Vilmutės", "Vilmytei", "Vilmelę", "Vilmužė", "Vilmytėlė", "Vilmute", "Vilmutes", "Vilmukė", "Vilmulė", "Vilmele")]
    [InlineData("Kęstutis Ramanauskas", "Kęstutukas", "Kęstutuko", "Kestutukui", "Kęstučiukas", "Kestuciuko", "Kęstutėlis")]
    [InlineData("Julija Stonkutė", "Julytė", "Julijutė", "Julytės", "Julijutei", "Julyte")]
    public void Diminutives_built_on_a_first_name_are_replaced_in_every_case(string name, params string[] written)
    {
        var a = For((PersonRole.HouseholdMember, name));

        var copy = a.Apply(string.Join(", ", written.Select(w => $"kalbėjo {w}")) + ".");

        AssertGone(copy, written);
        Assert.Contains("Šeimos nar", copy);
    }

    // ---- 3. Phones ----

    [Theory]
    [InlineData("645 30917")]
    [InlineData("645-30-917")]
    [InlineData("(645) 30917")]
    [InlineData("6 45 30 917")]
    [InlineData("64530917")]
    [InlineData("+370 (645) 30917")]
    [InlineData("00370 645 30917")]
    [InlineData("8-645-30-917")]
    [InlineData("370.645.30.917")]
    public void A_linked_persons_phone_is_removed_however_it_is_grouped_or_prefixed(string written)
    {
        var a = new Anonymizer([new AnonymizerPerson(PersonRole.Client, "Irena Gaižauskienė")], Day, [("8 645 30917", RedactionKind.Phone)]);

        var copy = a.Apply($"Klientė paliko numerį {written}, prašė perskambinti.");

        Assert.Equal("Klientė paliko numerį [telefonas], prašė perskambinti.", copy);
    }

    [Fact]
    public void A_mobile_number_without_a_prefix_is_removed_even_when_nobody_linked_it()
    {
        Assert.Equal("kaimynės tel. [telefonas], skambinti vakare", For().Apply("kaimynės tel. 612 77881, skambinti vakare"));
    }

    // ---- 4. Birth dates ----

    [Theory]
    [InlineData("1979-11-04")]
    [InlineData("1979.11.04")]
    [InlineData("1979/11/04")]
    [InlineData("1979 11 04")]
    [InlineData("04.11.1979")]
    [InlineData("79-11-04")]
    [InlineData("79.11.04")]
    [InlineData("04.11.79")]
    [InlineData("1979 m. lapkričio 4 d.")]
    [InlineData("1979 m. lapkričio mėn. 4 d.")]
    [InlineData("1979-ųjų lapkričio 4-ąją")]
    [InlineData("1979 metų lapkričio 4 dieną")]
    [InlineData("1979 m. lapkritis 4 d.")]
    [InlineData("1979 m. lapkričio 4-tą")]
    [InlineData("1979 m. lapkričio 4-oji")]
    [InlineData("1979 XI 04")]
    [InlineData("1979.XI.4")]
    [InlineData("1979 m. lapkricio 4 d.")]
    public void A_linked_persons_birth_date_becomes_an_age_band_whole_in_any_format(string written)
    {
        var a = new Anonymizer([new AnonymizerPerson(PersonRole.Client, "Irena Gaižauskienė")], Day, birthDates: [new DateOnly(1979, 11, 4)]);

        var copy = a.Apply($"Klientė, gimusi {written}, atvyko. Jos data {written} užrašyta anketoje.");

        Assert.Equal("Klientė, gimusi [40–49 m. amžiaus], atvyko. Jos data [40–49 m. amžiaus] užrašyta anketoje.", copy);
    }

    [Theory]
    [InlineData("gim. 1979 m., lapkričio 4 d.")]
    [InlineData("gim. 1979 m. 11 04")]
    [InlineData("gimė 1979-aisiais, lapkričio 4-ąją")]
    [InlineData("(1979 m.) lapkričio 4 d.")]
    public void The_month_and_day_go_with_a_birth_year_that_became_an_age_band(string written)
    {
        var a = new Anonymizer([new AnonymizerPerson(PersonRole.Client, "Irena Gaižauskienė")], Day, birthDates: [new DateOnly(1979, 11, 4)]);

        var copy = a.Apply($"Irena, {written}, atvyko.");

        Assert.DoesNotContain("lapkri", copy);
        Assert.DoesNotContain("11", copy);
        Assert.DoesNotContain("04", copy);
        Assert.DoesNotContain(" 4", copy);
        Assert.Contains("[40–49 m. amžiaus]", copy);
    }

    [Theory]
    [InlineData("Jos gimtadienis lapkričio 4 d., tada ir atvyko.")]
    [InlineData("Gimusi lapkričio 4-ąją, todėl atvyko.")]
    [InlineData("Jai 46 metai, gimtadienis 11-04.")]
    public void A_linked_persons_birthday_beside_a_birth_word_or_an_age_is_removed(string text)
    {
        var a = new Anonymizer([new AnonymizerPerson(PersonRole.Client, "Irena Gaižauskienė")], Day, birthDates: [new DateOnly(1979, 11, 4)]);

        var copy = a.Apply(text);

        Assert.DoesNotContain("lapkri", copy);
        Assert.DoesNotContain("11-04", copy);
        Assert.Contains("[", copy);
    }

    [Fact]
    public void Other_dates_still_shift_and_two_digit_dates_of_nobody_stay()
    {
        var a = new Anonymizer([new AnonymizerPerson(PersonRole.Client, "Irena Gaižauskienė")], Day, birthDates: [new DateOnly(1979, 11, 4)]);

        Assert.Equal("Vizitas [D+8], laiškas [D−2], kodas 12.05.31", a.Apply("Vizitas kovo 20 d., laiškas 2026-03-10, kodas 12.05.31"));
    }

    // ---- 5. Pseudonyms in the case of the name ----

    [Theory]
    [InlineData("Arūno Gudelio laiške nurodyta", "Kliento A laiške nurodyta")]
    [InlineData("ant Vidos Stankevičienės pradėjo šaukti", "ant Darbuotojo B pradėjo šaukti")]
    [InlineData("paskambinome Vidai", "paskambinome Darbuotojui B")]
    [InlineData("aptarė su Eimantu Norkumi", "aptarė su Asmeniu D")]
    [InlineData("Eimanto Norkaus parodymai", "Asmens D parodymai")]
    [InlineData("palikome Luką Gudelį namie", "palikome Šeimos narį C namie")]
    [InlineData("Lukui Gudeliui paskyrė", "Šeimos nariui C paskyrė")]
    [InlineData("Arūnai, nurimkite", "Klientas A, nurimkite")]
    [InlineData("Gudeliai atėjo kartu", "Kliento A šeima atėjo kartu")]
    [InlineData("pas Gudelius nuvyko", "pas Kliento A šeimą nuvyko")]
    [InlineData("kalbėjo su Stankeviciene", "kalbėjo su Darbuotoju B")]
    [InlineData("Stankeviciene atsiprašė", "Darbuotojas B atsiprašė")]
    [InlineData("Arūnukui paskambino", "Klientui A paskambino")]
    [InlineData("apie Norkų", "apie Asmenį D")]
    public void A_name_is_replaced_by_the_pseudonym_in_its_case(string source, string expected)
    {
        var a = For((PersonRole.Client, "Arūnas Gudelis"), (PersonRole.Employee, "Vida Stankevičienė"), (PersonRole.HouseholdMember, "Lukas Gudelis"),
            (PersonRole.Other, "Eimantas Norkus"));

        Assert.Equal(expected, a.Apply(source));
    }

    [Fact]
    public void An_ambiguous_ending_takes_the_case_of_the_persons_own_paradigm()
    {
        Assert.Equal("Klientas A, palaukite", For((PersonRole.Client, "Rimas Jankus")).Apply("Rimai, palaukite"));
        Assert.Equal("Klientui A paskambinome", For((PersonRole.Client, "Rima Jankienė")).Apply("Rimai paskambinome"));
    }

    [Theory]
    [InlineData("Klientas A atsiuntė el. laišką su grasinimais. Vėliau atėjo.", "Klientas A atsiuntė el. laišką su grasinimais")]
    [InlineData("Klientas A skambino tel. [telefonas] ir šaukė. Vėliau atėjo.", "Klientas A skambino tel. [telefonas] ir šaukė")]
    [InlineData("Atėjo K. Žemaitis su Klientu A. Vėliau išėjo.", "Atėjo K. Žemaitis su Klientu A")]
    [InlineData("Klientas A nurodė a. k. [asmens kodas], t. y. visą kodą. Po to išėjo.", "Klientas A nurodė a. k. [asmens kodas], t. y. visą kodą")]
    [InlineData("Klientas A laukė 45 min. prie kabineto. Po to išėjo.", "Klientas A laukė 45 min. prie kabineto")]
    [InlineData("Klientas A 2026 m. kovo mėn. pradžioje pvz. rašė skundą. Po to išėjo.", "Klientas A 2026 m. kovo mėn. pradžioje pvz. rašė skundą")]
    public void The_title_does_not_stop_at_an_abbreviation_or_an_initial(string situation, string title)
    {
        Assert.Equal(title, IncidentAnonymization.TitleFrom(situation));
    }

    [Fact]
    public void A_long_title_is_never_cut_inside_a_label()
    {
        var situation = "Klientas A ilgai ir garsiai aiškino, kad niekas jo neklauso, o paskui paliko numerį ir adresą " + CaseDesk.Domain.Incidents.Anonymizer.AddressLabel + " bei daugiau.";

        var title = IncidentAnonymization.TitleFrom(situation);

        Assert.EndsWith("…", title);
        Assert.Equal(title.Count(c => c == '['), title.Count(c => c == ']'));
        Assert.True(title.Length <= 100);
    }

    // ---- 6. Ordinary words that are also names ----

    [Theory]
    [InlineData("Aušra Kairienė", "Kambarį nušvietė aušros spinduliai, aušra buvo graži.")]
    [InlineData("Gintaras Venckus", "Ant stalo gulėjo gintaro karoliai.")]
    [InlineData("Rytas Mockus", "Kitą rytą skambino kaimynė, o ryte atėjo laiškas.")]
    [InlineData("Linas Petrulis", "Pirko lino staltiesę ir linų sėklų.")]
    [InlineData("Vytautas Paulauskas", "Sūnus studijuoja Vytauto Didžiojo universitete.")]
    [InlineData("Jonas Karalius", "Sekmadienį nuėjo į Šv. Jono bažnyčią.")]
    [InlineData("Gediminas Rudys", "Susitiko prie Gedimino pilies.")]
    [InlineData("Vytis Bražėnas", "Ant vėliavos herbas Vytis, o ant krūtinės Vyčio kryžius.")]
    [InlineData("Saulė Žilinskienė", "Saulė švietė, o saulės šviesa krito ant stalo, eglutė žaliavo.")]
    [InlineData("Matas Lapinskas", "Ji mato, kad kaimynas padeda.")]
    [InlineData("Liepa Žemaitė", "Sutarė susitikti liepos mėnesį.")]
    public void Ordinary_words_places_and_institutions_that_share_a_linked_name_stay(string name, string text)
    {
        var a = For((PersonRole.Client, name));

        var copy = a.Apply(text);

        var expected = name.StartsWith("Saulė", StringComparison.Ordinal) ? text.Replace("Saulė švietė", "Klientas A švietė", StringComparison.Ordinal) : text;
        Assert.Equal(expected, copy);
    }

    [Theory]
    [InlineData("Aušra Kairienė", "Atėjo ponia aušra.", "aušra")]
    [InlineData("Aušra Kairienė", "AUŠRA šaukė.", "AUŠRA")]
    [InlineData("Aušra Kairienė", "Atėjo aušra kairienė.", "aušra")]
    [InlineData("Gintaras Venckus", "Skambino gintaras, Venckus.", "gintaras")]
    [InlineData("Gintaras Venckus", "Gintaras skambino du kartus.", "Gintaras")]
    [InlineData("Vytautas Paulauskas", "Vytauto mokykloje kilo muštynės.", "Vytauto")]
    [InlineData("Jonas Karalius", "Jono mokykloje kilo muštynės.", "Jono")]
    [InlineData("Rūta Baltrušaitienė", "Atvyko dukra rūta su mama.", "rūta")]
    public void A_name_in_capitals_after_a_title_or_beside_the_surname_is_still_replaced(string name, string text, string word)
    {
        var copy = For((PersonRole.Client, name)).Apply(text);

        AssertGone(copy, word);
        Assert.Contains("Klient", copy);
    }

    [Fact]
    public void A_normal_incident_anonymizes_in_milliseconds()
    {
        var people = new[] { (PersonRole.Client, "Jonas Petraitis"), (PersonRole.HouseholdMember, "Ona Petraitienė"), (PersonRole.Employee, "Asta Petrauskienė"), (PersonRole.Other, "Darius Butkus") };
        var text = string.Concat(Enumerable.Repeat("Jonukas Petraitis (gim. 1985-07-19, tel. 670 48812) šaukė ant Astos Petrauskienės; Ona Petraitiene ramino, 2026 m. kovo 3 d. rašė el. laišką. ", 20));
        For(people).Apply(text);

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            var a = new Anonymizer(people.Select(p => new AnonymizerPerson(p.Item1, p.Item2)), Day, [("+37067048812", RedactionKind.Phone)], [new DateOnly(1985, 7, 19)]);
            a.Apply(text);
        }
        watch.Stop();

        Assert.True(watch.ElapsedMilliseconds / 20.0 < 50, $"{watch.ElapsedMilliseconds / 20.0} ms per incident");
    }
}
