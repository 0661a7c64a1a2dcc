using System.Text.Json;
using CaseDesk.App.Mail;
using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Emails;
using CaseDesk.Domain.Mail;
using CaseDesk.Domain.Work;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.PhoneMessages;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace CaseDesk.Tests.Mail;

/// <summary>
/// A reply written in CaseDesk, through the outbox and the app's sender, to a real SMTP server (<see cref="SmtpSink"/>) over TLS
/// with a pinned certificate: what arrives, what a refusal does, and what the clock and the work lists show meanwhile.
/// </summary>
public sealed class OutboxSmtpTests : IAsyncLifetime
{
    private const string Incoming = "Laba diena,\nnorėčiau sužinoti, kokių dokumentų reikia pagalbai į namus gauti.\n\nOna";
    private const string ClientMessageId = "CAF=ona.1@mail.example.lt";
    private const string EarlierMessageId = "CAF=ona.0@mail.example.lt";
    private const string Subject = "Re: Pagalba į namus – ąčęėįšųūž ĄČĘĖĮŠŲŪŽ";
    private const string Answer = "Laba diena, reikės prašymo ir pažymos apie pajamas. Ačiū, kad parašėte – atsakysime greitai.";

    private TestDatabase database = default!;
    private Caller reception = default!;
    private Caller asta = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        reception = await database.CreateUserAsync("rasa", Roles.Reception);
        asta = await database.CreateUserAsync("asta", Roles.Caseworker);
        await database.GiveSignatureAsync(asta, "Asta", "Petrauskienė", "Socialinė darbuotoja", "+370 315 56 662");
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private DateTime Now => database.Clock.UtcDateTime;

    /// <summary>An e-mail fetched from the mailbox (its Message-Id and References kept), matched to Ona and given to Asta.</summary>
    private async Task<Guid> EmailFromOnaAsync()
    {
        var clientId = await database.RegisterAsync(reception, "Ona", "Jonaitienė");
        var id = await database.Send(new RegisterEmail(Now.AddHours(-1), "ona.jonaitiene@example.lt", "Ona Jonaitienė", "Pagalba į namus", Incoming,
            clientId, null, asta.UserId), reception);
        await using var db = database.OpenDb();
        (await db.EmailEnquiries.SingleAsync(e => e.Id == id)).SetOrigin("skyrius", ClientMessageId, EarlierMessageId);
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<Guid> ReplyAsync(Guid id, string body = Answer) =>
        await database.Send(new ReplyToEmail(id, (await database.Send(new GetEmail(id), asta)).Version, Subject, body), asta);

    private Task<ResponseClock> ReplyClockAsync(Guid id) =>
        database.ReadAsync(db => db.ResponseClocks.AsNoTracking().SingleAsync(c => c.SubjectId == id && c.Kind == ClockKind.EmailReply));

    [Fact]
    public async Task A_reply_arrives_from_the_department_to_the_sender_in_utf8_signed_quoting_only_her_message_and_threaded_under_it()
    {
        var id = await EmailFromOnaAsync();
        await ReplyAsync(id);
        await using var sink = await SmtpSink.StartAsync();

        Assert.Equal(1, await database.Sender(OutboxTesting.SmtpSettings(sink)).SendDueAsync(CancellationToken.None));

        var received = Assert.Single(sink.Messages);
        var message = received.Message;
        var queued = Assert.Single(await database.OutboxAsync());
        Assert.Equal((OutboxTesting.DepartmentAddress, OutboxTesting.DepartmentName), (message.From.Mailboxes.Single().Address, message.From.Mailboxes.Single().Name));
        Assert.Equal(("ona.jonaitiene@example.lt", "Ona Jonaitienė"), (message.To.Mailboxes.Single().Address, message.To.Mailboxes.Single().Name));
        Assert.Equal(["ona.jonaitiene@example.lt"], received.RcptTo);
        Assert.Equal(Subject, message.Subject);
        // The subject travels as RFC 2047 UTF-8 words, never as raw 8-bit bytes in the header.
        var subjectHeader = received.Raw.Split("\r\n").Single(line => line.StartsWith("Subject:", StringComparison.Ordinal));
        Assert.Contains("=?utf-8?", subjectHeader, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ą", subjectHeader);
        Assert.Equal(ClientMessageId, message.InReplyTo);
        Assert.Equal([EarlierMessageId, ClientMessageId], message.References.ToList());
        Assert.Equal(queued.MessageId, message.MessageId);
        Assert.Null(message.Headers[HeaderId.AutoSubmitted]);
        Assert.Equal("utf-8", Assert.IsType<TextPart>(message.Body).ContentType.Charset, ignoreCase: true);

        var text = message.TextBody!.Replace("\r\n", "\n");
        var (written, quote) = (text[..text.IndexOf("\n\n2026-", StringComparison.Ordinal)], text[(text.IndexOf("\n\n2026-", StringComparison.Ordinal) + 2)..]);
        Assert.Equal(Answer + "\n\n-- \nAsta Petrauskienė\nSocialinė darbuotoja\nSocialinių paslaugų poskyris\nTel. +370 315 56 662", written);
        // Received 09:30 Vilnius (UTC+2); the quote is her message and nothing else.
        Assert.Equal("2026-03-02 09:30, Ona Jonaitienė <ona.jonaitiene@example.lt> rašė:\n"
            + "> Laba diena,\n> norėčiau sužinoti, kokių dokumentų reikia pagalbai į namus gauti.\n>\n> Ona", quote.TrimEnd('\n'));

        var email = await database.Send(new GetEmail(id), asta);
        Assert.Equal((EmailStatus.Answered, (DateTime?)Now), (email.Status, email.RepliedAtUtc));
    }

    [Fact]
    public async Task Refused_for_now_then_accepted_is_one_delivery_and_the_clock_stops_when_the_server_accepted()
    {
        var id = await EmailFromOnaAsync();
        await ReplyAsync(id);
        var pressed = Now;
        await using var sink = await SmtpSink.StartAsync();
        var sender = database.Sender(OutboxTesting.SmtpSettings(sink));
        sink.RefuseNext(1, 451, "4.3.0 Mailbox busy, try again later");

        database.Clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));

        var waiting = Assert.Single(await database.OutboxAsync());
        Assert.Equal((OutboxStatus.Pending, 1, "451 4.3.0 Mailbox busy, try again later", (DateTime?)Now.AddMinutes(1)),
            (waiting.Status, waiting.Attempts, waiting.LastError, waiting.NextAttemptAtUtc));
        Assert.Equal((EmailStatus.ReplySending, ClockState.Running), ((await database.Send(new GetEmail(id), asta)).Status, (await ReplyClockAsync(id)).State));
        Assert.Equal(OutboxStatus.Pending, (await database.Send(new GetReplyDelivery(id), asta))!.Status);
        // Not due yet: nothing is tried before the back-off has passed.
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));
        Assert.Empty(sink.Messages);

        database.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await sender.SendDueAsync(CancellationToken.None));
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));

        Assert.Single(sink.Messages);
        var clock = await ReplyClockAsync(id);
        Assert.Equal((ClockState.Met, (DateTime?)Now), (clock.State, clock.StoppedAtUtc));
        Assert.True(Now > pressed);
        var email = await database.Send(new GetEmail(id), asta);
        Assert.Equal((EmailStatus.Answered, (DateTime?)Now), (email.Status, email.RepliedAtUtc));
        var sent = Assert.Single(await database.OutboxAsync());
        Assert.Equal((OutboxStatus.Sent, 2, (DateTime?)Now), (sent.Status, sent.Attempts, sent.SentAtUtc));
    }

    [Fact]
    public async Task A_permanent_refusal_fails_at_once_shows_on_the_writers_work_with_the_servers_reason_and_trying_again_delivers()
    {
        using var _ = UiCulture.Use("en");
        var id = await EmailFromOnaAsync();
        await ReplyAsync(id);
        await using var sink = await SmtpSink.StartAsync();
        var sender = database.Sender(OutboxTesting.SmtpSettings(sink));
        sink.RefuseNext(1, 550, "5.1.1 No such mailbox here");

        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));

        var failed = Assert.Single(await database.OutboxAsync());
        Assert.Equal((OutboxStatus.Failed, 1, (DateTime?)null), (failed.Status, failed.Attempts, failed.NextAttemptAtUtc));
        var work = await database.Send(new GetMyWork(), asta);
        var item = Assert.Single(work, i => i.Kind == WorkKind.ReplyFailed);
        Assert.Equal((id, "Pagalba į namus", "550 5.1.1 No such mailbox here"), (item.Id, item.Title, item.Detail));
        Assert.DoesNotContain(work, i => i.Kind == WorkKind.EmailReply);
        var email = await database.Send(new GetEmail(id), asta);
        Assert.Equal((EmailStatus.ReplySending, (DateTime?)null), (email.Status, email.RepliedAtUtc));
        Assert.Equal(ClockState.Running, (await ReplyClockAsync(id)).State);
        Assert.Equal((OutboxStatus.Failed, "550 5.1.1 No such mailbox here"), (await database.Send(new GetReplyDelivery(id), asta)) is { } d ? (d.Status, d.LastError) : default);
        // Another hour changes nothing: a permanent refusal is not retried by itself.
        database.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));

        await database.Send(new ResendEmailReply(id, email.Version), asta);
        Assert.Equal(1, await sender.SendDueAsync(CancellationToken.None));

        var delivered = Assert.Single(sink.Messages);
        Assert.Equal(failed.MessageId, delivered.Message.MessageId);
        Assert.Equal(EmailStatus.Answered, (await database.Send(new GetEmail(id), asta)).Status);
        Assert.DoesNotContain(await database.Send(new GetMyWork(), asta), i => i.Kind == WorkKind.ReplyFailed);
        var audit = await database.AuditEntriesAsync();
        Assert.Contains(audit, a => a is { Action: nameof(ResendEmailReply), Kind: AuditKind.Change } && a.UserId == asta.UserId);
        Assert.Contains(audit, a => a is { Action: nameof(RecordMailFailure), Kind: AuditKind.Change } && a.UserId == Caller.System.UserId);
        Assert.Contains(audit, a => a is { Action: nameof(RecordMailAccepted), Kind: AuditKind.Change } && a.UserId == Caller.System.UserId);
    }

    [Fact]
    public async Task A_reply_that_is_not_failed_cannot_be_tried_again_and_a_reply_on_its_way_cannot_be_written_twice()
    {
        using var _ = UiCulture.Use("en");
        var id = await EmailFromOnaAsync();
        await ReplyAsync(id);
        var email = await database.Send(new GetEmail(id), asta);

        var again = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new ResendEmailReply(id, email.Version), asta));
        var twice = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new ReplyToEmail(id, email.Version, "Re: x", "Kitas atsakymas."), asta));

        Assert.Equal("The reply cannot be tried again, because it has not failed.", again.Because);
        Assert.StartsWith("A reply to this e-mail is already on its way", twice.Because);
        Assert.Single(await database.OutboxAsync());
    }

    [Fact]
    public async Task The_outbox_row_is_written_with_the_reply_or_not_at_all()
    {
        var id = await EmailFromOnaAsync();
        var stale = (await database.Send(new GetEmail(id), asta)).Version;
        await database.Send(new AssignEmail(id, stale, asta.UserId), reception);

        await Assert.ThrowsAsync<DomainRefusalException>(() => ReplyAsync(id, "Ačiū.\n> Laba diena,\n> norėčiau sužinoti"));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => database.Send(new ReplyToEmail(id, stale, Subject, Answer), asta));
        Assert.Empty(await database.OutboxAsync());
        Assert.Empty(await database.ContactsAsync());

        var contactId = await ReplyAsync(id);

        var queued = Assert.Single(await database.OutboxAsync());
        var contact = Assert.Single(await database.ContactsAsync());
        Assert.Equal((contactId, "EmailEnquiry", id, asta.UserId, Now), (contact.Id, queued.SourceKind, queued.SourceId, queued.CreatedByUserId, queued.CreatedAtUtc));
    }

    [Fact]
    public async Task Without_a_mail_server_the_reply_is_written_to_the_pickup_folder_as_a_parseable_eml_and_counts_as_sent()
    {
        var id = await EmailFromOnaAsync();
        await ReplyAsync(id);
        var folder = Path.Combine(Path.GetTempPath(), "casedesk-tests", "pickup-" + Guid.NewGuid().ToString("N"));
        var settings = new MailSettings { From = OutboxTesting.DepartmentAddress, FromName = OutboxTesting.DepartmentName, PickupFolder = folder };
        Assert.True(settings.UsesPickupFolder);
        try
        {
            Assert.Equal(1, await database.Sender(settings).SendDueAsync(CancellationToken.None));

            var file = Assert.Single(Directory.GetFiles(folder));
            var queued = Assert.Single(await database.OutboxAsync());
            Assert.Equal(OutboxPickupFolder.FileName(queued.MessageId), Path.GetFileName(file));
            var message = await MimeMessage.LoadAsync(file);
            Assert.Equal((Subject, queued.MessageId, ClientMessageId), (message.Subject, message.MessageId, message.InReplyTo));
            Assert.StartsWith(Answer, message.TextBody);
            Assert.Contains("> norėčiau sužinoti, kokių dokumentų reikia pagalbai į namus gauti.", message.TextBody);
            Assert.Equal((OutboxStatus.Sent, EmailStatus.Answered), (queued.Status, (await database.Send(new GetEmail(id), asta)).Status));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Two_app_nodes_running_the_sender_at_once_deliver_a_reply_once()
    {
        var id = await EmailFromOnaAsync();
        await ReplyAsync(id);
        await using var sink = await SmtpSink.StartAsync();
        var settings = OutboxTesting.SmtpSettings(sink);
        // Each sender has its own ClusterWork and node id, as two processes would; both start (and ask for the lease) at once.
        var nodes = new[] { database.Sender(settings), database.Sender(settings) };

        await Task.WhenAll(nodes.Select(node => node.StartAsync(CancellationToken.None)));
        await Eventually.WaitForAsync(async () =>
            Assert.Equal(EmailStatus.Answered, (await database.Send(new GetEmail(id), asta)).Status));
        await Task.WhenAll(nodes.Select(node => node.StopAsync(CancellationToken.None)));

        Assert.Single(sink.Messages);
        Assert.Equal(1, Assert.Single(await database.OutboxAsync()).Attempts);
        Assert.Single(await database.ReadAsync(db => db.Leases.AsNoTracking().Where(l => l.Name == OutboxSender.LeaseName).ToListAsync()));
    }

    [Fact]
    public async Task The_password_reaches_the_server_and_never_the_logs_the_outbox_or_the_audit_trail()
    {
        const string password = "Slaptažodis-7Q!x";
        const string wrong = "Neteisingas-9Z!y";
        var id = await EmailFromOnaAsync();
        await ReplyAsync(id);
        await using var sink = await SmtpSink.StartAsync(("casedesk", password));
        var logs = new CapturedLogs();

        Assert.Equal(0, await database.Sender(OutboxTesting.SmtpSettings(sink, "casedesk", wrong), logs.Factory()).SendDueAsync(CancellationToken.None));
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await database.Sender(OutboxTesting.SmtpSettings(sink, "casedesk", password), logs.Factory()).SendDueAsync(CancellationToken.None));

        // MailKit may try more than one mechanism with the wrong password; the right one signs in once, last.
        var logins = sink.Logins.ToList();
        Assert.Equal(("casedesk", true), logins[^1]);
        Assert.All(logins[..^1], login => Assert.Equal(("casedesk", false), login));
        var sent = Assert.Single(await database.OutboxAsync());
        Assert.StartsWith("The mail server refused CaseDesk's sign-in", sent.LastError);
        Assert.Contains("not accepted", logs.All);
        Assert.DoesNotContain("ona.jonaitiene", logs.All);
        var audit = JsonSerializer.Serialize(await database.AuditEntriesAsync());
        foreach (var secret in new[] { password, wrong })
        {
            Assert.DoesNotContain(secret, logs.All);
            Assert.DoesNotContain(secret, sent.LastError);
            Assert.DoesNotContain(secret, audit);
        }
    }
}
