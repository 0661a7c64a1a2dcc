using CaseDesk.App.Components.Pages.Letters;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Letters;
using UglyToad.PdfPig;

namespace CaseDesk.Tests.Components.Pages.Letters;

/// <summary>Issue 14, defect 6d: the letter as a PDF keeps the Lithuanian letters, the vocative salutation and the address block, read back as text.</summary>
public sealed class LetterPdfTests
{
    private static LetterDetails Letter(string body, string? address = "Vilniaus g. 12-3, Alytus", ClientLanguage language = ClientLanguage.Lithuanian) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "SP-2026-00042", Guid.NewGuid(), "Matas Berūnas", address,
            "Dėl dokumentų paslaugai „Pagalba į namus“", body, DateTime.UtcNow, DateTime.UtcNow,
            "Asta Petrauskienė", "Socialinė darbuotoja", "+370 315 55555", "Socialinių paslaugų poskyris", null, null, language);

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    [Fact]
    public void The_pdf_holds_the_letterhead_the_address_block_the_vocative_and_every_lithuanian_letter_as_text()
    {
        var salutation = StandardLetterTemplates.Salutation(ClientLanguage.Lithuanian, "Matas", "Berūnas");
        var body = $"{salutation}\n\nprašome pateikti dokumentus. Raidės: ąčęėįšųūž ĄČĘĖĮŠŲŪŽ.\n\nPagarbiai\nAsta Petrauskienė";

        var pdf = LetterPdf.Render(Letter(body), new DateOnly(2026, 3, 3));

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var text = Text(pdf);
        Assert.Contains("Gerb. Matai Berūnai,", text);
        Assert.Contains("ąčęėįšųūž", text);
        Assert.Contains("ĄČĘĖĮŠŲŪŽ", text);
        Assert.Contains("ALYTAUS MIESTO SAVIVALDYBĖS ADMINISTRACIJA", text);
        Assert.Contains("Socialinės paramos skyrius", text);
        Assert.Contains("2026-03-03", text);
        Assert.Contains("Nr. SP-2026-00042", text);
        // The address block: the name in the nominative, then the postal address, above the subject.
        var block = text.IndexOf("Matas Berūnas Vilniaus g. 12-3, Alytus", StringComparison.Ordinal);
        Assert.True(block >= 0, text);
        Assert.True(block < text.IndexOf("Dėl dokumentų paslaugai „Pagalba į namus“", StringComparison.Ordinal), text);
    }

    [Fact]
    public void A_long_text_goes_on_to_a_second_page_and_a_text_without_its_signature_gets_one()
    {
        var body = string.Join("\n", Enumerable.Range(1, 80).Select(i => $"Eilutė {i}: žodžiai, kurie turi būti perkelti į kitą eilutę, kai jie netelpa vienoje eilutėje, ąčęėįšųūž."));

        var pdf = LetterPdf.Render(Letter(body, address: null), new DateOnly(2026, 3, 3));

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 2);
        var text = Text(pdf);
        Assert.Contains("Eilutė 80:", text);
        Assert.EndsWith("Pagarbiai Asta Petrauskienė Socialinė darbuotoja Socialinių paslaugų poskyris Tel. +370 315 55555", text);
    }

    [Fact]
    public void A_russian_letter_keeps_its_cyrillic_text()
    {
        var body = StandardLetterTemplates.Salutation(ClientLanguage.Russian, "Rūta", "Petraitienė") + "\n\nБлагодарим Вас за обращение.";

        var text = Text(LetterPdf.Render(Letter(body, language: ClientLanguage.Russian), new DateOnly(2026, 3, 3)));

        Assert.Contains("Уважаемая Rūta Petraitienė!", text);
        Assert.Contains("С уважением", text);
    }

    [Fact]
    public void A_missing_font_file_fails_with_what_to_install()
    {
        var empty = Directory.CreateTempSubdirectory("casedesk-nofonts").FullName;
        try
        {
            var error = Assert.Throws<LetterFontMissingException>(() => LetterFonts.Check(empty));
            Assert.Contains("DejaVuSans.ttf", error.Message);
            Assert.Contains("fonts-dejavu-core", error.Message);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
