using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Domain.Work;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.PhoneMessages;

public sealed class PhoneMessageTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private Caller reception = default!;
    private Caller asta = default!;
    private Caller tomas = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        reception = await database.CreateUserAsync("rasa", Roles.Reception);
        asta = await database.CreateUserAsync("asta", Roles.Caseworker);
        tomas = await database.CreateUserAsync("tomas", Roles.Caseworker);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private DateTime Now => database.Clock.UtcDateTime;

    private Task<Guid> TakeAsync(string addresseeId, Guid? clientId = null, Guid? caseId = null, Caller? by = null) =>
        database.Send(new TakePhoneMessage(Now.AddMinutes(-10), "  Ona Jonaitienė ", "Seniūnija", "Seniūnė", "+370 612 34567",
            "Prašo paskambinti dėl pagalbos į namus.", addresseeId, clientId, caseId), by ?? reception);

    private async Task<PhoneMessageDetails> GetAsync(Guid id, Caller? by = null) => await database.Send(new GetPhoneMessage(id), by ?? asta);

    private LogCallBack CallBack(PhoneMessageDetails message, Guid clientId, Guid? caseId = null, IReadOnlyList<PromiseInput>? promises = null) =>
        new(message.Id, message.Version, clientId, caseId, Now.AddMinutes(-1), "Atskambinau, aptarėme pagalbą į namus.",
            "Pagalbos į namus poreikį", "Užregistruoti prašymą", "Paaiškinau dokumentus", "Atsiųsti prašymo formą", null, null,
            promises ?? []);

    [Fact]
    public async Task Reception_takes_a_message_and_it_waits_in_the_addressees_my_work_as_a_call_back()
    {
        var id = await TakeAsync(asta.UserId);

        var message = await GetAsync(id);
        Assert.Equal(("Ona Jonaitienė", "Seniūnija", "Seniūnė", "+370 612 34567"), (message.CallerName, message.Organisation, message.Position, message.Phone));
        Assert.Equal(Now.AddMinutes(-10), message.CalledAtUtc);
        Assert.Equal(("asta Tester", "rasa Tester"), (message.Addressee, message.TakenBy));
        Assert.True(message.IsOpen);

        var item = Assert.Single(await database.Send(new GetMyWork(), asta));
        Assert.Equal((WorkKind.CallBack, id), (item.Kind, item.Id));
        Assert.Equal(Now.AddMinutes(-10) + TimeSpan.FromDays(1), item.DueAtUtc);
        Assert.Empty(await database.Send(new GetMyWork(), tomas));
    }

    [Fact]
    public async Task A_message_with_empty_fields_is_rejected_at_each_field()
    {
        using var _ = UiCulture.Use("en");
        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            database.Send(new TakePhoneMessage(Now, " ", null, null, "", "", ""), reception));

        Assert.Equal(["Write the caller's name."], error.Errors[nameof(TakePhoneMessage.CallerName)]);
        Assert.Equal(["Write the phone number to call back."], error.Errors[nameof(TakePhoneMessage.Phone)]);
        Assert.Equal(["Write the caller's message in detail."], error.Errors[nameof(TakePhoneMessage.Message)]);
        Assert.Equal(["Choose whom the message is for."], error.Errors[nameof(TakePhoneMessage.AddresseeUserId)]);
        Assert.Equal(0, await database.ReadAsync(db => db.PhoneMessages.CountAsync()));
    }

    [Theory]
    [InlineData("12")]
    [InlineData("call me")]
    [InlineData("+370 6++12 3456")]
    [InlineData("1234567890123456")]
    public async Task An_implausible_phone_is_rejected(string phone)
    {
        using var _ = UiCulture.Use("en");
        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            database.Send(new TakePhoneMessage(Now, "Ona", null, null, phone, "Skambins vėliau", asta.UserId), reception));
        Assert.Equal(["This is not a phone number."], Assert.Single(error.Errors).Value);
    }

    [Fact]
    public async Task A_call_in_the_future_and_texts_longer_than_the_columns_are_rejected()
    {
        using var _ = UiCulture.Use("en");
        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            database.Send(new TakePhoneMessage(Now.AddHours(1), new string('a', 201), new string('b', 201), new string('c', 151), "8 315 56660",
                new string('d', 4001), asta.UserId), reception));

        Assert.Equal(["The time cannot be in the future."], error.Errors[nameof(TakePhoneMessage.CalledAtUtc)]);
        Assert.Equal(["At most 200 characters."], error.Errors[nameof(TakePhoneMessage.CallerName)]);
        Assert.Equal(["At most 200 characters."], error.Errors[nameof(TakePhoneMessage.Organisation)]);
        Assert.Equal(["At most 150 characters."], error.Errors[nameof(TakePhoneMessage.Position)]);
        Assert.Equal(["At most 4000 characters."], error.Errors[nameof(TakePhoneMessage.Message)]);
        Assert.Equal(5, error.Errors.Count);
    }

    [Fact]
    public async Task An_unknown_addressee_is_a_field_error_and_a_trainer_is_refused_because_only_client_staff_call_back()
    {
        using var _ = UiCulture.Use("en");
        var trainer = await database.CreateUserAsync("laura", Roles.Trainer);

        var unknown = await Assert.ThrowsAsync<RequestValidationException>(() => TakeAsync("no-such-user"));
        Assert.Equal(["Unknown employee."], unknown.Errors[nameof(TakePhoneMessage.AddresseeUserId)]);
        var refusal = await Assert.ThrowsAsync<RequestValidationException>(() => TakeAsync(trainer.UserId));
        Assert.Contains("because only staff who work with clients can call a client back", Assert.Single(refusal.Errors[nameof(TakePhoneMessage.AddresseeUserId)]));
        Assert.Equal(0, await database.ReadAsync(db => db.PhoneMessages.CountAsync()));
    }

    [Fact]
    public async Task A_trainer_may_not_take_a_message_and_the_denial_is_audited()
    {
        var trainer = await database.CreateUserAsync("laura", Roles.Trainer);

        await Assert.ThrowsAsync<AccessDeniedException>(() => TakeAsync(asta.UserId, by: trainer));

        Assert.Equal(0, await database.ReadAsync(db => db.PhoneMessages.CountAsync()));
        var entry = Assert.Single(await database.AuditEntriesAsync());
        Assert.Equal((AuditKind.Denied, nameof(TakePhoneMessage)), (entry.Kind, entry.Action));
    }

    [Fact]
    public async Task The_addressee_logs_the_call_back_as_one_contact_on_touchpoint_2_and_the_item_leaves_my_work()
    {
        var clientId = await database.RegisterAsync(asta, "Ona", "Jonaitienė");
        var caseId = await database.OpenCaseAsync(asta, clientId);
        var id = await TakeAsync(asta.UserId);
        var message = await GetAsync(id);
        database.Clock.Advance(TimeSpan.FromHours(2));

        var contactId = await database.Send(CallBack(message, clientId, caseId, [new PromiseInput("Atsiųsti prašymo formą", Now.AddDays(2))]), asta);

        var contact = Assert.Single(await database.ContactsAsync());
        Assert.Equal(contactId, contact.Id);
        Assert.Equal((2, ContactChannel.PhoneOut, ContactDirection.ToClient), (contact.Touchpoint, contact.Channel, contact.Direction));
        Assert.Equal((clientId, (Guid?)caseId, asta.UserId), (contact.ClientId, contact.CaseId, contact.EmployeeUserId));
        Assert.Equal(("PhoneMessage", (Guid?)id), (contact.SourceKind, contact.SourceId));
        Assert.Equal("Atsiųsti prašymo formą", contact.NextStep);

        var closed = await GetAsync(id);
        Assert.False(closed.IsOpen);
        Assert.Equal((Now, (Guid?)contactId, (Guid?)clientId, (Guid?)caseId), (closed.CalledBackAtUtc!.Value, closed.CallBackContactId, closed.ClientId, closed.CaseId));
        // The call-back is done; what stays in My work is the promise made on the phone.
        var work = await database.Send(new GetMyWork(), asta);
        Assert.DoesNotContain(work, i => i.Kind == WorkKind.CallBack);
        Assert.Equal(WorkKind.Promise, Assert.Single(work, i => i.Kind != WorkKind.CaseDue).Kind);
    }

    [Fact]
    public async Task A_call_back_to_a_caller_who_is_not_a_client_closes_the_message_and_stops_its_clock_at_the_call_without_creating_a_client()
    {
        var id = await TakeAsync(asta.UserId);
        var message = await GetAsync(id);
        database.Clock.Advance(TimeSpan.FromHours(2));
        var calledAt = Now.AddMinutes(-20);

        await database.Send(new LogCallBackWithoutClient(message.Id, message.Version, calledAt, " Ona Jonaitienė, seniūnė ",
            "Paaiškinau, kaip gyventojas gali kreiptis dėl pagalbos į namus."), asta);

        var closed = await GetAsync(id);
        Assert.False(closed.IsOpen);
        Assert.Equal(("Ona Jonaitienė, seniūnė", "Paaiškinau, kaip gyventojas gali kreiptis dėl pagalbos į namus.", (DateTime?)calledAt, (DateTime?)Now),
            (closed.CalledBackWho, closed.CallBackSummary, closed.CallBackOccurredAtUtc, closed.CalledBackAtUtc));
        Assert.Equal(((Guid?)null, (Guid?)null), (closed.ClientId, closed.CallBackContactId));
        Assert.Empty(await database.ContactsAsync());
        Assert.Equal(0, await database.ReadAsync(db => db.Clients.CountAsync()));

        var clock = await database.ReadAsync(db => db.ResponseClocks.AsNoTracking().SingleAsync(c => c.Kind == ClockKind.CallBack && c.SubjectId == id));
        Assert.False(clock.IsOpen);
        Assert.Equal(calledAt, clock.StoppedAtUtc);
        Assert.DoesNotContain(await database.Send(new GetMyWork(), asta), i => i.Kind == WorkKind.CallBack);

        var audit = (await database.AuditEntriesAsync()).Last(a => a.Kind == AuditKind.Change);
        Assert.Equal(nameof(LogCallBackWithoutClient), audit.Action);
    }

    [Fact]
    public async Task A_message_linked_to_a_client_is_not_called_back_without_a_client_because_the_call_back_belongs_on_the_clients_record()
    {
        using var _ = UiCulture.Use("en");
        var clientId = await database.RegisterAsync(reception, "Ona", "Jonaitienė");
        var message = await GetAsync(await TakeAsync(asta.UserId, clientId));

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(
            new LogCallBackWithoutClient(message.Id, message.Version, Now, "Ona Jonaitienė", "Atskambinau."), asta));

        Assert.Equal("The call-back was not logged without a client, because the message is linked to a client: log it on the client's record.", refusal.Because);
        Assert.True((await GetAsync(message.Id)).IsOpen);
    }

    [Fact]
    public async Task A_call_back_without_a_client_needs_whom_was_called_and_what_was_said()
    {
        using var _ = UiCulture.Use("en");
        var message = await GetAsync(await TakeAsync(asta.UserId));

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(
            new LogCallBackWithoutClient(message.Id, message.Version, Now.AddDays(1), " ", ""), asta));

        Assert.Equal(["Write whom you called back."], error.Errors[nameof(LogCallBackWithoutClient.CalledWho)]);
        Assert.Equal(["Write what the contact was about."], error.Errors[nameof(LogCallBackWithoutClient.Summary)]);
        Assert.Equal(["A contact cannot be in the future."], error.Errors[nameof(LogCallBackWithoutClient.OccurredAtUtc)]);
        Assert.True((await GetAsync(message.Id)).IsOpen);
    }

    [Fact]
    public async Task A_call_back_on_a_message_linked_by_reception_uses_its_client_and_case()
    {
        var clientId = await database.RegisterAsync(reception, "Ona", "Jonaitienė");
        var caseId = await database.OpenCaseAsync(reception, clientId);
        var message = await GetAsync(await TakeAsync(asta.UserId, clientId, caseId));

        await database.Send(CallBack(message, clientId), asta);

        var contact = Assert.Single(await database.ContactsAsync());
        Assert.Equal((clientId, (Guid?)caseId), (contact.ClientId, contact.CaseId));
    }

    [Fact]
    public async Task Calling_back_twice_is_refused_because_the_caller_was_already_called_back()
    {
        using var _ = UiCulture.Use("en");
        var clientId = await database.RegisterAsync(asta, "Ona", "Jonaitienė");
        var id = await TakeAsync(asta.UserId);
        await database.Send(CallBack(await GetAsync(id), clientId), asta);

        var seen = await GetAsync(id);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(CallBack(seen, clientId), asta));

        Assert.Equal("The message is closed, because the caller was already called back.", refusal.Because);
        Assert.Single(await database.ContactsAsync());
        Assert.Equal(AuditKind.Refused, (await database.AuditEntriesAsync()).Last().Kind);
    }

    [Fact]
    public async Task Another_caseworker_is_refused_because_the_message_is_for_someone_else_but_the_head_may_log_it()
    {
        using var _ = UiCulture.Use("en");
        var head = await database.CreateUserAsync("vida", Roles.Head);
        var clientId = await database.RegisterAsync(asta, "Ona", "Jonaitienė");
        var id = await TakeAsync(asta.UserId);

        var seen = await GetAsync(id);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(CallBack(seen, clientId), tomas));
        Assert.Equal("You cannot log this call-back, because the message is for asta Tester. Forward it to yourself first.", refusal.Because);
        Assert.Empty(await database.ContactsAsync());

        await database.Send(CallBack(await GetAsync(id), clientId), head);
        Assert.Equal(head.UserId, Assert.Single(await database.ContactsAsync()).EmployeeUserId);
    }

    [Fact]
    public async Task A_trainer_may_not_log_a_call_back()
    {
        var trainer = await database.CreateUserAsync("laura", Roles.Trainer);
        var clientId = await database.RegisterAsync(asta, "Ona", "Jonaitienė");
        var message = await GetAsync(await TakeAsync(asta.UserId));

        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(CallBack(message, clientId), trainer));

        Assert.Empty(await database.ContactsAsync());
        Assert.True((await GetAsync(message.Id)).IsOpen);
    }

    [Fact]
    public async Task A_call_back_on_another_client_than_the_message_is_linked_to_is_refused()
    {
        using var _ = UiCulture.Use("en");
        var ona = await database.RegisterAsync(asta, "Ona", "Jonaitienė");
        var petras = await database.RegisterAsync(asta, "Petras", "Petraitis");
        var id = await TakeAsync(asta.UserId, ona);

        var seen = await GetAsync(id);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(CallBack(seen, petras), asta));

        Assert.Contains("because the message is linked to another client", refusal.Because);
        Assert.Empty(await database.ContactsAsync());
    }

    [Fact]
    public async Task A_call_back_needs_the_closing_summary_and_a_known_client()
    {
        using var _ = UiCulture.Use("en");
        var message = await GetAsync(await TakeAsync(asta.UserId));

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            database.Send(CallBack(message, Guid.NewGuid()) with { Summary = "", OccurredAtUtc = Now.AddDays(1) }, asta));

        Assert.Equal(["Unknown client."], error.Errors[nameof(LogCallBack.ClientId)]);
        Assert.Equal(["Write what the contact was about."], error.Errors[nameof(LogCallBack.Summary)]);
        Assert.Equal(["A contact cannot be in the future."], error.Errors[nameof(LogCallBack.OccurredAtUtc)]);
    }

    [Fact]
    public async Task A_call_back_with_a_stale_version_is_a_conflict_and_writes_nothing()
    {
        var clientId = await database.RegisterAsync(asta, "Ona", "Jonaitienė");
        var id = await TakeAsync(asta.UserId);
        var seen = await GetAsync(id);
        await database.Send(new LinkPhoneMessageToClient(id, seen.Version, clientId, null), reception);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => database.Send(CallBack(seen, clientId), asta));

        Assert.Empty(await database.ContactsAsync());
        Assert.True((await GetAsync(id)).IsOpen);
    }

    [Fact]
    public async Task Forwarding_moves_the_call_back_to_the_colleagues_my_work()
    {
        using var _ = UiCulture.Use("en");
        var id = await TakeAsync(asta.UserId);
        var message = await GetAsync(id);

        var version = await database.Send(new ForwardPhoneMessage(id, message.Version, tomas.UserId), asta);

        Assert.Empty(await database.Send(new GetMyWork(), asta));
        Assert.Equal(id, Assert.Single(await database.Send(new GetMyWork(), tomas)).Id);
        var forwarded = await GetAsync(id);
        Assert.Equal((version, tomas.UserId), (forwarded.Version, forwarded.AddresseeUserId));

        var again = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new ForwardPhoneMessage(id, version, tomas.UserId), asta));
        Assert.Contains("because it is already addressed to this employee", again.Because);
    }

    [Fact]
    public async Task A_called_back_message_cannot_be_forwarded_or_relinked()
    {
        using var _ = UiCulture.Use("en");
        var clientId = await database.RegisterAsync(asta, "Ona", "Jonaitienė");
        var other = await database.RegisterAsync(asta, "Petras", "Petraitis");
        var id = await TakeAsync(asta.UserId);
        await database.Send(CallBack(await GetAsync(id), clientId), asta);
        var closed = await GetAsync(id);

        var forward = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new ForwardPhoneMessage(id, closed.Version, tomas.UserId), asta));
        var relink = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new LinkPhoneMessageToClient(id, closed.Version, other, null), asta));

        Assert.All([forward.Because, relink.Because], because => Assert.Contains("because the caller was already called back", because));
        Assert.Equal(clientId, (await GetAsync(id)).ClientId);
    }

    [Fact]
    public async Task Linking_sets_the_client_and_case_and_refuses_a_case_of_another_client()
    {
        using var _ = UiCulture.Use("en");
        var ona = await database.RegisterAsync(reception, "Ona", "Jonaitienė");
        var petras = await database.RegisterAsync(reception, "Petras", "Petraitis");
        var onasCase = await database.OpenCaseAsync(reception, ona);
        var id = await TakeAsync(asta.UserId);
        var message = await GetAsync(id);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            database.Send(new LinkPhoneMessageToClient(id, message.Version, petras, onasCase), reception));
        Assert.Equal(["The case does not belong to this client."], error.Errors[nameof(LinkPhoneMessageToClient.CaseId)]);

        await database.Send(new LinkPhoneMessageToClient(id, message.Version, ona, onasCase), reception);
        var linked = await GetAsync(id);
        Assert.Equal(("Ona Jonaitienė", (Guid?)onasCase), (linked.ClientName, linked.CaseId));
        Assert.Equal(ona, Assert.Single(await database.Send(new GetMyWork(), asta)).ClientId);
    }

    [Fact]
    public async Task The_list_shows_open_messages_newest_first_or_all_and_searches_by_caller()
    {
        var clientId = await database.RegisterAsync(asta, "Ona", "Jonaitienė");
        var first = await TakeAsync(asta.UserId);
        database.Clock.Advance(TimeSpan.FromMinutes(5));
        await database.Send(new TakePhoneMessage(Now, "Petras Petraitis", null, null, "861234567", "Dėl pašalpos", tomas.UserId), reception);
        database.Clock.Advance(TimeSpan.FromMinutes(5));
        await database.Send(CallBack(await GetAsync(first), clientId), asta);

        var open = await database.Send(new ListPhoneMessages(PhoneMessageFilter.Open, new ListWindow()), reception);
        var all = await database.Send(new ListPhoneMessages(PhoneMessageFilter.All, new ListWindow()), reception);
        var found = await database.Send(new ListPhoneMessages(PhoneMessageFilter.All, new ListWindow(Search: "jonait")), reception);
        var secondPage = await database.Send(new ListPhoneMessages(PhoneMessageFilter.All, new ListWindow(Skip: 1, Take: 1)), reception);

        Assert.Equal(["Petras Petraitis"], open.Items.Select(r => r.CallerName));
        Assert.Equal(["Petras Petraitis", "Ona Jonaitienė"], all.Items.Select(r => r.CallerName));
        Assert.Equal(("tomas Tester", "Ona Jonaitienė"), (all.Items[0].Addressee, all.Items[1].ClientName));
        Assert.Equal((1, first), (found.Total, Assert.Single(found.Items).Id));
        Assert.Equal((2, first), (secondPage.Total, Assert.Single(secondPage.Items).Id));
    }

    [Fact]
    public async Task The_refusal_reads_in_lithuanian()
    {
        using var _ = UiCulture.Use("lt");
        var clientId = await database.RegisterAsync(asta, "Ona", "Jonaitienė");
        var id = await TakeAsync(asta.UserId);
        await database.Send(CallBack(await GetAsync(id), clientId), asta);

        var seen = await GetAsync(id);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(CallBack(seen, clientId), asta));

        Assert.Equal("Žinutė uždaryta, nes skambinusiajam jau atskambinta.", refusal.Because);
    }
}
