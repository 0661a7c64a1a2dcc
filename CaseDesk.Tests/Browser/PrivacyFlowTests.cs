using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseDesk.App.Services;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CaseDesk.Tests.Browser;

/// <summary>Commitment VII in the real app: the client's subject access report (screen, print, JSON) and erasure with four eyes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PrivacyFlowTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private async Task<Guid> RegisterClientAsync(string first, string last, string code)
    {
        await using var domain = new DomainAccess(fixture.App);
        return await domain.SendAsync(new RegisterClient(first, last, code, null, "+370 655 11223", null, "Sodų g. 3, Alytus", [],
            ClientLanguage.Polish, null, null, false, null, [new("Marija " + last, "Sesuo", 1970)], ConfirmedNotDuplicate: true));
    }

    [SkippableFact]
    public async Task A_caseworker_opens_prints_and_downloads_the_subject_access_report_with_the_code_in_full()
    {
        BrowserRequirement.Check();
        var code = "3720304" + "117";
        code += PersonalCode.CheckDigit(code);
        var clientId = await RegisterClientAsync("Kazimiera", "Šimkūnaitė", code);

        await using var caseworker = await fixture.SignInAsync("caseworker", output);
        var page = caseworker.Page;
        await caseworker.OpenAsync($"clients/{clientId}");
        await page.GetByTestId("subject-access").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/clients/{clientId}/subject-access$"));
        var report = page.GetByTestId("subject-access-report");
        await Expect(report.Locator("h1")).ToContainTextAsync("Kazimiera Šimkūnaitė");
        await Expect(page.GetByTestId("sar-personal-code")).ToHaveTextAsync(code);
        await Expect(page.GetByTestId("sar-personal")).ToContainTextAsync("Marija Šimkūnaitė");
        // Who read the data so far: the card just opened (the report's own read is recorded after it is made).
        await Expect(page.GetByTestId("sar-access")).ToContainTextAsync(nameof(GetClient));

        // The print view is the document alone.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.GetByTestId("print-report")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Navigation).First).ToBeHiddenAsync();
        await Expect(report).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-json").ClickAsync());
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(await File.ReadAllBytesAsync(await download.PathAsync())));
        var personal = json.RootElement.GetProperty("PersonalData");
        Assert.Equal(("Šimkūnaitė", code, "Polish"), (personal.GetProperty("LastName").GetString(), personal.GetProperty("PersonalCode").GetString(),
            personal.GetProperty("Language").GetString()));
        Assert.Empty(caseworker.PageErrors);

        await using var domain = new DomainAccess(fixture.App);
        var reads = await domain.ReadAsync(db => db.AuditEntries.Where(a => a.Action == nameof(GetSubjectAccessReport) && a.EntityId == clientId.ToString())
            .Select(a => a.Reason).ToListAsync());
        // The page and the file are both audited reads with the report's reason.
        Assert.True(reads.Count >= 2, $"{reads.Count} audited reads");
        Assert.All(reads, reason => Assert.Equal(GetSubjectAccessReport.Reason, reason));

        // Reception works with clients but not with this report, neither on screen nor as a file.
        await using var reception = await fixture.SignInAsync("reception", output);
        var response = await reception.Page.APIRequest.GetAsync($"clients/{clientId}/subject-access.json", new() { MaxRedirects = 0 });
        Assert.NotEqual(200, response.Status);
        await reception.OpenAsync($"clients/{clientId}/subject-access");
        await Expect(reception.Page).ToHaveURLAsync(new Regex("/account/access-denied"));
    }

    [SkippableFact]
    public async Task A_caseworker_requests_erasure_and_the_head_approves_it_after_a_confirmation()
    {
        BrowserRequirement.Check();
        var clientId = await RegisterClientAsync("Bronislava", "Vaitkevičiūtė", "");

        await using (var caseworker = await fixture.SignInAsync("caseworker", output))
        {
            var page = caseworker.Page;
            await caseworker.OpenAsync($"clients/{clientId}");
            await page.GetByTestId("request-erasure").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog).Filter(new() { Has = page.GetByTestId("erasure-form") });
            await dialog.GetByTestId("erasure-reason").FillAsync("Klientė raštu paprašė ištrinti jos duomenis");
            await dialog.GetByTestId("send-erasure-request").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            await caseworker.OpenAsync("privacy/erasure");
            var row = page.GetByTestId("erasure-requests").Locator("tbody tr").Filter(new() { HasText = "Vaitkevičiūtė" });
            await Expect(row.GetByTestId("erasure-status")).ToHaveTextAsync(UiText.Lt(Names.Of(ErasureStatus.Requested)));
            // The requester cannot decide it (and a caseworker decides none).
            await Expect(row.GetByTestId("approve-erasure")).ToHaveCountAsync(0);
            Assert.Empty(caseworker.PageErrors);
        }

        await using var head = await fixture.SignInAsync("head", output);
        var headPage = head.Page;
        await head.OpenAsync("privacy/erasure");
        var request = headPage.GetByTestId("erasure-requests").Locator("tbody tr").Filter(new() { HasText = "Vaitkevičiūtė" });
        await request.GetByTestId("approve-erasure").ClickAsync();
        var confirm = headPage.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync("Bronislava Vaitkevičiūtė");
        await confirm.GetByRole(AriaRole.Button, new() { Name = UiText.Lt("Approve and erase") }).ClickAsync();

        var done = headPage.GetByTestId("erasure-requests").Locator("tbody tr").Filter(new() { HasText = Anonymization.Name });
        await Expect(done.GetByTestId("erasure-status")).ToHaveTextAsync(UiText.Lt(Names.Of(ErasureStatus.Executed)));
        await Expect(headPage.GetByTestId("erasure-requests")).Not.ToContainTextAsync("Vaitkevičiūtė");
        Assert.Empty(head.PageErrors);

        await using var domain = new DomainAccess(fixture.App);
        var client = await domain.ReadAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == clientId));
        Assert.Equal((Anonymization.Name, (string?)null, (string?)null), (client.LastName, client.Phone, client.Address));
    }
}
