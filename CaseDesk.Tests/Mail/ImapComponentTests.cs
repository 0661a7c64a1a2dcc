using System.Text;
using Bunit;
using CaseDesk.App.Components.Pages.Emails;
using CaseDesk.App.Mail;
using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Emails.Intake;
using CaseDesk.Tests.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.Mail;

/// <summary>The incoming-mail pieces of the e-mail screens, rendered against the real domain (bUnit).</summary>
public sealed class ImapComponentTests : DomainComponentTestContext
{
    protected override async Task<Caller> ArrangeAsync()
    {
        var now = Database.Clock.UtcDateTime.AddMinutes(-3);
        await Database.Send(new TakeInMail("skyrius", 9, 1,
            [new IncomingMessage(1, "m1@client.example", null, now, null, "ona@example.lt", "Ona", "kitas@evil.example", "Su priedais", "Tekstas.", true,
                "spf=fail", [new IncomingAttachment("<img src=x onerror=alert(1)>.pdf", "application/pdf", 4, Encoding.ASCII.GetBytes("%PDF"), null),
                    new IncomingAttachment("video.mp4", "video/mp4", 99_000_000, null, AttachmentNotKept.TooLarge)],
                Encoding.ASCII.GetBytes("raw"), 3)], []), Caller.System);
        Database.Clock.Advance(TimeSpan.FromMinutes(1));
        await Database.Send(new RecordMailboxCheck("skyrius", "imap.savivaldybe.lt:993 refused the user name or password of skyrius."), Caller.System);
        return await Database.CreateUserAsync("rasa", Roles.Reception);
    }

    [Fact]
    public void Without_mailboxes_the_page_says_incoming_mail_is_off()
    {
        Services.AddSingleton(new IncomingMail([]));

        var status = Render<IncomingMailStatus>();

        Assert.Equal("Incoming mail is not connected; e-mails are registered by hand.", status.Find("[data-testid=incoming-mail-off]").TextContent.Trim());
        Assert.Empty(status.FindAll("[data-testid=incoming-mailbox]"));
        Assert.NotNull(status.Find("[data-testid=set-aside-link]"));
    }

    [Fact]
    public void A_connected_mailbox_shows_its_last_successful_fetch_and_its_last_error_in_words()
    {
        Services.AddSingleton(new IncomingMail([new MailboxSettings { Name = "skyrius" }]));

        var status = Render<IncomingMailStatus>();

        status.WaitForAssertion(() => Assert.Contains("refused the user name or password", status.Find("[data-testid=incoming-last-error]").TextContent));
        Assert.Contains("skyrius (INBOX)", status.Find("[data-testid=incoming-mailbox]").TextContent);
        Assert.Equal(Display.Time(Database.Clock.UtcDateTime.AddMinutes(-1)), status.Find("[data-testid=incoming-last-success]").TextContent.Trim());
        Assert.Empty(status.FindAll("[data-testid=incoming-mail-off]"));
    }

    [Fact]
    public async Task A_fetched_e_mail_shows_the_sender_warnings_and_its_attachments_as_downloads()
    {
        var emailId = await Database.ReadAsync(db => db.EmailEnquiries.Select(e => e.Id).SingleAsync());

        var panel = Render<EmailAttachments>(p => p.Add(c => c.EmailId, emailId));

        panel.WaitForAssertion(() => Assert.Equal(2, panel.FindAll("[data-testid=email-attachment]").Count));
        Assert.Contains("spf=fail", panel.Find("[data-testid=sender-not-verified]").TextContent);
        Assert.Contains("kitas@evil.example", panel.Find("[data-testid=reply-to-warning]").TextContent);
        Assert.NotNull(panel.Find("[data-testid=body-cut]"));
        var link = panel.Find("[data-testid=download-attachment]");
        Assert.StartsWith("emails/attachments/", link.GetAttribute("href"));
        Assert.NotNull(link.GetAttribute("download"));
        // The file name is text: nothing of it became an element.
        Assert.Equal("<img src=x onerror=alert(1)>.pdf", link.TextContent);
        Assert.Empty(panel.FindAll("img"));
        Assert.Contains("Not kept: bigger than the limit for one attachment.", panel.Markup);
    }
}
