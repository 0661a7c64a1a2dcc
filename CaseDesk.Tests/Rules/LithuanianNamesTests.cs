using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Letters;

namespace CaseDesk.Tests.Rules;

/// <summary>Issue 14, defect 6a: a letter greets the client in the vocative ("Gerb. Matai Berūnai,"), not the nominative.</summary>
public sealed class LithuanianNamesTests
{
    public static TheoryData<string, string> Names => new()
    {
        // Men's first names: -as → -ai, -(i)jas → -jau, -is → -i, -ys → -y, -(i)us → -(i)au.
        { "Matas", "Matai" }, { "Tomas", "Tomai" }, { "Jonas", "Jonai" }, { "Juozas", "Juozai" }, { "Linas", "Linai" },
        { "Vytautas", "Vytautai" }, { "Benediktas", "Benediktai" },
        { "Tobijas", "Tobijau" }, { "Elijas", "Elijau" }, { "Andriejas", "Andriejau" },
        { "Kęstutis", "Kęstuti" }, { "Jurgis", "Jurgi" }, { "Algis", "Algi" },
        { "Kazys", "Kazy" }, { "Stasys", "Stasy" },
        { "Paulius", "Pauliau" }, { "Darius", "Dariau" }, { "Julius", "Juliau" }, { "Mikalojus", "Mikalojau" }, { "Motiejus", "Motiejau" },
        // Women's first names: -a stays, -ė → -e.
        { "Rūta", "Rūta" }, { "Ona", "Ona" }, { "Gražina", "Gražina" }, { "Jurgita", "Jurgita" },
        { "Eglė", "Egle" }, { "Aistė", "Aiste" }, { "Gabrielė", "Gabriele" }, { "Danutė", "Danute" },
        // Men's surnames.
        { "Berūnas", "Berūnai" }, { "Kazlauskas", "Kazlauskai" }, { "Žemaitis", "Žemaiti" }, { "Adomaitis", "Adomaiti" }, { "Grigonis", "Grigoni" },
        { "Dagys", "Dagy" }, { "Kairys", "Kairy" }, { "Jankus", "Jankau" }, { "Sutkus", "Sutkau" }, { "Kubilius", "Kubiliau" },
        { "Montvila", "Montvila" }, { "Mažeika", "Mažeika" },
        // Women's surnames: married -ienė, unmarried -aitė, -ytė, -utė, -(i)ūtė, the short -ė.
        { "Petraitienė", "Petraitiene" }, { "Kazlauskienė", "Kazlauskiene" }, { "Jankauskaitė", "Jankauskaite" }, { "Petraitytė", "Petraityte" },
        { "Vaitkutė", "Vaitkute" }, { "Motiejūtė", "Motiejūte" }, { "Mickevičiūtė", "Mickevičiūte" }, { "Berūnė", "Berūne" },
        // Capitals are kept.
        { "BERŪNAS", "BERŪNAI" },
        // Foreign names and endings that are not Lithuanian stay as written.
        { "John", "John" }, { "Charles", "Charles" }, { "Müller", "Müller" }, { "Ivanov", "Ivanov" }, { "Wójcik", "Wójcik" }, { "Naomi", "Naomi" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void A_name_takes_its_vocative(string nominative, string vocative) =>
        Assert.Equal(vocative, LithuanianNames.Vocative(nominative));

    [Fact]
    public void The_table_holds_at_least_forty_real_names() => Assert.True(Names.Count >= 40);

    [Fact]
    public void A_double_surname_takes_the_vocative_in_each_part()
    {
        Assert.Equal("Sofija Kymantaite-Čiurlioniene", LithuanianNames.Vocative("Sofija", "Kymantaitė-Čiurlionienė"));
    }

    [Theory]
    [InlineData("Matas", "Berūnas", "Gerb. Matai Berūnai,")]
    [InlineData("Rūta", "Petraitienė", "Gerb. Rūta Petraitiene,")]
    [InlineData("Algis Jonas", "Kavaliauskas", "Gerb. Algi Jonai Kavaliauskai,")]
    [InlineData("Eglė", "Dagytė", "Gerb. Egle Dagyte,")]
    [InlineData("John", "Smith", "Gerb. John Smith,")]
    public void The_lithuanian_salutation_is_in_the_vocative(string first, string last, string salutation) =>
        Assert.Equal(salutation, StandardLetterTemplates.Salutation(ClientLanguage.Lithuanian, first, last));

    [Theory]
    [InlineData("Rūta", "Petraitienė", NameGender.Feminine)]
    [InlineData("Eglė", "Dagytė", NameGender.Feminine)]
    [InlineData("Matas", "Berūnas", NameGender.Masculine)]
    [InlineData("Kazys", "Dagys", NameGender.Masculine)]
    [InlineData("Jogaila", "Kazlauskas", NameGender.Masculine)]
    [InlineData("Naomi", "Jankauskaitė", NameGender.Feminine)]
    [InlineData("John", "Smith", NameGender.Unknown)]
    public void With_no_gender_stored_the_gender_is_read_from_the_names_endings(string first, string last, NameGender gender) =>
        Assert.Equal(gender, LithuanianNames.GenderOf(first, last));

    [Theory]
    [InlineData(ClientLanguage.English, "Matas", "Berūnas", "Dear Matas Berūnas,")]
    [InlineData(ClientLanguage.Russian, "Rūta", "Petraitienė", "Уважаемая Rūta Petraitienė!")]
    [InlineData(ClientLanguage.Russian, "Matas", "Berūnas", "Уважаемый Matas Berūnas!")]
    [InlineData(ClientLanguage.Russian, "John", "Smith", "Уважаемый(-ая) John Smith!")]
    public void Other_languages_greet_with_the_name_as_written(ClientLanguage language, string first, string last, string salutation) =>
        Assert.Equal(salutation, StandardLetterTemplates.Salutation(language, first, last));
}
