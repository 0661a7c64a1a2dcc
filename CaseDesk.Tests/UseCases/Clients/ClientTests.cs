using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Clients;

public sealed class ClientTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private Caller reception = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        reception = await database.CreateCallerAsync(Roles.Reception);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_registered_client_keeps_the_personal_code_out_of_the_database_in_clear_and_out_of_lists()
    {
        var id = await database.RegisterAsync(reception, "Ona", "Petraitienė", code: "49001011238", phone: "+370 612 34567");

        var stored = await database.ReadAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.NotNull(stored.PersonalCodeHash);
        Assert.DoesNotContain("49001011238", stored.PersonalCodeHash + stored.PersonalCodeCipher);
        Assert.Equal(new DateOnly(1990, 1, 1), stored.BirthDate);

        var page = await database.Send(new FindClients(new ListWindow(Search: "49001011238")), reception);
        var row = Assert.Single(page.Items);
        Assert.Equal(id, row.ClientId);
        Assert.DoesNotContain(typeof(ClientRow).GetProperties(), p => p.Name.Contains("Code", StringComparison.OrdinalIgnoreCase));

        var card = await database.Send(new GetClient(id), reception);
        Assert.True(card.HasPersonalCode);
        Assert.Equal("49001011238", await database.Send(new RevealPersonalCode(id, "Tikrinu tapatybę prašymui"), reception));
        var reveal = (await database.AuditEntriesAsync()).Last();
        Assert.Equal((AuditKind.Read, nameof(RevealPersonalCode), id.ToString(), "Tikrinu tapatybę prašymui"),
            (reveal.Kind, reveal.Action, reveal.EntityId, reveal.Reason));
    }

    [Fact]
    public async Task An_invalid_personal_code_is_refused_at_its_field_and_nothing_is_written()
    {
        using var _ = UiCulture.Use("en");
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(Casework.NewClient(code: "49001011239"), reception));

        Assert.Contains("check digit", Assert.Single(error.Errors[nameof(RegisterClient.PersonalCode)]));
        Assert.Equal(0, await database.ReadAsync(db => db.Clients.CountAsync()));
    }

    [Fact]
    public async Task A_second_client_with_the_same_personal_code_is_refused_naming_the_first()
    {
        using var _ = UiCulture.Use("en");
        await database.RegisterAsync(reception, "Ona", "Petraitienė", code: "49001011238");

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(Casework.NewClient("Onutė", "Kazlauskienė", code: "49001011238", confirmed: true), reception));

        Assert.Contains("Ona Petraitienė", Assert.Single(error.Errors[nameof(RegisterClient.PersonalCode)]));
        Assert.Equal(1, await database.ReadAsync(db => db.Clients.CountAsync()));
    }

    [Fact]
    public async Task A_likely_duplicate_is_flagged_and_registered_only_when_confirmed()
    {
        var first = await database.RegisterAsync(reception, "Jonas", "Petraitis", phone: "8 612 34567");

        var flagged = await Assert.ThrowsAsync<PossibleDuplicateException>(() => database.Send(Casework.NewClient("Jonas", "Petraitis", phone: "+370 612 34567"), reception));
        var candidate = Assert.Single(flagged.Candidates);
        Assert.Equal((first, DuplicateReason.SameNameAndPhone), (candidate.ClientId, candidate.Reason));
        Assert.Equal(1, await database.ReadAsync(db => db.Clients.CountAsync()));

        var suggested = await database.Send(new FindPossibleDuplicates("jonas", "PETRAITIS", null, "861234567", null), reception);
        Assert.Equal(first, Assert.Single(suggested).ClientId);

        var second = await database.Send(Casework.NewClient("Jonas", "Petraitis", phone: "+370 612 34567", confirmed: true), reception);
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("petr")]
    [InlineData("Petraitis")]
    [InlineData("jon")]
    [InlineData("JONAS PET")]
    [InlineData("612")]
    public async Task Search_finds_by_surname_or_first_name_prefix_without_diacritics_and_by_phone(string search)
    {
        var jonas = await database.RegisterAsync(reception, "Jonas", "Petraitis", phone: "+370 612 34567");
        await database.RegisterAsync(reception, "Ona", "Žukauskaitė", phone: "+370 699 11111");

        var page = await database.Send(new FindClients(new ListWindow(Search: search)), reception);

        Assert.Equal(jonas, Assert.Single(page.Items).ClientId);
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public async Task Search_pages_and_sorts_on_the_server()
    {
        foreach (var last in new[] { "Adomaitis", "Butkus", "Čepulis", "Dambrauskas", "Eidukas" })
            await database.RegisterAsync(reception, "Petras", last);

        var second = await database.Send(new FindClients(new ListWindow(Skip: 2, Take: 2)), reception);
        var descending = await database.Send(new FindClients(new ListWindow(Take: 1, Descending: true)), reception);

        Assert.Equal(5, second.Total);
        Assert.Equal(["Petras Čepulis", "Petras Dambrauskas"], second.Items.Select(r => r.FullName));
        Assert.Equal("Petras Eidukas", Assert.Single(descending.Items).FullName);
    }

    [Fact]
    public async Task Every_read_of_client_data_is_audited_with_the_clients_it_showed()
    {
        var id = await database.RegisterAsync(reception, "Ona", "Petraitienė");
        var before = (await database.AuditEntriesAsync()).Count;

        await database.Send(new FindClients(new ListWindow(Search: "ona")), reception);
        await database.Send(new GetClient(id), reception);

        var reads = (await database.AuditEntriesAsync()).Skip(before).ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Equal((AuditKind.Read, reception.UserId), (r.Kind, r.UserId)));
        Assert.Contains(id.ToString(), reads[0].Fields);
        Assert.Equal(id.ToString(), reads[1].EntityId);
    }

    [Fact]
    public async Task A_trainer_and_an_admin_cannot_read_clients()
    {
        var id = await database.RegisterAsync(reception);
        foreach (var role in new[] { Roles.Trainer, Roles.Admin })
        {
            var caller = await database.CreateCallerAsync(role);
            await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new GetClient(id), caller));
            await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new FindClients(new ListWindow()), caller));
        }
    }

    [Fact]
    public async Task Two_people_edit_one_client_the_second_save_is_a_conflict_showing_what_the_first_saved()
    {
        var caseworker = await database.CreateCallerAsync(Roles.Caseworker);
        var id = await database.RegisterAsync(reception, "Ona", "Petraitienė", phone: "+370 612 34567");
        var seenByReception = await database.Send(new GetClient(id), reception);
        var seenByCaseworker = await database.Send(new GetClient(id), caseworker);

        await database.Send(Casework.Edit(seenByReception, seenByReception.Version, phone: "+370 600 00001"), reception);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => database.Send(Casework.Edit(seenByCaseworker, seenByCaseworker.Version, lastName: "Petraitytė"), caseworker));

        Assert.Equal("+370 600 00001", conflict.StoredValues[nameof(Client.Phone)]);
        var stored = await database.Send(new GetClient(id), reception);
        Assert.Equal(("Petraitienė", "+370 600 00001"), (stored.LastName, stored.Phone));

        // Choosing "save mine" re-sends with the version now stored: it goes through.
        await database.Send(Casework.Edit(seenByCaseworker, stored.Version, lastName: "Petraitytė"), caseworker);
        Assert.Equal("Petraitytė", (await database.Send(new GetClient(id), reception)).LastName);
    }

    [Fact]
    public async Task An_edit_that_races_past_the_version_check_fails_in_the_database_not_silently()
    {
        var id = await database.RegisterAsync(reception, "Ona", "Petraitienė");
        var seen = await database.Send(new GetClient(id), reception);

        // Another writer commits between this editor's load and its save (simulated by writing the row directly).
        await using (var other = database.OpenDb())
        {
            var row = await other.Clients.SingleAsync(c => c.Id == id);
            row.Email = "ona@example.lt";
            await other.SaveChangesAsync();
        }

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => database.Send(Casework.Edit(seen, seen.Version, phone: "+370 600 00002"), reception));
        var stored = await database.Send(new GetClient(id), reception);
        Assert.Equal(("ona@example.lt", null), (stored.Email, stored.Phone));
    }
}
