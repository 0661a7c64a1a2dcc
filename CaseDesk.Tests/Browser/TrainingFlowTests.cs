using System.Text.RegularExpressions;
using CaseDesk.App.Services;
using CaseDesk.Domain.Incidents;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CaseDesk.Tests.Browser;

/// <summary>
/// Issue 7 in the real app: a caseworker records an incident naming a person and a phone, the standard
/// officer reviews the anonymized copy beside the source and releases it, and the trainer finds it in the
/// library, puts it into a session pack and downloads the pack, which names nobody.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TrainingFlowTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Record_review_release_find_and_export_a_pack()
    {
        BrowserRequirement.Check();
        // A word only this run writes (letters only, so the anonymizer leaves it), to find the incident again.
        var marker = "situacija" + new string(Guid.NewGuid().ToString("N").Select(c => (char)('a' + c % 16)).ToArray())[..10];
        var title = "Piktas lankytojas " + marker;

        await using (var caseworker = await fixture.SignInAsync("caseworker", output))
        {
            var page = caseworker.Page;
            await page.GetByRole(AriaRole.Link, new() { Name = UiText.Lt("Record an incident") }).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/incidents/new$"));
            await Expect(page.GetByTestId("incident-form")).ToBeVisibleAsync();
            await page.Locator("[name=WhatHappened]").FillAsync($"Laima Stonkienė ({marker}) šaukė ant Astos Petrauskienės ir grasino; Stonkienės telefonas +370 611 22334.");
            await page.Locator("[name=HowHandled]").FillAsync("Petrauskienė pakvietė kolegą, kalbėjome dviese.");
            await page.Locator("[name=OtherNames]").FillAsync("Laima Stonkienė");
            await page.GetByTestId("save-incident").ClickAsync();
            await Expect(page).ToHaveURLAsync(BrowserSession.HomeUrl());
            Assert.Empty(caseworker.PageErrors);
        }

        await using (var officer = await fixture.SignInAsync("quality", output))
        {
            var page = officer.Page;
            await officer.OpenAsync("incidents");
            var row = page.GetByTestId("incidents-grid").Locator("tbody tr").Filter(new() { HasText = marker });
            await Expect(row).ToHaveCountAsync(1);
            await row.GetByRole(AriaRole.Link).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/incidents/[0-9a-f-]{36}$"));

            // Side by side: the source as written, the copy with pseudonyms.
            await Expect(page.GetByTestId("source")).ToContainTextAsync("Laima Stonkienė");
            var situation = page.Locator("[name=Situation]");
            await Expect(situation).ToHaveValueAsync(new Regex(@"^Asmuo B \(" + marker + @"\) šaukė ant Darbuotojo A ir grasino; Asmens B telefonas \[telefonas\]\.$"));
            await Expect(page.GetByTestId("people")).ToContainTextAsync("Laima Stonkienė");
            await page.Locator("[name=Title]").FillAsync(title);
            await page.GetByTestId("release-copy").ClickAsync();
            // Release is final for the trainers' eyes: it asks first.
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = UiText.Lt("Release"), Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("copy-status")).ToHaveTextAsync(UiText.Lt(Names.Of(TrainingCopyStatus.Released)));
            await Expect(page.GetByTestId("copy-title")).ToHaveTextAsync(title);
            Assert.Empty(officer.PageErrors);
        }

        await using (var trainer = await fixture.SignInAsync("trainer", output))
        {
            var page = trainer.Page;
            await Expect(trainer.NavItems.Filter(new() { HasText = UiText.Lt("Clients") })).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Link, new() { Name = UiText.Lt("Training library") }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/training$"));
            await page.GetByTestId("library-search").FillAsync(marker);
            await Expect(page.GetByTestId("library-title")).ToHaveTextAsync([title]); // the whole list: only this incident once the search applies

            await page.GetByTestId("new-pack").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/training/packs/new$"));
            await page.Locator("[name=Title]").FillAsync("Sesija " + marker);
            await page.Locator("[name=Questions]").FillAsync("Kodėl kalbėta dviese (9.6)?");
            await page.GetByTestId("library-search").FillAsync(marker);
            await Expect(page.GetByTestId("library-title")).ToHaveTextAsync([title]); // the whole list: only this incident once the search applies
            await page.GetByTestId("add-to-pack").ClickAsync();
            await Expect(page.GetByTestId("pack-item-title")).ToHaveTextAsync(title);
            await page.GetByTestId("save-pack").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/training/packs/[0-9a-f-]{36}$"));

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-markdown").ClickAsync());
            var markdown = await File.ReadAllTextAsync(await download.PathAsync());
            Assert.StartsWith("# Sesija " + marker, markdown);
            Assert.Contains("## 1. " + title, markdown);
            Assert.Contains("Asmuo B", markdown);
            Assert.Contains("Kodėl kalbėta dviese (9.6)?", markdown);
            Assert.DoesNotContain("Stonk", markdown, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Petrausk", markdown, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("611", markdown);

            await page.GetByTestId("print-view").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/training/packs/[0-9a-f-]{36}/print$"));
            await Expect(page.GetByTestId("session-pack")).ToContainTextAsync(title);
            await Expect(page.GetByTestId("session-pack")).Not.ToContainTextAsync("Stonk");
            Assert.Empty(trainer.PageErrors);

            // The wall in the browser: a source page is refused, and so is the officer's review screen.
            await trainer.OpenAsync("incidents");
            await Expect(page.GetByTestId("incidents-grid")).ToHaveCountAsync(0);
        }
    }
}
