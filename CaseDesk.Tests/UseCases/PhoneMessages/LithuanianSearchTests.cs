using CaseDesk.Domain.Common;
using CaseDesk.Domain.Emails;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.PhoneMessages;

/// <summary>SQLite's lower() folds ASCII only: the phone-message and e-mail search match Lithuanian letters in any case through the stored search key.</summary>
public sealed class LithuanianSearchTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private Caller rasa = default!;
    private Caller asta = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        rasa = await database.CreateUserAsync("rasa", Roles.Reception);
        asta = await database.CreateUserAsync("asta", Roles.Caseworker);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<Guid> TakeAsync(string caller, string? organisation) =>
        database.Send(new TakePhoneMessage(database.Clock.UtcDateTime.AddMinutes(-5), caller, organisation, null, "+370 612 34567",
            "Prašo perskambinti dėl pagalbos namuose.", asta.UserId), rasa);

    private Task<Guid> RegisterAsync(string from, string? name, string subject) =>
        database.Send(new RegisterEmail(database.Clock.UtcDateTime.AddMinutes(-5), from, name, subject, "Laba diena."), rasa);

    private async Task<IEnumerable<Guid>> PhoneSearchAsync(string search) =>
        (await database.Send(new ListPhoneMessages(PhoneMessageFilter.All, new ListWindow(Search: search)), rasa)).Items.Select(r => r.Id);

    private async Task<IEnumerable<Guid>> EmailSearchAsync(string search) =>
        (await database.Send(new ListEmails(EmailInboxFilter.All, new ListWindow(Search: search)), rasa)).Items.Select(r => r.Id);

    [Theory]
    [InlineData("žem")]
    [InlineData("ŽEM")]
    [InlineData("Žemaitis")]
    [InlineData("zem")]
    public async Task A_phone_message_from_Zemaitis_is_found_whatever_the_case_of_the_lithuanian_letter(string search)
    {
        var zemaitis = await TakeAsync("Petras Žemaitis", null);
        await TakeAsync("Jonas Petraitis", "Šiaulių seniūnija");

        Assert.Equal([zemaitis], await PhoneSearchAsync(search));
    }

    [Fact]
    public async Task The_phone_message_search_also_matches_the_organisation_and_the_phone()
    {
        var seniunija = await TakeAsync("Jonas Petraitis", "ŠIAULIŲ seniūnija");

        Assert.Equal([seniunija], await PhoneSearchAsync("šiaulių"));
        Assert.Equal([seniunija], await PhoneSearchAsync("612 34"));
        Assert.Empty(await PhoneSearchAsync("žem"));
    }

    [Theory]
    [InlineData("žem")]
    [InlineData("ŽEM")]
    public async Task An_e_mail_from_Zemaitis_is_found_by_name_and_by_a_lithuanian_subject_in_any_case(string search)
    {
        var zemaitis = await RegisterAsync("petras@example.lt", "Petras Žemaitis", "Dėl pašalpos");
        var subject = await RegisterAsync("ona@example.lt", "Ona", "ŽEMĖS mokestis");
        await RegisterAsync("jonas@example.lt", "Jonas Petraitis", "Pagalba namuose");

        // Both were received at the same moment: their order is not the point.
        Assert.Equal(new[] { subject, zemaitis }.Order(), (await EmailSearchAsync(search)).Order());
        Assert.Equal([zemaitis], await EmailSearchAsync("PETRAS@"));
    }

    [Fact]
    public async Task Rows_stored_before_the_search_key_existed_get_it_at_start_up()
    {
        var message = await TakeAsync("Petras Žemaitis", null);
        var email = await RegisterAsync("petras@example.lt", "Petras Žemaitis", "Dėl pašalpos");
        await using (var db = database.OpenDb())
        {
            // What the migration leaves on an existing row: the new column's default.
            await db.PhoneMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.SearchKey, ""));
            await db.EmailEnquiries.ExecuteUpdateAsync(s => s.SetProperty(e => e.SearchKey, ""));
        }
        Assert.Empty(await PhoneSearchAsync("ŽEM"));

        await database.MigrateAndSeedAsync();

        Assert.Equal([message], await PhoneSearchAsync("ŽEM"));
        Assert.Equal([email], await EmailSearchAsync("žem"));
    }
}
