using CaseDesk.Domain.Incidents;

namespace CaseDesk.Tests.Rules;

public sealed class AnonymizerTests
{
    private static readonly DateOnly Day = new(2026, 3, 12);

    private static Anonymizer For(params (PersonRole Role, string Name)[] people) =>
        new(people.Select(p => new AnonymizerPerson(p.Role, p.Name)), Day);

    [Theory]
    [InlineData("Jonas", "Klientas A")]
    [InlineData("Jono", "Kliento A")]
    [InlineData("Jonui", "Klientui A")]
    [InlineData("Joną", "Klientą A")]
    [InlineData("Jonu", "Klientu A")]
    [InlineData("Jone", "Kliente A")]
    [InlineData("Jonai", "Klientas A")]
    [InlineData("JONO", "Kliento A")]
    [InlineData("Petraitis", "Klientas A")]
    [InlineData("Petraičio", "Kliento A")]
    [InlineData("Petraičiui", "Klientui A")]
    [InlineData("Petraitį", "Klientą A")]
    [InlineData("Petraičiu", "Klientu A")]
    [InlineData("Petraityje", "Kliente A")]
    [InlineData("Petraiti", "Klientas A")]
    [InlineData("Petraitienė", "Kliento A šeimos narys")]
    [InlineData("Petraitienės", "Kliento A šeimos nario")]
    [InlineData("Petraitienei", "Kliento A šeimos nariui")]
    [InlineData("Petraitienę", "Kliento A šeimos narį")]
    [InlineData("Petraitytė", "Kliento A šeimos narys")]
    [InlineData("Petraičiai", "Kliento A šeima")]
    public void Every_case_of_a_linked_persons_names_is_replaced_in_its_case(string form, string pseudonym)
    {
        var a = For((PersonRole.Client, "Jonas Petraitis"));

        var copy = a.Apply($"Vakar {form} atėjo.");

        Assert.Equal($"Vakar {pseudonym} atėjo.", copy);
    }

    [Theory]
    [InlineData("Asta Petrauskienė", "Astos Petrauskienės", "Astai Petrauskienei", "Astą Petrauskienę", "Asta Petrauskiene", "Astoje", "Petrauskienėje")]
    [InlineData("Kęstutis Žukauskas", "Kęstučio Žukausko", "Kęstučiui Žukauskui", "Kęstutį Žukauską", "Kęstučiu Žukausku", "Kęstutyje", "Žukauskaitė")]
    [InlineData("Paulius Rimkus", "Pauliaus Rimkaus", "Pauliui Rimkui", "Paulių Rimkų", "Pauliumi Rimkumi", "Pauliau", "Rimkienė")]
    [InlineData("Gražvydas Kazys", "Gražvydo Kazio", "Gražvydui Kaziui", "Gražvydą Kazį", "Gražvydu Kaziu", "Kazyje", "Kazy")]
    [InlineData("Rūta Janulevičiūtė", "Rūtos Janulevičiūtės", "Rūtai Janulevičiūtei", "Rūtą Janulevičiūtę", "Janulevičius", "Janulevičiaus", "Janulevičienė")]
    [InlineData("Eglė Šimkutė", "Eglės Šimkutės", "Eglei Šimkutei", "Eglę Šimkutę", "Egle Šimkute", "Eglėje", "Šimkus")]
    public void Lithuanian_declension_and_family_forms_are_all_removed(string name, params string[] forms)
    {
        var a = For((PersonRole.Employee, name));
        var text = string.Join(". ", forms.Prepend(name)) + ".";

        var copy = a.Apply(text);

        foreach (var form in forms.Prepend(name).SelectMany(f => f.Split(' ')))
            Assert.DoesNotContain(form, copy, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Darbuotojas A", copy);
    }

    [Fact]
    public void Lithuanian_letters_match_in_any_case()
    {
        var a = For((PersonRole.Client, "Žydrūnė Čėsnaitė"));

        var copy = a.Apply("ŽYDRŪNĖ ČĖSNAITĖ ir žydrūnės čėsnaitės sesuo");

        Assert.Equal("Klientas A ir Kliento A sesuo", copy);
    }

    [Fact]
    public void Each_person_keeps_one_pseudonym_across_fields_and_a_full_name_is_one_mention()
    {
        var a = For((PersonRole.Client, "Jonas Petraitis"), (PersonRole.Employee, "Asta Petrauskienė"), (PersonRole.HouseholdMember, "Ona Petraitienė"));

        var first = a.Apply("Jonas Petraitis šaukė ant Astos Petrauskienės.");
        var second = a.Apply("Petrauskienė ramino Joną; J. Petraitis nurimo. Ona Petraitienė atėjo.");

        Assert.Equal("Klientas A šaukė ant Darbuotojo B.", first);
        Assert.Equal("Darbuotojas B ramino Klientą A; Klientas A nurimo. Šeimos narys C atėjo.", second);
        Assert.Equal("Klientas A", a.PseudonymOf["Jonas Petraitis"]);
        Assert.Equal("Darbuotojas B", a.PseudonymOf["Asta Petrauskienė"]);
    }

    [Fact]
    public void Relatives_sharing_a_surname_keep_their_own_pseudonyms()
    {
        var a = For((PersonRole.Client, "Jonas Petraitis"), (PersonRole.HouseholdMember, "Tomas Petraitis"));

        var copy = a.Apply("Tomas Petraitis atvedė tėvą Joną Petraitį; Petraitis Tomas laukė.");

        Assert.Equal("Šeimos narys B atvedė tėvą Klientą A; Šeimos narys B laukė.", copy);
    }

    [Fact]
    public void Names_inside_other_words_are_left_alone()
    {
        var a = For((PersonRole.Client, "Jonas Petraitis"));

        Assert.Equal("milijonas ir Jonasas", a.Apply("milijonas ir Jonasas"));
    }

    [Theory]
    [InlineData("Jo asmens kodas 38501011234, kitas", "Jo asmens kodas [asmens kodas], kitas")]
    [InlineData("skambino +370 612 34567 vakar", "skambino [telefonas] vakar")]
    [InlineData("skambino +37061234567.", "skambino [telefonas].")]
    [InlineData("tel. 8 612 34567", "tel. [telefonas]")]
    [InlineData("tel. 861234567", "tel. [telefonas]")]
    [InlineData("tel. 8 (315) 56 665", "tel. [telefonas]")]
    [InlineData("rašė jonas.petraitis@gmail.com vakar", "rašė [el. paštas] vakar")]
    [InlineData("rašė š.žemaitė@pastas.lt.", "rašė [el. paštas].")]
    [InlineData("gyvena Vilniaus g. 12-3, Alytus", "gyvena [adresas: miesto dalis], Alytus")]
    [InlineData("gyvena S. Dariaus ir S. Girėno g. 5 bt. 4", "gyvena [adresas: miesto dalis]")]
    [InlineData("nuvyko į Naujosios gatvės namą", "nuvyko į [adresas: miesto dalis] namą")]
    [InlineData("Santaikos pr. 25A, LT-62141", "[adresas: miesto dalis], [pašto kodas]")]
    [InlineData("prie Putinų al. 3", "prie [adresas: miesto dalis]")]
    [InlineData("Kauno kelias 7", "[adresas: miesto dalis]")]
    [InlineData("byla BYL-2026-0042 ir skundas SK-2026-0001", "byla [nr.] ir skundas [nr.]")]
    [InlineData("jam 47 metai", "jam 40–49 metai")]
    [InlineData("16 metų paauglys", "iki 18 metų paauglys")]
    public void Codes_phones_emails_addresses_and_ages_are_removed(string source, string expected)
    {
        Assert.Equal(expected, For().Apply(source));
    }

    [Theory]
    [InlineData("Atėjo 2026-03-12.", "Atėjo [D].")]
    [InlineData("Atėjo 2026-03-15.", "Atėjo [D+3].")]
    [InlineData("Laiškas 2026.03.02 išsiųstas", "Laiškas [D−10] išsiųstas")]
    [InlineData("Laiškas 02.03.2026 išsiųstas", "Laiškas [D−10] išsiųstas")]
    [InlineData("2026 m. kovo 20 d. vizitas", "[D+8] vizitas")]
    [InlineData("kovo 20 d. vizitas", "[D+8] vizitas")]
    [InlineData("2025 m. gruodžio 31 d.", "[D−71]")]
    [InlineData("gimęs 1985-03-13", "gimęs [40–49 m. amžiaus]")]
    [InlineData("gimęs 1985-03-12", "gimęs [40–49 m. amžiaus]")]
    [InlineData("gimusi 1990 m. kovo 1 d.", "gimusi [30–39 m. amžiaus]")]
    [InlineData("gim. 1950 m., gyvena viena", "gim. [70–79 m. amžiaus], gyvena viena")]
    public void Dates_shift_consistently_to_days_from_the_incident_and_birth_dates_become_age_bands(string source, string expected)
    {
        Assert.Equal(expected, For().Apply(source));
    }

    [Fact]
    public void A_linked_persons_known_birth_date_and_details_are_removed_wherever_written()
    {
        var a = new Anonymizer([new AnonymizerPerson(PersonRole.Client, "Ona Onaitė")], Day,
            [("Jaunimo g. 5-12, Alytus", RedactionKind.Address), ("onute@gmail.com", RedactionKind.Email)], [new DateOnly(1961, 5, 4)]);

        var copy = a.Apply("Ona (1961-05-04) iš jaunimo g. 5-12, alytus parašė ONUTE@GMAIL.COM");

        Assert.Equal("Klientas A ([60–69 m. amžiaus]) iš [adresas: miesto dalis] parašė [el. paštas]", copy);
    }

    [Theory]
    [InlineData("a. k. 38501011234.")]
    [InlineData("a. k. 385 0101 1234.")]
    [InlineData("a. k. 385-0101-1234.")]
    [InlineData("a. k. 3-850101-1234.")]
    [InlineData("a. k. 3 85 01 01 123 4.")]
    public void A_personal_code_is_removed_however_its_digits_are_grouped(string source)
    {
        Assert.Equal("a. k. [asmens kodas].", For().Apply(source));
    }

    [Fact]
    public void A_phone_number_grouped_like_eleven_digits_stays_a_phone()
    {
        var a = For();

        Assert.Equal("tel. [telefonas]", a.Apply("tel. 370 612 34567"));
        Assert.Equal(RedactionKind.Phone, Assert.Single(a.Replacements).Kind);
    }

    [Fact]
    public void The_linked_clients_stored_personal_code_is_removed_even_where_the_pattern_does_not_see_it()
    {
        var a = new Anonymizer([new AnonymizerPerson(PersonRole.Client, "Ona Onaitė")], Day, [("48501011237", RedactionKind.PersonalCode)]);

        Assert.Equal("kodas [asmens kodas], dar kartą [asmens kodas]", a.Apply("kodas 485.0101.1237, dar kartą 4 850101 1237"));
    }

    [Fact]
    public void The_list_of_replacements_says_what_became_what()
    {
        var a = For((PersonRole.Client, "Jonas Petraitis"));

        a.Apply("Jonas Petraitis, tel. +370 612 34567, Jono kodas 38501011234. Jonas vėl skambino.");

        var byOriginal = a.Replacements.ToDictionary(r => r.Original, r => (r.Text, r.Kind));
        Assert.Equal(("Klientas A", RedactionKind.Name), byOriginal["Jonas Petraitis"]);
        Assert.Equal(("Kliento A", RedactionKind.Name), byOriginal["Jono"]);
        Assert.Equal(("[telefonas]", RedactionKind.Phone), byOriginal["+370 612 34567"]);
        Assert.Equal(("[asmens kodas]", RedactionKind.PersonalCode), byOriginal["38501011234"]);
        Assert.Equal(("Klientas A", RedactionKind.Name), byOriginal["Jonas"]);
        Assert.Equal(5, a.Replacements.Count);
    }

    [Fact]
    public void Ordinary_numbers_times_and_years_stay()
    {
        Assert.Equal("Laukė 45 min., 14:30 val., išmoka 1200 eurų, 2025 m. planas", For().Apply("Laukė 45 min., 14:30 val., išmoka 1200 eurų, 2025 m. planas"));
    }

    [Theory]
    [InlineData("Ona", true, "Onos", "Onai", "Oną", "Onoje")]
    [InlineData("Kazys", false, "Kazio", "Kaziui", "Kazį", "Kaziu", "Kazyje", "Kazy")]
    [InlineData("Tomas", false, "Tomo", "Tomui", "Tomą", "Tomu", "Tome", "Tomai")]
    [InlineData("Andrius", false, "Andriaus", "Andriui", "Andrių", "Andriumi", "Andriuje", "Andriau")]
    [InlineData("Kazlauskas", true, "Kazlauskienė", "Kazlauskaitė", "Kazlauskaitės", "Kazlauskienę")]
    public void Forms_cover_the_cases(string name, bool surname, params string[] expected)
    {
        var forms = LithuanianNames.Forms(name, surname);

        foreach (var form in expected)
            Assert.Contains(form, forms);
    }
}
