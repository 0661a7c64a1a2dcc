using System.Net;
using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Letters;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace CaseDesk.Tests.Hosting;

/// <summary>Issue 14, defect 6d over real HTTP: the letter's PDF for those who may read the letter, its read audited; nobody else.</summary>
[Collection(AppCollection.Name)]
public sealed class LetterEndpointTests(CaseDeskAppFactory app)
{
    private static async Task<HttpClient> SignedInAsync(CaseDeskAppFactory app, string userName)
    {
        var browser = app.CreateBrowser();
        using var page = await browser.GetAsync("/account/login");
        var form = HtmlPage.Inputs(await page.Content.ReadAsStringAsync());
        using var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = form["_handler"],
            ["__RequestVerificationToken"] = form["__RequestVerificationToken"],
            ["Input.UserName"] = userName,
            ["Input.Password"] = DatabaseInitializer.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    [Fact]
    public async Task A_caseworker_downloads_a_letter_as_pdf_with_an_audit_row_and_a_receptionist_is_refused()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
        var letter = await db.InformationLetters.AsNoTracking().OrderBy(l => l.Id).FirstAsync();
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == letter.ClientId);
        using var caseworker = await SignedInAsync(app, "caseworker");
        using var reception = await SignedInAsync(app, "reception");

        using var file = await caseworker.GetAsync($"/letters/{letter.Id}/pdf");
        using var refused = await reception.GetAsync($"/letters/{letter.Id}/pdf");

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".pdf", file.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("no-store", file.Headers.CacheControl?.ToString());
        using (var pdf = PdfDocument.Open(await file.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains($"Gerb. {LithuanianNames.Vocative(client.FirstName, client.LastName)},", text);
            Assert.Contains(client.FullName, text);
        }
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/access-denied", refused.Headers.Location?.PathAndQuery);
        var read = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == nameof(GetLetter) && a.Kind == AuditKind.Read && a.Reason == GetLetter.PdfPurpose && a.UserName == "caseworker")
            .ToListAsync();
        Assert.Contains(read, a => a.Fields != null && a.Fields.Contains(letter.ClientId.ToString()));
    }
}
