using CaseDesk.App.Mail;
using CaseDesk.Domain.Emails;
using CaseDesk.Domain.Mail;
using CaseDesk.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CaseDesk.Tests.Mail;

/// <summary>
/// The README's one command, no mail server: a reply written on the e-mail page goes through the app's own outbox sender to
/// the pick-up folder beside the database, and the page follows it from queued to saved; axe on both states.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OutboxBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Answer = "Laba diena, reikės prašymo ir pažymos apie pajamas. Ačiū, kad parašėte.";

    [SkippableFact]
    public async Task A_reply_sent_from_the_page_is_saved_to_the_pickup_folder_and_the_page_shows_it_with_no_serious_axe_violation()
    {
        await using var domain = new DomainAccess(fixture.App);
        var clientId = await domain.ReadAsync(db => db.Clients.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var emailId = await domain.SendAsync(new RegisterEmail(DateTime.UtcNow.AddMinutes(-30), "ona.outbox@example.lt", "Ona Jonaitienė",
            "Pagalba į namus", "Laba diena, kokių dokumentų reikia pagalbai į namus gauti?", clientId));
        await using var session = await fixture.SignInAsync("caseworker", output, returnUrl: $"emails/{emailId}");
        var page = session.Page;

        await Expect(page.GetByTestId("reply-form").GetByTestId("pickup-notice")).ToBeVisibleAsync();
        var blocking = await AccessibilityTests.AxeAsync(page, "reply form", output);
        await page.Locator("textarea[name=Body]").FillAsync(Answer);
        await page.GetByTestId("save-reply").ClickAsync();

        // The sender runs every 15 seconds and the page looks again every 5.
        await Expect(page.GetByTestId("reply-delivery")).ToHaveAttributeAsync("data-status", "Sent", new() { Timeout = 45_000 });
        await Expect(page.GetByTestId("pickup-notice")).ToBeVisibleAsync();
        blocking.AddRange(await AccessibilityTests.AxeAsync(page, "reply saved", output));
        Assert.Empty(blocking);
        var messageId = await domain.ReadAsync(db => Outbox.Messages(db).Where(m => m.SourceId == emailId).Select(m => m.MessageId).SingleAsync());
        var file = Path.Combine(Path.GetDirectoryName(fixture.App.DatabasePath)!, "mail-pickup", OutboxPickupFolder.FileName(messageId));
        var saved = await MimeMessage.LoadAsync(file);
        Assert.StartsWith(Answer, saved.TextBody);
        Assert.Equal(EmailStatus.Answered, await domain.ReadAsync(db => db.EmailEnquiries.Where(e => e.Id == emailId).Select(e => e.Status).SingleAsync()));
    }
}
