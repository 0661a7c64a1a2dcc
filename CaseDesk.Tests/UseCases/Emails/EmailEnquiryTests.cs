using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Emails;
using CaseDesk.Domain.Work;
using CaseDesk.Tests.Mail;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.PhoneMessages;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Emails;

public sealed class EmailEnquiryTests : IAsyncLifetime
{
    private const string Incoming = "Laba diena, norėčiau sužinoti, kokių dokumentų reikia pagalbai į namus gauti ir kiek laiko trunka prašymo nagrinėjimas.";

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

    private Task<Guid> RegisterAsync(Guid? clientId = null, string? assignTo = null, Caller? by = null) =>
        database.Send(new RegisterEmail(Now.AddHours(-1), "ona.jonaitiene@example.lt", "Ona Jonaitienė", "Pagalba į namus", Incoming,
            clientId, null, assignTo), by ?? reception);

    private Task<EmailDetails> GetAsync(Guid id) => database.Send(new GetEmail(id), asta);

    [Fact]
    public async Task An_unmatched_email_given_to_a_caseworker_waits_in_her_my_work()
    {
        var id = await RegisterAsync(assignTo: asta.UserId);

        var email = await GetAsync(id);
        Assert.Equal((EmailStatus.Unmatched, "Ona Jonaitienė", "Pagalba į namus", Incoming), (email.Status, email.FromName, email.Subject, email.Body));
        Assert.Equal(("Asta Petrauskienė", "rasa Tester"), (email.AssignedTo, email.RegisteredBy));
        var item = Assert.Single(await database.Send(new GetMyWork(), asta));
        Assert.Equal((WorkKind.EmailReply, id, Now.AddHours(-1) + TimeSpan.FromDays(1)), (item.Kind, item.Id, item.DueAtUtc));
    }

    [Fact]
    public async Task An_email_registered_against_a_client_is_open()
    {
        var clientId = await database.RegisterAsync(reception, "Ona", "Jonaitienė");

        var email = await GetAsync(await RegisterAsync(clientId));

        Assert.Equal((EmailStatus.Open, (Guid?)clientId, "Ona Jonaitienė"), (email.Status, email.ClientId, email.ClientName));
    }

    [Fact]
    public async Task A_bad_address_an_empty_text_and_a_future_time_are_rejected_at_their_fields()
    {
        using var _ = UiCulture.Use("en");
        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            database.Send(new RegisterEmail(Now.AddHours(2), "ona at example", null, new string('s', 301), " "), reception));

        Assert.Equal(["This is not an e-mail address."], error.Errors[nameof(RegisterEmail.FromAddress)]);
        Assert.Equal(["Paste the text of the e-mail."], error.Errors[nameof(RegisterEmail.Body)]);
        Assert.Equal(["At most 300 characters."], error.Errors[nameof(RegisterEmail.Subject)]);
        Assert.Equal(["The time cannot be in the future."], error.Errors[nameof(RegisterEmail.ReceivedAtUtc)]);
        Assert.Equal(0, await database.ReadAsync(db => db.EmailEnquiries.CountAsync()));
    }

    [Fact]
    public async Task A_quality_officer_may_not_register_an_email()
    {
        var quality = await database.CreateUserAsync("darius", Roles.QualityOfficer);

        await Assert.ThrowsAsync<AccessDeniedException>(() => RegisterAsync(by: quality));

        Assert.Equal(0, await database.ReadAsync(db => db.EmailEnquiries.CountAsync()));
    }

    [Fact]
    public async Task Replying_to_an_unmatched_email_is_refused_because_the_reply_goes_on_the_clients_record()
    {
        using var _ = UiCulture.Use("en");
        var email = await GetAsync(await RegisterAsync());

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() =>
            database.Send(new ReplyToEmail(email.Id, email.Version, "Re: Pagalba į namus", "Laba diena, reikės prašymo ir pažymos."), asta));

        Assert.Equal("Match the e-mail to a client first, because the reply is recorded on the client's record.", refusal.Because);
        Assert.Empty(await database.ContactsAsync());
        Assert.Equal(EmailStatus.Unmatched, (await GetAsync(email.Id)).Status);
    }

    [Fact]
    public async Task A_matched_email_is_answered_with_the_section_11_signature_and_one_contact_on_touchpoint_3()
    {
        var clientId = await database.RegisterAsync(reception, "Ona", "Jonaitienė");
        var caseId = await database.OpenCaseAsync(reception, clientId);
        var id = await RegisterAsync(assignTo: asta.UserId);
        var registered = await GetAsync(id);
        var version = await database.Send(new MatchEmailToClient(id, registered.Version, clientId, caseId), asta);
        database.Clock.Advance(TimeSpan.FromHours(3));

        var contactId = await database.Send(new ReplyToEmail(id, version, "Re: Pagalba į namus", "Laba diena, reikės prašymo ir pažymos apie pajamas."), asta);

        // Queued: not answered until the mail server accepts it, and still Asta's to watch meanwhile.
        var sending = await GetAsync(id);
        Assert.Equal((EmailStatus.ReplySending, (DateTime?)null), (sending.Status, sending.RepliedAtUtc));
        Assert.Contains(await database.Send(new GetMyWork(), asta), i => i.Kind == WorkKind.EmailReply && i.Id == id);
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await database.AcceptOutboxAsync());

        var answered = await GetAsync(id);
        Assert.Equal((EmailStatus.Answered, Now, "Asta Petrauskienė"), (answered.Status, answered.RepliedAtUtc!.Value, answered.RepliedBy));
        Assert.Equal("Laba diena, reikės prašymo ir pažymos apie pajamas.", answered.ReplyBody);
        Assert.Equal("Asta Petrauskienė\nSocialinė darbuotoja\nSocialinių paslaugų poskyris\nTel. +370 315 56 662", answered.ReplySignature);
        var contact = Assert.Single(await database.ContactsAsync());
        Assert.Equal((contactId, 3, ContactChannel.EmailOut, ContactDirection.ToClient), (contact.Id, contact.Touchpoint, contact.Channel, contact.Direction));
        Assert.Equal((clientId, (Guid?)caseId, asta.UserId, "EmailEnquiry", (Guid?)id), (contact.ClientId, contact.CaseId, contact.EmployeeUserId, contact.SourceKind, contact.SourceId));
        Assert.Equal(contactId, answered.ReplyContactId);
        Assert.DoesNotContain(await database.Send(new GetMyWork(), asta), i => i.Kind == WorkKind.EmailReply);
    }

    [Theory]
    [InlineData("Ačiū, atsakome žemiau.\n> Laba diena, norėčiau sužinoti")]
    [InlineData("Ačiū.\n\n-----Original Message-----\nFrom: rasa")]
    [InlineData("Ačiū už laišką. " + Incoming)]
    public async Task A_reply_that_carries_the_thread_is_refused_and_nothing_is_recorded(string body)
    {
        using var _ = UiCulture.Use("en");
        var clientId = await database.RegisterAsync(reception, "Ona", "Jonaitienė");
        var email = await GetAsync(await RegisterAsync(clientId));

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new ReplyToEmail(email.Id, email.Version, "Re: Pagalba", body), asta));

        Assert.StartsWith("The reply cannot be sent, because it quotes earlier correspondence.", refusal.Because);
        Assert.Empty(await database.ContactsAsync());
        var stored = await GetAsync(email.Id);
        Assert.Equal((EmailStatus.Open, (string?)null), (stored.Status, stored.ReplyBody));
        Assert.Contains(await database.AuditEntriesAsync(), a => a is { Kind: AuditKind.Refused, Action: nameof(ReplyToEmail) } && a.Reason == refusal.Because);
    }

    [Fact]
    public async Task Answering_twice_is_refused_while_the_reply_is_on_its_way_and_after_it_was_answered()
    {
        using var _ = UiCulture.Use("en");
        var clientId = await database.RegisterAsync(reception, "Ona", "Jonaitienė");
        var id = await RegisterAsync(clientId);
        await database.Send(new ReplyToEmail(id, (await GetAsync(id)).Version, "Re: Pagalba", "Reikės prašymo."), asta);
        var sending = await GetAsync(id);

        var onItsWay = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new ReplyToEmail(id, sending.Version, "Re: Pagalba", "Dar kartą."), asta));
        await database.AcceptOutboxAsync();
        var answered = await GetAsync(id);
        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new ReplyToEmail(id, answered.Version, "Re: Pagalba", "Dar kartą."), asta));

        Assert.StartsWith("A reply to this e-mail is already on its way, because it was queued for sending.", onItsWay.Because);
        Assert.Equal("The e-mail is closed, because it was already answered.", refusal.Because);
        Assert.Single(await database.ContactsAsync());
        Assert.Single(await database.OutboxAsync());
    }

    [Fact]
    public async Task A_reply_is_refused_when_the_signature_would_lack_the_phone()
    {
        using var _ = UiCulture.Use("en");
        var tomas = await database.CreateUserAsync("tomas", Roles.Caseworker);
        var clientId = await database.RegisterAsync(reception, "Ona", "Jonaitienė");
        var email = await GetAsync(await RegisterAsync(clientId));

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new ReplyToEmail(email.Id, email.Version, "Re: Pagalba", "Reikės prašymo."), tomas));

        Assert.StartsWith("The reply cannot be sent, because your signature lacks: division, phone.", refusal.Because);
        Assert.Empty(await database.ContactsAsync());
    }

    [Fact]
    public async Task A_quality_officer_may_not_reply_and_nothing_is_recorded()
    {
        var quality = await database.CreateUserAsync("darius", Roles.QualityOfficer);
        var clientId = await database.RegisterAsync(reception, "Ona", "Jonaitienė");
        var email = await GetAsync(await RegisterAsync(clientId));

        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new ReplyToEmail(email.Id, email.Version, "Re: Pagalba", "Reikės prašymo."), quality));

        Assert.Empty(await database.ContactsAsync());
        Assert.Equal(EmailStatus.Open, (await GetAsync(email.Id)).Status);
    }

    [Fact]
    public async Task An_empty_reply_is_rejected_at_its_fields()
    {
        using var _ = UiCulture.Use("en");
        var email = await GetAsync(await RegisterAsync());

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(new ReplyToEmail(email.Id, email.Version, "", " "), asta));

        Assert.Equal(["Write the subject of the reply."], error.Errors[nameof(ReplyToEmail.Subject)]);
        Assert.Equal(["Write the answer."], error.Errors[nameof(ReplyToEmail.Body)]);
    }

    [Fact]
    public async Task Assigning_moves_the_email_between_my_work_lists_and_a_trainer_is_refused()
    {
        using var _ = UiCulture.Use("en");
        var tomas = await database.CreateUserAsync("tomas", Roles.Caseworker);
        var trainer = await database.CreateUserAsync("laura", Roles.Trainer);
        var id = await RegisterAsync(assignTo: asta.UserId);
        var email = await GetAsync(id);

        var refusal = await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(new AssignEmail(id, email.Version, trainer.UserId), reception));
        Assert.Contains("because only reception, caseworkers and heads answer e-mails", Assert.Single(refusal.Errors[nameof(AssignEmail.AssignToUserId)]));

        await database.Send(new AssignEmail(id, email.Version, tomas.UserId), reception);
        Assert.Empty(await database.Send(new GetMyWork(), asta));
        Assert.Equal(id, Assert.Single(await database.Send(new GetMyWork(), tomas)).Id);
    }

    [Fact]
    public async Task Matching_with_a_stale_version_is_a_conflict()
    {
        var clientId = await database.RegisterAsync(reception, "Ona", "Jonaitienė");
        var id = await RegisterAsync();
        var seen = await GetAsync(id);
        await database.Send(new AssignEmail(id, seen.Version, asta.UserId), reception);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => database.Send(new MatchEmailToClient(id, seen.Version, clientId, null), asta));

        Assert.Equal(EmailStatus.Unmatched, (await GetAsync(id)).Status);
    }

    [Fact]
    public async Task The_inbox_filters_by_status_sorts_by_time_received_and_pages()
    {
        var clientId = await database.RegisterAsync(reception, "Ona", "Jonaitienė");
        var unmatched = await RegisterAsync();
        database.Clock.Advance(TimeSpan.FromMinutes(10));
        var open = await RegisterAsync(clientId);
        database.Clock.Advance(TimeSpan.FromMinutes(10));
        var answered = await RegisterAsync(clientId);
        await database.Send(new ReplyToEmail(answered, (await GetAsync(answered)).Version, "Re: Pagalba", "Reikės prašymo."), asta);
        await database.AcceptOutboxAsync();

        async Task<IReadOnlyList<Guid>> Ids(EmailInboxFilter filter, ListWindow? window = null) =>
            (await database.Send(new ListEmails(filter, window ?? new ListWindow()), reception)).Items.Select(r => r.Id).ToList();

        Assert.Equal([open, unmatched], await Ids(EmailInboxFilter.Unanswered));
        Assert.Equal([unmatched], await Ids(EmailInboxFilter.Unmatched));
        Assert.Equal([open], await Ids(EmailInboxFilter.Open));
        Assert.Equal([answered], await Ids(EmailInboxFilter.Answered));
        Assert.Equal([answered, open, unmatched], await Ids(EmailInboxFilter.All));
        Assert.Equal([unmatched, open], await Ids(EmailInboxFilter.All, new ListWindow(Take: 2, SortBy: nameof(EmailRow.ReceivedAtUtc))));
        var page = await database.Send(new ListEmails(EmailInboxFilter.All, new ListWindow(Skip: 2, Take: 2)), reception);
        Assert.Equal((3, unmatched), (page.Total, Assert.Single(page.Items).Id));
    }
}
