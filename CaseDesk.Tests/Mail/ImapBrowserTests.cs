using System.Text;
using CaseDesk.Domain.Emails.Intake;
using CaseDesk.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CaseDesk.Tests.Mail;

/// <summary>
/// Incoming mail as staff see it, in a real browser against the app as the README starts it (no mailbox configured):
/// the e-mails page says incoming mail is off, a fetched e-mail shows its sender warnings and attachments (downloaded,
/// never inline), and reception reads the set-aside mail. Each screen passes axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImapBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Reception_sees_incoming_mail_off_a_fetched_e_mail_with_warnings_and_attachments_and_the_set_aside_mail()
    {
        BrowserRequirement.Check();
        await using var domain = new DomainAccess(fixture.App);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var now = DateTime.UtcNow.AddMinutes(-5);
        await domain.SendAsync(new TakeInMail($"browser-{tag}", 1, 2,
            [new IncomingMessage(1, $"{tag}@client.example", null, now, null, "ona@example.lt", "Ona", $"thief-{tag}@evil.example", $"Priedai {tag}",
                "Siunčiu pažymą.", false, "dmarc=fail",
                [new IncomingAttachment("pažyma.html", "text/html", 40, Encoding.UTF8.GetBytes("<script>alert('x')</script><p>pažyma</p>"), null),
                 new IncomingAttachment("didelis.zip", "application/zip", 90_000_000, null, AttachmentNotKept.TooLarge)],
                Encoding.UTF8.GetBytes("raw"), 3)],
            [new UnreadableMessage(2, null, "kazkas@example.lt", $"Sugadintas {tag}", now, SetAsideReason.Malformed, "Failed to parse message headers.",
                Encoding.UTF8.GetBytes("Subject: Sugadintas\r\n<script>alert(1)</script>"), 40)]));
        var emailId = await domain.ReadAsync(db => db.EmailEnquiries.Where(e => e.Subject == $"Priedai {tag}").Select(e => e.Id).SingleAsync());

        await using var reception = await fixture.SignInAsync("reception", output);
        await reception.OpenAsync("emails");
        await Expect(reception.Page.GetByTestId("incoming-mail-off")).ToContainTextAsync("registruojami rankiniu būdu");
        Assert.Empty(await AccessibilityTests.AxeAsync(reception.Page, "emails", output));

        await reception.Page.GetByTestId("set-aside-link").ClickAsync();
        var row = reception.Page.GetByTestId("set-aside-grid").GetByRole(AriaRole.Row).Filter(new() { HasText = $"Sugadintas {tag}" });
        await Expect(row).ToContainTextAsync("kazkas@example.lt");
        Assert.Empty(await AccessibilityTests.AxeAsync(reception.Page, "emails/set-aside", output));
        await row.GetByTestId("open-set-aside").ClickAsync();
        await Expect(reception.Page.GetByTestId("set-aside-reason")).ToHaveTextAsync("Nepavyko perskaityti laiško sandaros");
        // The raw message is text on the page, not markup: the script is shown, not run.
        await Expect(reception.Page.GetByTestId("set-aside-raw")).ToContainTextAsync("<script>alert(1)</script>");
        Assert.Empty(await AccessibilityTests.AxeAsync(reception.Page, "emails/set-aside/id", output));

        await reception.OpenAsync($"emails/{emailId}");
        await Expect(reception.Page.GetByTestId("sender-not-verified")).ToContainTextAsync("dmarc=fail");
        await Expect(reception.Page.GetByTestId("reply-to-warning")).ToContainTextAsync($"thief-{tag}@evil.example");
        var attachments = reception.Page.GetByTestId("email-attachment");
        await Expect(attachments).ToHaveCountAsync(2);
        await Expect(attachments.Filter(new() { HasText = "didelis.zip" })).ToContainTextAsync("Neišsaugotas");
        Assert.Empty(await AccessibilityTests.AxeAsync(reception.Page, "emails/id with attachments", output));

        var download = await reception.Page.RunAndWaitForDownloadAsync(() => reception.Page.GetByTestId("download-attachment").ClickAsync());
        Assert.Equal("pažyma.html", download.SuggestedFilename);
        var href = await reception.Page.GetByTestId("download-attachment").GetAttributeAsync("href");
        var response = await reception.Page.APIRequest.GetAsync(href!);
        Assert.StartsWith("attachment", response.Headers["content-disposition"]);
        Assert.Equal("application/octet-stream", response.Headers["content-type"]);
        Assert.Equal("<script>alert('x')</script><p>pažyma</p>", Encoding.UTF8.GetString(await response.BodyAsync()));
        var audit = await domain.ReadAsync(db => db.AuditEntries.CountAsync(a => a.Action == nameof(GetEmailAttachment)));
        Assert.True(audit >= 2, $"{audit} attachment reads audited");

        // A caseworker may not open the set-aside mail.
        await using var caseworker = await fixture.SignInAsync("caseworker", output);
        await caseworker.Page.GotoAsync("emails/set-aside");
        await Expect(caseworker.Page.GetByTestId("set-aside-grid")).ToHaveCountAsync(0);
    }
}
