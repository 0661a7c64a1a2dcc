using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Letters;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.Visits;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Letters;

public sealed class LetterTests : IAsyncLifetime
{
    private static readonly Guid DocumentsTemplate = StandardLetterTemplates.Template("documents").Id;

    private TestDatabase database = default!;
    private Caller caseworker = default!;
    private SeededCase @case = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        caseworker = await database.CreateUserAsync("asta", Roles.Caseworker);
        await CaseworkSeed.SetSignatureAsync(database, caseworker, "Asta", "Petrauskienė", "Socialinė darbuotoja", "+370 315 55555");
        @case = await CaseworkSeed.CaseAsync(database, caseworker);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<LetterDetails> ComposeAsync(DateTime? requestedAtUtc = null)
    {
        var id = await database.Send(new ComposeLetter(@case.CaseId, DocumentsTemplate, requestedAtUtc), caseworker);
        return await database.Send(new GetLetter(id), caseworker);
    }

    private Task<List<Contact>> ContactsAsync() => database.ReadAsync(db => db.Contacts.AsNoTracking().ToListAsync());

    [Fact]
    public async Task The_standard_templates_are_offered()
    {
        var templates = await database.Send(new ListLetterTemplates(), caseworker);

        Assert.Equal(["decision", "documents", "visit"], templates.Select(t => t.Code).Order());
        Assert.All(templates, t => Assert.StartsWith("{Salutation}", t.Body));
        Assert.All(templates, t => Assert.Equal([ClientLanguage.Lithuanian, ClientLanguage.Russian, ClientLanguage.English], t.Languages));
    }

    [Fact]
    public async Task Composing_fills_the_template_with_the_case_the_client_and_the_authors_signature()
    {
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 22, 30, 0, TimeSpan.Zero)); // already 3 March in Vilnius

        var letter = await ComposeAsync();

        Assert.Equal("Dėl dokumentų paslaugai „Pagalba į namus“", letter.Subject);
        Assert.StartsWith("Gerb. Ona Žemaitiene,", letter.Body);
        Assert.Contains($"(atvejo Nr. {@case.Number})", letter.Body);
        Assert.Contains("2026-03-03", letter.Body);
        Assert.EndsWith("Pagarbiai\nAsta Petrauskienė\nSocialinė darbuotoja\nSocialinių paslaugų poskyris\nTel. +370 315 55555", letter.Body);
        Assert.DoesNotContain("{", letter.Body + letter.Subject);
        Assert.Equal(("Ona Žemaitienė", "Vilniaus g. 12-3, Alytus"), (letter.ClientName, letter.ClientAddress));
        Assert.Equal(database.Clock.UtcDateTime, letter.RequestedAtUtc);
        Assert.Equal(database.Clock.UtcDateTime, letter.CreatedAtUtc);
        Assert.False(letter.IsSent);
        Assert.Empty(await ContactsAsync());
    }

    [Fact]
    public async Task The_request_time_may_be_set_earlier_but_not_in_the_future()
    {
        var asked = database.Clock.UtcDateTime.AddDays(-2);

        Assert.Equal(asked, (await ComposeAsync(asked)).RequestedAtUtc);

        var error = await Assert.ThrowsAsync<RequestValidationException>(
            () => database.Send(new ComposeLetter(@case.CaseId, DocumentsTemplate, database.Clock.UtcDateTime.AddHours(1)), caseworker));
        Assert.Equal([nameof(ComposeLetter.RequestedAtUtc)], error.Errors.Keys);
    }

    [Fact]
    public async Task Composing_for_a_closed_case_is_refused()
    {
        using var _ = UiCulture.Use("en");
        await CaseworkSeed.CloseAsync(database, @case.CaseId);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(
            () => database.Send(new ComposeLetter(@case.CaseId, DocumentsTemplate), caseworker));

        Assert.Equal("The case is closed, so it cannot be changed.", refusal.Because);
        Assert.Equal(0, await database.ReadAsync(db => db.InformationLetters.CountAsync()));
    }

    [Fact]
    public async Task An_unsent_letter_is_edited_and_gets_a_new_version()
    {
        var letter = await ComposeAsync();

        var version = await database.Send(new EditLetter(letter.Id, letter.Version, "Dėl dokumentų", "Gerb. Ona,\n\npataisytas tekstas."), caseworker);

        var stored = await database.Send(new GetLetter(letter.Id), caseworker);
        Assert.Equal(("Dėl dokumentų", "Gerb. Ona,\n\npataisytas tekstas."), (stored.Subject, stored.Body));
        Assert.NotEqual(letter.Version, version);
        Assert.Equal(version, stored.Version);
    }

    [Fact]
    public async Task Editing_with_a_stale_version_is_a_conflict()
    {
        var letter = await ComposeAsync();
        await database.Send(new EditLetter(letter.Id, letter.Version, "Pirmas", "Pirmas tekstas"), caseworker);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => database.Send(new EditLetter(letter.Id, letter.Version, "Antras", "Antras tekstas"), caseworker));

        Assert.Equal("Pirmas", (await database.Send(new GetLetter(letter.Id), caseworker)).Subject);
    }

    [Fact]
    public async Task An_empty_subject_and_body_are_field_errors()
    {
        var letter = await ComposeAsync();

        var error = await Assert.ThrowsAsync<RequestValidationException>(
            () => database.Send(new EditLetter(letter.Id, letter.Version, " ", ""), caseworker));

        Assert.Equal([nameof(EditLetter.Body), nameof(EditLetter.Subject)], error.Errors.Keys.Order());
    }

    [Fact]
    public async Task Marking_sent_records_the_date_and_channel_and_logs_exactly_one_contact_on_touchpoint_6()
    {
        var letter = await ComposeAsync();
        database.Clock.Advance(TimeSpan.FromHours(3));
        var sentAt = database.Clock.UtcDateTime.AddHours(-1);

        var version = await database.Send(new MarkLetterSent(letter.Id, letter.Version, sentAt, LetterChannel.Post), caseworker);

        var contact = Assert.Single(await ContactsAsync());
        Assert.Equal((6, ContactChannel.Letter, ContactDirection.ToClient), (contact.Touchpoint, contact.Channel, contact.Direction));
        Assert.Equal((@case.ClientId, (Guid?)@case.CaseId), (contact.ClientId, contact.CaseId));
        Assert.Equal(sentAt, contact.OccurredAtUtc);
        Assert.Equal(caseworker.UserId, contact.EmployeeUserId);
        Assert.Equal(("InformationLetter", (Guid?)letter.Id), (contact.SourceKind, contact.SourceId));
        Assert.Contains(letter.Subject, contact.Summary);
        var stored = await database.ReadAsync(db => db.InformationLetters.AsNoTracking().SingleAsync());
        Assert.Equal((sentAt, LetterChannel.Post, contact.Id), (stored.SentAtUtc, stored.Channel, stored.SentContactId));
        Assert.Equal(version, stored.Version);
    }

    [Fact]
    public async Task Marking_sent_twice_is_refused_because_it_is_already_sent_and_writes_no_second_contact()
    {
        using var _ = UiCulture.Use("en");
        var letter = await ComposeAsync();
        var version = await database.Send(new MarkLetterSent(letter.Id, letter.Version, database.Clock.UtcDateTime, LetterChannel.Email), caseworker);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(
            () => database.Send(new MarkLetterSent(letter.Id, version, database.Clock.UtcDateTime, LetterChannel.Post), caseworker));

        Assert.Equal("The letter cannot be recorded as sent again, because it is already recorded as sent.", refusal.Because);
        var audit = (await database.AuditEntriesAsync()).Last();
        Assert.Equal((AuditKind.Refused, nameof(MarkLetterSent), refusal.Because), (audit.Kind, audit.Action, audit.Reason));
        Assert.Single(await ContactsAsync());
        Assert.Equal(LetterChannel.Email, (await database.Send(new GetLetter(letter.Id), caseworker)).Channel);
    }

    [Fact]
    public async Task Editing_a_sent_letter_is_refused_because_it_was_sent()
    {
        using var _ = UiCulture.Use("en");
        var letter = await ComposeAsync();
        var version = await database.Send(new MarkLetterSent(letter.Id, letter.Version, database.Clock.UtcDateTime, LetterChannel.HandedOver), caseworker);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(
            () => database.Send(new EditLetter(letter.Id, version, "Kitas", "Kitas tekstas"), caseworker));

        Assert.Equal("The letter cannot be edited, because it was already sent; write a new one.", refusal.Because);
        Assert.Equal(letter.Subject, (await database.Send(new GetLetter(letter.Id), caseworker)).Subject);
    }

    [Fact]
    public async Task The_refusal_reads_in_lithuanian_for_a_lithuanian_user()
    {
        using var _ = UiCulture.Use("lt");
        var letter = await ComposeAsync();
        var version = await database.Send(new MarkLetterSent(letter.Id, letter.Version, database.Clock.UtcDateTime, LetterChannel.Post), caseworker);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(
            () => database.Send(new EditLetter(letter.Id, version, "Kitas", "Kitas tekstas"), caseworker));

        Assert.Contains(", nes ", refusal.Because);
        Assert.Contains("išsiųstas", refusal.Because);
    }

    [Fact]
    public async Task A_sending_date_before_the_letter_was_written_is_refused_and_writes_no_contact()
    {
        using var _ = UiCulture.Use("en");
        var letter = await ComposeAsync();

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(
            () => database.Send(new MarkLetterSent(letter.Id, letter.Version, letter.CreatedAtUtc.AddDays(-1), LetterChannel.Post), caseworker));

        Assert.Contains("because", refusal.Because);
        Assert.Empty(await ContactsAsync());
        Assert.False((await database.Send(new GetLetter(letter.Id), caseworker)).IsSent);
    }

    [Fact]
    public async Task A_future_sending_date_and_an_unknown_channel_are_field_errors()
    {
        var letter = await ComposeAsync();

        var error = await Assert.ThrowsAsync<RequestValidationException>(
            () => database.Send(new MarkLetterSent(letter.Id, letter.Version, database.Clock.UtcDateTime.AddDays(1), (LetterChannel)99), caseworker));

        Assert.Equal([nameof(MarkLetterSent.Channel), nameof(MarkLetterSent.SentAtUtc)], error.Errors.Keys.Order());
        Assert.Empty(await ContactsAsync());
    }

    [Fact]
    public async Task The_case_lists_its_letters_newest_first_with_their_state()
    {
        var first = await ComposeAsync();
        await database.Send(new MarkLetterSent(first.Id, first.Version, database.Clock.UtcDateTime, LetterChannel.EPortal), caseworker);
        database.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = await ComposeAsync();

        var rows = await database.Send(new ListCaseLetters(@case.CaseId), caseworker);

        Assert.Equal([second.Id, first.Id], rows.Select(r => r.Id));
        Assert.Equal([false, true], rows.Select(r => r.IsSent));
        Assert.Equal("Reikalingi dokumentai", rows[0].TemplateName);
        Assert.Equal("Asta Petrauskienė", rows[0].Author);
    }

    [Fact]
    public async Task Reading_letters_is_an_audited_read_of_the_client()
    {
        var letter = await ComposeAsync();

        var audit = (await database.AuditEntriesAsync()).Last();

        Assert.Equal((AuditKind.Read, nameof(GetLetter)), (audit.Kind, audit.Action));
        Assert.Contains(@case.ClientId.ToString(), audit.Fields);
        Assert.Equal(letter.ClientId, @case.ClientId);
    }

    [Fact]
    public async Task Roles_without_casework_are_denied()
    {
        var letter = await ComposeAsync();
        var reception = await database.CreateCallerAsync(Roles.Reception);
        var quality = await database.CreateCallerAsync(Roles.QualityOfficer);
        var trainer = await database.CreateCallerAsync(Roles.Trainer);

        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new ComposeLetter(@case.CaseId, DocumentsTemplate), reception));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new EditLetter(letter.Id, letter.Version, "S", "B"), quality));
        await Assert.ThrowsAsync<AccessDeniedException>(
            () => database.Send(new MarkLetterSent(letter.Id, letter.Version, database.Clock.UtcDateTime, LetterChannel.Post), quality));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new GetLetter(letter.Id), trainer));

        Assert.Single(await database.Send(new ListCaseLetters(@case.CaseId), quality));
        Assert.False((await database.Send(new GetLetter(letter.Id), caseworker)).IsSent);
    }

    private async Task SetClientAsync(ClientLanguage language, string? address)
    {
        await using var db = database.OpenDb();
        var client = await db.Clients.SingleAsync(c => c.Id == @case.ClientId);
        client.Language = language;
        client.Address = address;
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData(ClientLanguage.Russian, "Уважаемая Ona Žemaitienė!", "О документах для услуги «Pagalba į namus»", "С уважением")]
    [InlineData(ClientLanguage.English, "Dear Ona Žemaitienė,", "Documents needed for the service “Pagalba į namus”", "Yours sincerely,")]
    [InlineData(ClientLanguage.Lithuanian, "Gerb. Ona Žemaitiene,", "Dėl dokumentų paslaugai „Pagalba į namus“", "Pagarbiai")]
    public async Task A_letter_is_written_in_the_clients_language_where_its_template_exists(
        ClientLanguage language, string salutation, string subject, string closing)
    {
        await SetClientAsync(language, "Vilniaus g. 12-3, Alytus");

        var letter = await ComposeAsync();

        Assert.Equal((language, language), (letter.Language, letter.ClientLanguage));
        Assert.StartsWith(salutation + "\n\n", letter.Body);
        Assert.Equal(subject, letter.Subject);
        Assert.Contains($"\n\n{closing}\nAsta Petrauskienė\n", letter.Body);
        Assert.DoesNotContain("{", letter.Body + letter.Subject);
    }

    [Fact]
    public async Task A_client_whose_language_has_no_template_gets_the_letter_in_lithuanian_and_the_form_can_say_so()
    {
        await SetClientAsync(ClientLanguage.Polish, "Vilniaus g. 12-3, Alytus");
        var documents = (await database.Send(new ListLetterTemplates(), caseworker)).Single(t => t.Code == "documents");

        var letter = await ComposeAsync();

        Assert.Equal(ClientLanguage.Lithuanian, documents.LanguageFor(ClientLanguage.Polish));
        Assert.Equal(ClientLanguage.Russian, documents.LanguageFor(ClientLanguage.Russian));
        Assert.Equal((ClientLanguage.Lithuanian, ClientLanguage.Polish), (letter.Language, letter.ClientLanguage));
        Assert.StartsWith("Gerb. Ona Žemaitiene,", letter.Body);
    }

    [Fact]
    public async Task The_recipient_of_a_new_letter_shows_a_missing_address_and_the_read_is_audited()
    {
        await SetClientAsync(ClientLanguage.English, null);

        var recipient = await database.Send(new GetLetterRecipient(@case.CaseId), caseworker);

        Assert.Equal(("Ona Žemaitienė", (string?)null, false, ClientLanguage.English),
            (recipient.ClientName, recipient.Address, recipient.HasAddress, recipient.Language));
        var audit = await database.ReadAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == nameof(GetLetterRecipient)).ToListAsync());
        Assert.Contains(@case.ClientId.ToString(), Assert.Single(audit).Fields);
    }

    [Fact]
    public async Task A_letter_read_for_its_pdf_says_so_in_the_audit_row()
    {
        var letter = await ComposeAsync();

        await database.Send(new GetLetter(letter.Id, GetLetter.PdfPurpose), caseworker);

        var reads = await database.ReadAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == nameof(GetLetter)).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([null, GetLetter.PdfPurpose], reads.Select(r => r.Reason));
    }
}
