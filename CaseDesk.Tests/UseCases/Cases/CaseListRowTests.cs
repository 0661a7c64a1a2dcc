using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Common;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.UseCases.Cases;

public sealed class CaseListRowTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private Caller reception = default!;
    private Caller asta = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        reception = await database.CreateCallerAsync(Roles.Reception);
        asta = await database.CreateUserAsync("asta", Roles.Caseworker);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_row_of_the_case_list_carries_the_clients_name_and_safety_flag_and_the_caseworkers_name()
    {
        var flagged = await database.Send(Casework.NewClient("Ona", "Žukauskaitė", twoEmployees: true), reception);
        var plain = await database.RegisterAsync(reception, "Jonas", "Petraitis");
        var due = database.Clock.UtcDateTime.AddDays(3);
        var first = await database.Send(new OpenCase(flagged, "Pagalba į namus", Casework.SocialServices, asta.UserId, due), reception);
        var second = await database.Send(new OpenCase(plain, "Socialinė pašalpa", Casework.SocialServices, asta.UserId, due.AddDays(1)), reception);

        var rows = (await database.Send(new ListCases(CaseScope.Mine, new ListWindow(SortBy: nameof(CaseRow.DueAtUtc))), asta)).Items;

        Assert.Equal([first, second], rows.Select(r => r.Id));
        Assert.Equal(("Ona Žukauskaitė", true, "asta Tester", "Pagalba į namus"), (rows[0].ClientName, rows[0].MeetWithTwoEmployees, rows[0].AssignedTo, rows[0].ServiceRequested));
        Assert.Equal(("Jonas Petraitis", false, flagged), (rows[1].ClientName, rows[1].MeetWithTwoEmployees, rows[0].ClientId));
    }
}
