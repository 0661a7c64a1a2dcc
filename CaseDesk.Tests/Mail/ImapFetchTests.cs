using CaseDesk.App.Mail;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Emails;
using CaseDesk.Domain.Emails.Intake;
using MailKit;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using Xunit.Abstractions;

namespace CaseDesk.Tests.Mail;

/// <summary>
/// Incoming mail against a real Dovecot (<see cref="DovecotServer"/>, TLS with a pinned self-signed certificate) and a real
/// database: each message becomes one e-mail enquiry, through restarts, killed fetches and two fetchers at once.
/// </summary>
public sealed class ImapFetchTests(ITestOutputHelper output)
{
    public static MimeMessage Message(string from, string subject, string body, string? messageId = null, DateTimeOffset? date = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("socialine.parama@example.lt"));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        message.MessageId = messageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId("client.example");
        message.Date = date ?? DateTimeOffset.UtcNow;
        return message;
    }

    [SkippableFact]
    public async Task A_message_becomes_one_enquiry_clocked_from_its_arrival_and_stays_on_the_server()
    {
        await using var server = await DovecotServer.StartAsync();
        await using var rig = await ImapTestRig.CreateAsync();
        var arrived = DateTimeOffset.UtcNow.AddMinutes(-10);
        var message = Message("\"Ona Jonaitienė\" <ona@example.lt>", "Dėl pašalpos", "Laba diena, kada gausiu atsakymą?", "abc-1@client.example",
            date: DateTimeOffset.UtcNow.AddDays(-3));
        message.References.Add("earlier-1@client.example");
        await server.AppendAsync(message, arrived);

        var box = server.Mailbox();
        var first = await rig.Fetcher.FetchAsync(box, CancellationToken.None);
        var again = await rig.Fetcher.FetchAsync(box, CancellationToken.None);

        Assert.Equal(1, first.Registered);
        Assert.Equal(0, again.Seen);
        var email = await rig.Db.ReadAsync(db => db.EmailEnquiries.AsNoTracking().SingleAsync());
        Assert.Equal("ona@example.lt", email.FromAddress);
        Assert.Equal("Ona Jonaitienė", email.FromName);
        Assert.Equal("Dėl pašalpos", email.Subject);
        Assert.Equal("Laba diena, kada gausiu atsakymą?", email.Body);
        Assert.Equal(EmailStatus.Unmatched, email.Status);
        Assert.Equal(("skyrius", "abc-1@client.example", "earlier-1@client.example"), (email.Mailbox, email.MessageId, email.ThreadReferences));
        // The clock starts when the department's server received it (INTERNALDATE), not at the sender's Date three days earlier.
        Assert.Equal(arrived.UtcDateTime, email.ReceivedAtUtc, TimeSpan.FromSeconds(1));
        var clock = await rig.Db.ReadAsync(db => db.ResponseClocks.AsNoTracking().SingleAsync(c => c.SubjectId == email.Id));
        Assert.Equal(arrived.UtcDateTime, clock.StartedAtUtc, TimeSpan.FromSeconds(1));
        var audit = await rig.Db.AuditEntriesAsync();
        Assert.Contains(audit, a => a.Action == nameof(TakeInMail) && a.UserId == Caller.System.UserId && a.Fields!.Contains("EmailEnquiry"));
        // Nothing moved, deleted or marked on the server.
        using var client = await server.ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        Assert.Equal(1, client.Inbox.Count);
        var flags = await client.Inbox.FetchAsync(0, -1, MessageSummaryItems.Flags);
        Assert.False(flags.Single().Flags!.Value.HasFlag(MessageFlags.Seen));
    }

    [SkippableFact]
    public async Task A_fetch_killed_midway_and_restarted_registers_each_message_exactly_once()
    {
        await using var server = await DovecotServer.StartAsync();
        await using var rig = await ImapTestRig.CreateAsync();
        await server.AppendAsync(Enumerable.Range(1, 60).Select(i => Message($"client{i}@example.lt", $"Klausimas {i}", $"Tekstas {i}")));
        var box = server.Mailbox(batchSize: 10);

        // The process dies inside the third batch's transaction: two batches are in, the third is not.
        var dying = new FetcherThatDies(rig.Db.Services.GetRequiredService<ICaseDeskSender>(), dieOnBatch: 3);
        var killed = new ImapFetcher(dying, rig.Db.Services.GetRequiredService<TimeProvider>(), rig.Db.Services.GetRequiredService<ILogger<ImapFetcher>>());
        await Assert.ThrowsAsync<ProcessKilled>(() => killed.FetchAsync(box, CancellationToken.None));
        Assert.Equal(20, await rig.Db.ReadAsync(db => db.EmailEnquiries.CountAsync()));

        // A fetch cancelled (node shutting down) after its fourth batch.
        using var stop = new CancellationTokenSource();
        var stopping = new FetcherThatDies(rig.Db.Services.GetRequiredService<ICaseDeskSender>(), dieOnBatch: int.MaxValue, afterBatch: 2, stop);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ImapFetcher(stopping, rig.Db.Services.GetRequiredService<TimeProvider>(), rig.Db.Services.GetRequiredService<ILogger<ImapFetcher>>())
            .FetchAsync(box, stop.Token));
        Assert.Equal(40, await rig.Db.ReadAsync(db => db.EmailEnquiries.CountAsync()));

        // The cursor lost altogether (a restored backup, a renumbered folder): the Message-Ids still keep each message once.
        await rig.Db.ReadAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"MailboxCursors\" SET \"LastUid\" = 5"));
        var restarted = await rig.Fetcher.FetchAsync(box, CancellationToken.None);

        Assert.Equal(20, restarted.Registered);
        Assert.Equal(35, restarted.AlreadyTaken);
        var subjects = await rig.Db.ReadAsync(db => db.EmailEnquiries.Select(e => e.Subject).ToListAsync());
        Assert.Equal(60, subjects.Count);
        Assert.Equal(60, subjects.Distinct().Count());
        Assert.Equal(60, await rig.Db.ReadAsync(db => db.ResponseClocks.CountAsync()));
    }

    [SkippableFact]
    public async Task Two_fetchers_at_once_register_each_message_once_and_two_nodes_share_one_lease()
    {
        await using var server = await DovecotServer.StartAsync();
        await using var rig = await ImapTestRig.CreateAsync();
        await server.AppendAsync(Enumerable.Range(1, 150).Select(i => Message($"c{i}@example.lt", $"Tema {i}", $"Tekstas {i}")));
        var box = server.Mailbox(batchSize: 7);

        // Two fetchers racing without the lease (a lease that expired under a slow node): the database keeps each message once.
        var reports = await Task.WhenAll(rig.Fetcher.FetchAsync(box, CancellationToken.None), rig.Fetcher.FetchAsync(box, CancellationToken.None));
        output.WriteLine(string.Join("; ", reports.Select(r => r.ToString())));
        Assert.Equal(150, reports.Sum(r => r.Registered));
        var ids = await rig.Db.ReadAsync(db => db.EmailEnquiries.Select(e => e.MessageId).ToListAsync());
        Assert.Equal(150, ids.Distinct().Count());
        Assert.Equal(150, ids.Count);

        // Two nodes asking at the same moment: one takes the mailbox's lease and fetches, the other does not.
        await server.AppendAsync(Message("naujas@example.lt", "Naujas", "Naujas laiškas"));
        var ran = await Task.WhenAll(rig.Node(box).RunIfDueAsync(box, CancellationToken.None), rig.Node(box).RunIfDueAsync(box, CancellationToken.None));
        Assert.Single(ran, r => r);
        Assert.Equal(151, await rig.Db.ReadAsync(db => db.EmailEnquiries.CountAsync()));
    }

    [SkippableFact]
    public async Task The_sender_is_matched_to_the_one_client_with_that_address_and_only_then()
    {
        await using var server = await DovecotServer.StartAsync();
        await using var rig = await ImapTestRig.CreateAsync();
        var caseworker = await rig.Db.CreateCallerAsync(Roles.Caseworker);
        async Task<Guid> Client(string first, string email) => await rig.Db.Send(new RegisterClient(first, "Petraitis", null, null, null, email, null, [],
            ClientLanguage.Lithuanian, null, null, false, null, [], ConfirmedNotDuplicate: true), caseworker);
        var petras = await Client("Petras", "Petras.Petraitis@Example.lt");
        await Client("Jonas", "bendras@example.lt");
        await Client("Ieva", "bendras@example.lt");

        await server.AppendAsync(Message("petras.petraitis@example.LT", "Vienas", "Laiškas nuo žinomo kliento"));
        await server.AppendAsync(Message("bendras@example.lt", "Du", "Adresas, kurį turi du klientai"));
        await server.AppendAsync(Message("nezinomas@example.lt", "Trys", "Nežinomas siuntėjas"));
        await rig.Fetcher.FetchAsync(server.Mailbox(), CancellationToken.None);

        var emails = await rig.Db.ReadAsync(db => db.EmailEnquiries.AsNoTracking().ToDictionaryAsync(e => e.Subject, e => (e.ClientId, e.Status)));
        Assert.Equal((petras, EmailStatus.Open), emails["Vienas"]);
        Assert.Equal((null, EmailStatus.Unmatched), emails["Du"]);
        Assert.Equal((null, EmailStatus.Unmatched), emails["Trys"]);
        var clock = await rig.Db.ReadAsync(db => db.ResponseClocks.AsNoTracking().SingleAsync(c => c.ClientId == petras));
        Assert.NotNull(clock);
    }

    [SkippableFact]
    public async Task A_renumbered_folder_is_read_again_without_registering_twice_and_mark_seen_only_when_asked()
    {
        await using var server = await DovecotServer.StartAsync();
        await using var rig = await ImapTestRig.CreateAsync();
        await server.AppendAsync(Enumerable.Range(1, 5).Select(i => Message($"c{i}@example.lt", $"Tema {i}", $"Tekstas {i}")));
        var box = server.Mailbox();
        await rig.Fetcher.FetchAsync(box, CancellationToken.None);
        var before = (await rig.Db.Send(new GetIncomingMailStatus(), Caller.System)).Single();

        // The server says its UIDs were renumbered (UIDVALIDITY differs from the stored one): read from the start, skip by Message-Id.
        await rig.Db.ReadAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"MailboxCursors\" SET \"UidValidity\" = 4242"));
        box.MarkSeen = true;
        var again = await rig.Fetcher.FetchAsync(box, CancellationToken.None);

        Assert.Equal((0, 5), (again.Registered, again.AlreadyTaken));
        Assert.Equal(5, await rig.Db.ReadAsync(db => db.EmailEnquiries.CountAsync()));
        var after = (await rig.Db.Send(new GetIncomingMailStatus(), Caller.System)).Single();
        Assert.Equal((before.UidValidity, 5L), (after.UidValidity, after.LastUid));
        using var client = await server.ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var flags = await client.Inbox.FetchAsync(0, -1, MessageSummaryItems.Flags);
        Assert.Equal(5, flags.Count(f => f.Flags!.Value.HasFlag(MessageFlags.Seen)));
    }

    [Fact]
    public void A_message_without_a_message_id_gets_a_stable_one_from_its_place_in_the_mailbox()
    {
        var first = ImapMessageReader.MessageIdOf(null, "skyrius", 7, 42);

        Assert.Equal(first, ImapMessageReader.MessageIdOf("  ", "skyrius", 7, 42));
        Assert.NotEqual(first, ImapMessageReader.MessageIdOf(null, "skyrius", 7, 43));
        Assert.NotEqual(first, ImapMessageReader.MessageIdOf(null, "kitas", 7, 42));
        Assert.NotEqual(first, ImapMessageReader.MessageIdOf(null, "skyrius", 8, 42));
        Assert.Equal("abc@x", ImapMessageReader.MessageIdOf("<abc@x>", "skyrius", 7, 42));
        Assert.EndsWith("@casedesk.invalid", ImapMessageReader.MessageIdOf(new string('a', 600), "skyrius", 7, 42));
    }

    [SkippableFact]
    public async Task A_message_the_registration_refuses_is_set_aside_and_the_rest_of_its_batch_registered()
    {
        await using var server = await DovecotServer.StartAsync();
        await using var rig = await ImapTestRig.CreateAsync();
        await server.AppendAsync(new[] { "Pirmas", "Atmesti", "Trečias" }.Select(subject => Message("c@example.lt", subject, $"Tekstas {subject}")));
        var refusing = new RefusingSender(rig.Db.Services.GetRequiredService<ICaseDeskSender>(), refuseSubject: "Atmesti");
        var fetcher = new ImapFetcher(refusing, rig.Db.Services.GetRequiredService<TimeProvider>(), rig.Db.Services.GetRequiredService<ILogger<ImapFetcher>>());

        var report = await fetcher.FetchAsync(server.Mailbox(), CancellationToken.None);

        Assert.Equal((2, 1), (report.Registered, report.SetAside));
        Assert.Equal(["Pirmas", "Trečias"], await rig.Db.ReadAsync(db => db.EmailEnquiries.OrderBy(e => e.Subject).Select(e => e.Subject).ToListAsync()));
        var aside = await rig.Db.ReadAsync(db => db.Set<SetAsideMail>().AsNoTracking().SingleAsync());
        Assert.Equal((SetAsideReason.Refused, "Atmesti"), (aside.Reason, aside.Subject));
        Assert.Contains("Subject: Atmesti", System.Text.Encoding.UTF8.GetString(aside.Raw));
        Assert.Equal(3L, (await rig.Db.Send(new GetIncomingMailStatus(), Caller.System)).Single().LastUid);
    }

    /// <summary>The real sender, except that a batch holding a message with the given subject is refused as a validator would refuse it.</summary>
    private sealed class RefusingSender(ICaseDeskSender inner, string refuseSubject) : ICaseDeskSender
    {
        public Task<TResult> Send<TResult>(IRequest<TResult> request, Caller caller, CancellationToken cancellationToken = default) =>
            request is TakeInMail take && take.Messages.Any(m => m.Subject == refuseSubject)
                ? throw new RequestValidationException(new Dictionary<string, string[]> { ["Messages[0].Subject"] = ["Refused for the test."] })
                : inner.Send(request, caller, cancellationToken);
    }

    private sealed class ProcessKilled() : Exception("The node died here.");

    /// <summary>The real sender, except that the node "dies" inside the n-th batch (before its transaction commits) or is stopped after one.</summary>
    private sealed class FetcherThatDies(ICaseDeskSender inner, int dieOnBatch, int afterBatch = int.MaxValue, CancellationTokenSource? stop = null) : ICaseDeskSender
    {
        private int batches;

        public async Task<TResult> Send<TResult>(IRequest<TResult> request, Caller caller, CancellationToken cancellationToken = default)
        {
            if (request is TakeInMail && ++batches == dieOnBatch)
                throw new ProcessKilled();
            var result = await inner.Send(request, caller, cancellationToken);
            if (request is TakeInMail && batches == afterBatch)
                await stop!.CancelAsync();
            return result;
        }
    }
}
