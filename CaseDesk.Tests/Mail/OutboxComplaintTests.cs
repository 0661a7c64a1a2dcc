using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Mail;
using CaseDesk.Domain.Privacy;
using CaseDesk.Domain.Work;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.PhoneMessages;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace CaseDesk.Tests.Mail;

/// <summary>
/// A complaint's acknowledgement and outcome sent to the client by e-mail, through the outbox and the app's real sender to a real
/// SMTP server (<see cref="SmtpSink"/>): what arrives, when the step's clock stops, what a refusal shows and what trying again does.
/// </summary>
public sealed class OutboxComplaintTests : IAsyncLifetime
{
    private const string Acknowledgement = "Laba diena, gavome Jūsų skundą ir atsiprašome, kad niekas neperskambino. Atsakysime per 10 darbo dienų.";
    private const string ComplaintText = "VIDINĖ PASTABA: darbuotoja Rūta pamiršo perskambinti";

    private TestDatabase database = default!;
    private Caller reception = default!;
    private Caller officer = default!;
    private Caller caseworker = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        reception = await database.CreateUserAsync("rasa", Roles.Reception);
        caseworker = await database.CreateUserAsync("asta", Roles.Caseworker);
        officer = await database.CreateUserAsync("darius", Roles.QualityOfficer);
        await database.GiveSignatureAsync(officer, "Darius", "Žukauskas", "Kokybės specialistas", "+370 315 56 600");
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private DateTime Now => database.Clock.UtcDateTime;

    /// <summary>A complaint of Ona, a registered client whose e-mail address is on her card.</summary>
    private async Task<Guid> ComplaintOfOnaAsync(string? email = "ona.jonaitiene@example.lt")
    {
        var clientId = await database.RegisterAsync(reception, "Ona", "Jonaitienė");
        await using (var db = database.OpenDb())
        {
            (await db.Clients.SingleAsync(c => c.Id == clientId)).Email = email;
            await db.SaveChangesAsync();
        }
        return await database.Send(ComplaintWork.Feedback(Now.AddHours(-1), clientId: clientId, text: ComplaintText), reception);
    }

    private Task<ResponseClock> ClockAsync(Guid id, ClockKind kind) =>
        database.ReadAsync(db => db.ResponseClocks.AsNoTracking().SingleAsync(c => c.SubjectId == id && c.Kind == kind));

    private async Task<Guid> AcknowledgeByEmailAsync(Guid id) =>
        await database.Send(new AcknowledgeComplaint(id, (await database.GetAsync(id, officer)).Version, true, Acknowledgement, SendByEmail: true), officer);

    [Fact]
    public async Task An_acknowledgement_by_email_arrives_in_utf8_signed_with_only_the_officers_text_and_its_clock_stops_when_the_server_accepted()
    {
        var id = await ComplaintOfOnaAsync();
        await AcknowledgeByEmailAsync(id);
        var number = (await database.GetAsync(id, officer)).Number;

        // Queued, not sent: the acknowledgement clock still runs.
        Assert.Equal(ClockState.Running, (await ClockAsync(id, ClockKind.ComplaintAcknowledged)).State);
        Assert.Equal(ComplaintStage.Acknowledged, (await database.GetAsync(id, officer)).Stage);

        await using var sink = await SmtpSink.StartAsync();
        var sender = database.Sender(OutboxTesting.SmtpSettings(sink));
        sink.RefuseNext(1, 451, "4.3.0 Mailbox busy, try again later");
        database.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));
        Assert.Equal(ClockState.Running, (await ClockAsync(id, ClockKind.ComplaintAcknowledged)).State);

        database.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await sender.SendDueAsync(CancellationToken.None));

        var received = Assert.Single(sink.Messages);
        var message = received.Message;
        Assert.Equal(["ona.jonaitiene@example.lt"], received.RcptTo);
        Assert.Equal(("ona.jonaitiene@example.lt", "Ona Jonaitienė"), (message.To.Mailboxes.Single().Address, message.To.Mailboxes.Single().Name));
        Assert.Equal($"Jūsų skundas Nr. {number} gautas", message.Subject);
        var subjectHeader = received.Raw.Split("\r\n").Single(line => line.StartsWith("Subject:", StringComparison.Ordinal));
        Assert.Contains("=?utf-8?", subjectHeader, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ū", subjectHeader);
        Assert.Equal("utf-8", Assert.IsType<TextPart>(message.Body).ContentType.Charset, ignoreCase: true);
        Assert.Equal(Acknowledgement + "\n\n-- \nDarius Žukauskas\nKokybės specialistas\nSocialinių paslaugų poskyris\nTel. +370 315 56 600",
            message.TextBody!.Replace("\r\n", "\n").TrimEnd('\n'));
        Assert.DoesNotContain("VIDINĖ", message.TextBody);
        Assert.DoesNotContain("Rūta", received.Raw);

        var clock = await ClockAsync(id, ClockKind.ComplaintAcknowledged);
        Assert.Equal((ClockState.Met, (DateTime?)Now), (clock.State, clock.StoppedAtUtc));
        var sent = Assert.Single(await database.OutboxAsync());
        Assert.Equal((ComplaintMail.AcknowledgementKind, id, OutboxStatus.Sent, (DateTime?)Now), (sent.SourceKind, sent.SourceId, sent.Status, sent.SentAtUtc));
        // The resolution clock is the outcome's, not touched by the acknowledgement.
        Assert.Equal(ClockState.Running, (await ClockAsync(id, ClockKind.ComplaintResolved)).State);
    }

    [Fact]
    public async Task A_permanent_refusal_shows_on_the_officers_work_with_the_servers_reason_and_trying_again_delivers_once()
    {
        var id = await ComplaintOfOnaAsync();
        await AcknowledgeByEmailAsync(id);
        await using var sink = await SmtpSink.StartAsync();
        var sender = database.Sender(OutboxTesting.SmtpSettings(sink));
        sink.RefuseNext(1, 550, "5.1.1 No such mailbox here");

        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));

        var failed = Assert.Single(await database.OutboxAsync());
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        var item = Assert.Single(await database.Send(new GetMyWork(), officer), i => i.Kind == WorkKind.ComplaintMessageFailed);
        Assert.Equal((failed.Id, (Guid?)id, "550 5.1.1 No such mailbox here"), (item.Id, item.ComplaintId, item.Detail));
        Assert.DoesNotContain(await database.Send(new GetMyWork(), caseworker), i => i.Kind == WorkKind.ComplaintMessageFailed);
        Assert.Equal(ClockState.Running, (await ClockAsync(id, ClockKind.ComplaintAcknowledged)).State);
        database.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));

        await database.Send(new ResendComplaintMessage(failed.Id), officer);
        Assert.Equal(1, await sender.SendDueAsync(CancellationToken.None));
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));

        var delivered = Assert.Single(sink.Messages);
        Assert.Equal(failed.MessageId, delivered.Message.MessageId);
        Assert.DoesNotContain(await database.Send(new GetMyWork(), officer), i => i.Kind == WorkKind.ComplaintMessageFailed);
        var clock = await ClockAsync(id, ClockKind.ComplaintAcknowledged);
        Assert.Equal((ClockState.Met, (DateTime?)Now), (clock.State, clock.StoppedAtUtc));
        var again = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new ResendComplaintMessage(failed.Id), officer));
        Assert.Contains("because it has not failed", again.Because);
        Assert.Contains(await database.AuditEntriesAsync(), a => a is { Action: nameof(ResendComplaintMessage), Kind: AuditKind.Change } && a.UserId == officer.UserId);
    }

    [Fact]
    public async Task The_outcome_by_email_carries_only_what_was_done_and_stops_the_resolution_clock_at_acceptance()
    {
        var id = await ComplaintOfOnaAsync();
        var v = await database.TakeToAsync(id, ComplaintStage.ActionsVerified, officer, caseworker);
        var number = (await database.GetAsync(id, officer)).Number;

        await database.Send(new InformComplainant(id, v, "Atsiprašėme; pranešimai dabar registruojami sistemoje.", "", SendByEmail: true), officer);
        Assert.Equal(ClockState.Running, (await ClockAsync(id, ClockKind.ComplaintResolved)).State);
        var c = await database.GetAsync(id, officer);
        Assert.Equal((ComplaintStage.ClientInformed, ComplaintMail.ByEmail), (c.Stage, c.ClientInformedHow));

        await using var sink = await SmtpSink.StartAsync();
        database.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await database.Sender(OutboxTesting.SmtpSettings(sink)).SendDueAsync(CancellationToken.None));

        var message = Assert.Single(sink.Messages).Message;
        Assert.Equal($"Jūsų skundas Nr. {number}: ką nusprendėme ir padarėme", message.Subject);
        var text = message.TextBody!.Replace("\r\n", "\n");
        Assert.StartsWith("Atsiprašėme; pranešimai dabar registruojami sistemoje.\n\n-- \nDarius Žukauskas", text);
        // Never the root cause, the action or its owner, the facts or the complaint's own text.
        foreach (var internalText in new[] { "routing", "Žodinis perdavimas", "Pranešimus perduoti raštu", "asta", "Pranešimas kolegai", "VIDINĖ" })
            Assert.DoesNotContain(internalText, text);
        var clock = await ClockAsync(id, ClockKind.ComplaintResolved);
        Assert.Equal((ClockState.Met, (DateTime?)Now), (clock.State, clock.StoppedAtUtc));
    }

    [Fact]
    public async Task Without_a_known_address_sending_by_email_is_refused_at_the_field_and_other_ways_work_as_before()
    {
        using var _ = UiCulture.Use("en");
        var id = await ComplaintOfOnaAsync(email: null);
        var v = (await database.GetAsync(id, officer)).Version;

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            database.Send(new AcknowledgeComplaint(id, v, true, Acknowledgement, SendByEmail: true), officer));
        Assert.Equal(["It cannot be sent by e-mail, because no e-mail address of the client is known."], refused.Errors[nameof(AcknowledgeComplaint.SendByEmail)]);
        Assert.Empty(await database.OutboxAsync());
        Assert.Equal(ComplaintStage.Registered, (await database.GetAsync(id, officer)).Stage);

        await database.Send(new AcknowledgeComplaint(id, v, true, Acknowledgement), officer);
        Assert.Equal((ClockState.Met, (DateTime?)Now), (await ClockAsync(id, ClockKind.ComplaintAcknowledged)) is { } k ? (k.State, k.StoppedAtUtc) : default);
        Assert.Empty(await database.OutboxAsync());

        // Contact details that are an e-mail address are enough for an anonymous-to-the-register complaint.
        var byContact = await database.RegisterFeedbackAsync(reception, contactDetails: "petras@example.lt");
        await database.Send(new AcknowledgeComplaint(byContact, (await database.GetAsync(byContact, officer)).Version, false, "Gavome, ačiū.", SendByEmail: true), officer);
        Assert.Equal("petras@example.lt", Assert.Single(await database.OutboxAsync()).ToAddress);
    }

    [Fact]
    public async Task An_officer_without_a_complete_signature_is_refused_saying_what_is_missing()
    {
        using var _ = UiCulture.Use("en");
        var id = await ComplaintOfOnaAsync();
        var head = await database.CreateUserAsync("vida", Roles.Head);

        var v = (await database.GetAsync(id, officer)).Version;

        var refused = await Assert.ThrowsAsync<DomainRefusalException>(() =>
            database.Send(new AcknowledgeComplaint(id, v, false, "Gavome.", SendByEmail: true), head));

        Assert.StartsWith("The message cannot be sent by e-mail, because your signature lacks:", refused.Because);
        Assert.Empty(await database.OutboxAsync());
        Assert.Equal(ComplaintStage.Registered, (await database.GetAsync(id, officer)).Stage);
    }

    [Fact]
    public async Task Erasing_the_client_blanks_the_complaint_emails_address_and_text_and_an_unsent_one_is_never_sent()
    {
        var id = await ComplaintOfOnaAsync();
        await AcknowledgeByEmailAsync(id);
        var clientId = (await database.GetAsync(id, officer)).ClientId!.Value;
        var head = await database.CreateUserAsync("vida", Roles.Head);

        var request = await database.Send(new RequestErasure(clientId, ErasureGround.ClientRequest, "Klientė raštu paprašė ištrinti duomenis"), caseworker);
        await database.Send(new ApproveErasure(request, await database.ReadAsync(db => db.ErasureRequests.Where(r => r.Id == request).Select(r => r.Version).SingleAsync())), head);

        var erased = Assert.Single(await database.OutboxAsync());
        Assert.Equal(("", OutboxStatus.Failed), (erased.ToAddress, erased.Status));
        Assert.DoesNotContain("atsiprašome", erased.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Jūsų skundas", erased.Subject);
        await using var sink = await SmtpSink.StartAsync();
        Assert.Equal(0, await database.Sender(OutboxTesting.SmtpSettings(sink)).SendDueAsync(CancellationToken.None));
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task A_complaint_told_by_email_closes_only_once_the_server_accepted_the_outcome()
    {
        using var _ = UiCulture.Use("en");
        var id = await ComplaintOfOnaAsync();
        var v = await database.TakeToAsync(id, ComplaintStage.ActionsVerified, officer, caseworker);
        v = await database.Send(new InformComplainant(id, v, "Atsiprašėme, tvarka pakeista.", "", SendByEmail: true), officer);

        var early = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new CloseComplaint(id, v), officer));
        Assert.Equal("The complaint cannot be closed yet, because the e-mail telling the client the outcome has not been accepted by the mail server.", early.Because);
        var queued = Assert.Single(await database.OutboxAsync());
        await database.Send(new RecordMailFailure(queued.Id, "550 5.1.1 No such mailbox here", Permanent: true, Now), Caller.System);
        var failed = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new CloseComplaint(id, v), officer));
        Assert.Contains("550 5.1.1 No such mailbox here", failed.Because);
        Assert.Equal(ComplaintStage.ClientInformed, (await database.GetAsync(id, officer)).Stage);

        await database.Send(new ResendComplaintMessage(queued.Id), officer);
        Assert.Equal(1, await database.AcceptOutboxAsync());
        await database.Send(new CloseComplaint(id, v), officer);

        Assert.Equal(ComplaintStage.Closed, (await database.GetAsync(id, officer)).Stage);
        Assert.Equal(ClockState.Met, (await ClockAsync(id, ClockKind.ComplaintResolved)).State);
    }
}
