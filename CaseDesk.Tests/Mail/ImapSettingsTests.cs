using CaseDesk.App.Mail;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Emails.Intake;
using CaseDesk.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace CaseDesk.Tests.Mail;

/// <summary>Mail:Mailboxes: none means incoming mail is off; wrong settings stop start-up saying what to fix.</summary>
public sealed class ImapSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void No_mailboxes_means_incoming_mail_is_off()
    {
        var boxes = MailboxSettings.From(Config(("Mail:From", "socialine.parama@example.lt")));

        Assert.False(new IncomingMail(boxes).IsOn);
    }

    [Fact]
    public void A_mailbox_is_read_with_its_server_settings_and_tls_on_by_default()
    {
        var box = Assert.Single(MailboxSettings.From(Config(
            ("Mail:Mailboxes:0:Name", "skyrius"), ("Mail:Mailboxes:0:Host", "imap.savivaldybe.lt"), ("Mail:Mailboxes:0:User", "skyrius"),
            ("Mail:Mailboxes:0:Password", "app-password"), ("Mail:Mailboxes:0:FetchEverySeconds", "30"))));

        Assert.Equal(("skyrius", "INBOX", 30, false), (box.Name, box.Folder, box.FetchEverySeconds, box.DeleteAfterFetch));
        Assert.Equal(("imap.savivaldybe.lt", 993, MailSecurity.SslOnConnect, "app-password"), (box.Server.Host, box.Server.Port, box.Server.Security, box.Server.Password));
    }

    [Fact]
    public void Wrong_settings_stop_start_up_with_what_to_fix_and_without_the_password()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MailboxSettings.From(Config(
            ("Mail:Mailboxes:0:Name", "skyrius"), ("Mail:Mailboxes:0:Host", "imap.savivaldybe.lt"), ("Mail:Mailboxes:0:User", "a"),
            ("Mail:Mailboxes:0:Password", "Slaptas-1"), ("Mail:Mailboxes:0:Security", "None"),
            ("Mail:Mailboxes:1:Name", "SKYRIUS"), ("Mail:Mailboxes:1:Host", ""), ("Mail:Mailboxes:1:User", "b"),
            ("Mail:Mailboxes:2:Name", "trečia"), ("Mail:Mailboxes:2:Host", "imap.savivaldybe.lt"))));

        Assert.Contains("Mail:Mailboxes:0:Security=None", error.Message);
        Assert.Contains("\"skyrius\" is used by 2 mailboxes", error.Message);
        Assert.Contains("Mail:Mailboxes:1:Host is empty", error.Message);
        Assert.Contains("Mail:Mailboxes:1:Password is missing for user b", error.Message);
        Assert.Contains("Mail:Mailboxes:2:User is empty", error.Message);
        Assert.DoesNotContain("Slaptas-1", error.Message);
    }

    [Fact]
    public void Start_up_fails_on_wrong_settings_and_starts_the_fetch_only_when_a_mailbox_is_set()
    {
        var wrong = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        wrong.Configuration["Mail:Mailboxes:0:Name"] = "skyrius";
        var error = Assert.Throws<InvalidOperationException>(wrong.AddIncomingMail);
        Assert.Contains("Mail:Mailboxes:0:Host is empty", error.Message);

        var off = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        off.AddIncomingMail();
        var on = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        foreach (var (key, value) in new[] { ("Name", "skyrius"), ("Host", "imap.savivaldybe.lt"), ("User", "u"), ("Password", "p") })
            on.Configuration[$"Mail:Mailboxes:0:{key}"] = value;
        on.AddIncomingMail();
        Assert.DoesNotContain(off.Services, s => s.ImplementationType == typeof(IncomingMailService));
        Assert.Contains(on.Services, s => s.ImplementationType == typeof(IncomingMailService));
    }

    [Fact]
    public async Task Set_aside_mail_is_listed_for_reception_and_heads_and_reading_one_is_audited()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.Send(new TakeInMail("skyrius", 7, 2, [],
        [
            new UnreadableMessage(1, null, "a@example.lt", "Sugadintas", db.Clock.UtcDateTime, SetAsideReason.Malformed, "Failed to parse headers.", new byte[] { 1, 2, 3 }, 3),
            new UnreadableMessage(2, "big@x", "b@example.lt", "Didelis", db.Clock.UtcDateTime, SetAsideReason.TooLarge, "Too big.", new byte[] { 4 }, 90_000_000),
        ]), Caller.System);
        // The same batch again (another node, a restart): nothing is set aside twice.
        var again = await db.Send(new TakeInMail("skyrius", 7, 2, [],
            [new UnreadableMessage(2, "big@x", "b@example.lt", "Didelis", db.Clock.UtcDateTime, SetAsideReason.TooLarge, "Too big.", new byte[] { 4 }, 90_000_000)]), Caller.System);
        var reception = await db.CreateCallerAsync(Roles.Reception);

        var page = await db.Send(new ListSetAsideMail(new ListWindow(0, 1)), reception);
        var all = await db.Send(new ListSetAsideMail(new ListWindow(0, 10)), reception);
        var details = await db.Send(new GetSetAsideMail(all.Items.Single(r => r.Reason == SetAsideReason.TooLarge).Id), reception);

        Assert.Equal(0, again.SetAside);
        Assert.Equal(2, page.Total);
        Assert.Single(page.Items);
        Assert.Equal((90_000_000L, true), (details.RawSize, details.RawCut));
        var audit = await db.AuditEntriesAsync();
        Assert.Contains(audit, a => a.Action == nameof(GetSetAsideMail) && a.EntityId == details.Id.ToString() && a.UserId == reception.UserId);
        Assert.Contains(audit, a => a.Action == nameof(ListSetAsideMail) && a.UserId == reception.UserId);
        var caseworker = await db.CreateCallerAsync(Roles.Caseworker);
        await Assert.ThrowsAsync<AccessDeniedException>(() => db.Send(new ListSetAsideMail(new ListWindow()), caseworker));
    }
}
