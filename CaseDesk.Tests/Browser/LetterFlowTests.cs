using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using IPage = Microsoft.Playwright.IPage;

namespace CaseDesk.Tests.Browser;

/// <summary>Touchpoint 6 clicked through: compose from a template, edit, print (only the letter prints), download the PDF, record as sent.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LetterFlowTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static ILocator Dialog(IPage page, string formTestId) =>
        page.GetByRole(AriaRole.Dialog).Filter(new() { Has = page.GetByTestId(formTestId) });

    private static async Task OpenLettersTabAsync(BrowserSession session, Guid caseId)
    {
        await session.OpenAsync($"cases/{caseId}");
        await session.Page.GetByRole(AriaRole.Tab, new() { Name = UiText.Lt("Letters") }).ClickAsync();
    }

    [SkippableFact]
    public async Task A_caseworker_composes_edits_prints_and_records_an_information_letter_as_sent()
    {
        BrowserRequirement.Check();
        // A unique surname in Lithuanian letters only (a hex digit would make it a foreign name, left in the nominative).
        var lastName = string.Concat(Guid.NewGuid().ToString("N")[..5].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16)))) + "raštienė";
        lastName = char.ToUpperInvariant(lastName[0]) + lastName[1..];
        var vocative = lastName[..^1] + "e";
        var seeded = await BrowserCaseSeed.CaseForAsync(fixture.App, "caseworker", "Ona", lastName, service: "Socialinė globa");
        await using var session = await fixture.SignInAsync("caseworker", output);
        var page = session.Page;

        await OpenLettersTabAsync(session, seeded.CaseId);
        await page.GetByTestId("compose-letter").ClickAsync();
        var compose = Dialog(page, "compose-letter-form");
        await Expect(compose.GetByTestId("compose-recipient")).ToContainTextAsync($"Ona {lastName}, Vilniaus g. 12-3, Alytus");
        await Expect(compose.GetByTestId("no-address-warning")).ToHaveCountAsync(0);
        await compose.GetByTestId("letter-template").ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Reikalingi dokumentai" }).ClickAsync();
        await Expect(compose.GetByTestId("template-preview")).ToContainTextAsync("Dėl dokumentų");
        await compose.GetByTestId("save-compose").ClickAsync();

        // The letter opens for editing, filled with the case's data and the author's signature.
        var edit = Dialog(page, "edit-letter-form");
        await Expect(edit.GetByTestId("letter-subject")).ToHaveValueAsync("Dėl dokumentų paslaugai „Socialinė globa“");
        await Expect(edit.GetByTestId("letter-body")).ToHaveValueAsync(new Regex($"^Gerb\\. Ona {vocative},"));
        await Expect(edit.GetByTestId("letter-body")).ToHaveValueAsync(new Regex($"atvejo Nr\\. {seeded.Number}"));
        await Expect(edit.GetByTestId("letter-body")).ToHaveValueAsync(new Regex("Asta Petrauskienė\nSocialinė darbuotoja\nSocialinių paslaugų poskyris\nTel\\. \\+370 315 56 662$"));
        await edit.GetByTestId("letter-subject").FillAsync("Dėl dokumentų socialinei globai");
        await edit.GetByTestId("save-letter").ClickAsync();
        await Expect(edit).ToHaveCountAsync(0);
        var row = page.GetByTestId("letter-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Dėl dokumentų socialinei globai");
        await Expect(row.GetByTestId("letter-sent")).ToHaveTextAsync(UiText.Lt("Not sent yet"));

        // The print view: letterhead, date, recipient, subject, body; in print media nothing else shows.
        var printPath = await row.GetByTestId("letter-print").GetAttributeAsync("href");
        Assert.Matches("^letters/[0-9a-f-]{36}/print$", printPath);
        await session.OpenAsync(printPath!);
        var letter = page.GetByTestId("letter");
        await Expect(letter).ToContainTextAsync("Alytaus miesto savivaldybės administracija");
        await Expect(letter).ToContainTextAsync("Socialinės paramos skyrius");
        await Expect(letter.GetByTestId("letter-recipient")).ToHaveTextAsync($"Ona {lastName}Vilniaus g. 12-3, Alytus");
        await Expect(letter.GetByTestId("letter-subject")).ToHaveTextAsync("Dėl dokumentų socialinei globai");
        await Expect(letter.GetByTestId("letter-body")).ToContainTextAsync("Pagarbiai");
        await Expect(letter.GetByTestId("letter-date")).ToHaveTextAsync(new Regex(@"^\d{4}-\d{2}-\d{2}$"));
        // Role queries skip hidden elements: on screen the app bar and the navigation are there, in print they are gone.
        await Expect(page.GetByRole(AriaRole.Banner)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Navigation)).Not.ToHaveCountAsync(0);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(letter).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Banner)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Navigation)).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("print-letter")).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await Expect(page.GetByTestId("print-letter")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Banner)).ToHaveCountAsync(1);

        // The PDF: the same letter as a file, with the address block, the vocative and the Lithuanian letters as text.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-pdf").ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), $"casedesk-letter-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(file);
        try
        {
            using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync(file));
            var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains($"Ona {lastName} Vilniaus g. 12-3, Alytus", text);
            Assert.Contains($"Gerb. Ona {vocative},", text);
            Assert.Contains("Dėl dokumentų socialinei globai", text);
            Assert.Contains("Asta Petrauskienė", text);
        }
        finally
        {
            File.Delete(file);
        }

        // Recorded as sent: the row shows when and how, editing is gone, and the sending is a contact on touchpoint 6.
        await OpenLettersTabAsync(session, seeded.CaseId);
        await row.GetByTestId("letter-mark-sent").ClickAsync();
        var sent = Dialog(page, "mark-sent-form");
        await sent.GetByTestId("save-sent").ClickAsync();
        // Final: the letter can no longer be edited once recorded as sent, so the page asks first.
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = UiText.Lt("Yes, record as sent") }).ClickAsync();
        await Expect(sent).ToHaveCountAsync(0);
        await Expect(row.GetByTestId("letter-sent")).ToContainTextAsync(UiText.Lt("By post"));
        await Expect(row.GetByTestId("letter-edit")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Tab, new() { Name = UiText.Lt("Contacts") }).ClickAsync();
        var contact = page.Locator("[data-testid=contacts-grid] tbody tr").Filter(new() { HasText = "Dėl dokumentų socialinei globai" });
        await Expect(contact).ToHaveCountAsync(1);
        await Expect(contact.GetByTestId("contact-touchpoint")).ToHaveTextAsync("6");
        Assert.Empty(session.PageErrors);
    }
}
