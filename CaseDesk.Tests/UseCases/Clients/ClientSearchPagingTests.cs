using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.UseCases.Clients;

/// <summary>The name search pages a union of last-name and first-name matches; open cases are counted for the page only.</summary>
public sealed class ClientSearchPagingTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private Caller reception = default!;
    private Caller caseworker = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        reception = await database.CreateCallerAsync(Roles.Reception);
        caseworker = await database.CreateCallerAsync(Roles.Caseworker);
        await database.PlaceInUnitAsync(caseworker, Casework.SocialServices);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Theory]
    [InlineData(0, 25, false, new[] { "Kazys Adomaitis", "Jonas Kazlauskas", "Kazys Kazlauskas", "Ona Kazlauskienė", "Kazimieras Žilys" })]
    [InlineData(2, 2, false, new[] { "Kazys Kazlauskas", "Ona Kazlauskienė" })]
    [InlineData(4, 2, false, new[] { "Kazimieras Žilys" })]
    [InlineData(0, 2, true, new[] { "Kazimieras Žilys", "Ona Kazlauskienė" })]
    [InlineData(1, 3, true, new[] { "Ona Kazlauskienė", "Kazys Kazlauskas", "Jonas Kazlauskas" })]
    public async Task A_name_prefix_pages_last_and_first_name_matches_together_in_name_order_each_once(int skip, int take, bool descending, string[] expected)
    {
        foreach (var (first, last) in new[] { ("Kazys", "Adomaitis"), ("Jonas", "Kazlauskas"), ("Kazys", "Kazlauskas"), ("Ona", "Kazlauskienė"),
                     ("Kazimieras", "Žilys"), ("Petras", "Butkus") })
            await database.Send(Casework.NewClient(first, last, confirmed: true), reception);

        var page = await database.Send(new FindClients(new ListWindow(skip, take, Descending: descending, Search: "kaz")), reception);

        Assert.Equal(expected, page.Items.Select(r => r.FullName));
        Assert.Equal(5, page.Total);
    }

    [Fact]
    public async Task Each_row_counts_only_that_clients_open_cases()
    {
        var busy = await database.RegisterAsync(reception, "Ona", "Petraitienė");
        var idle = await database.RegisterAsync(reception, "Jonas", "Petraitis");
        await database.OpenCaseAsync(reception, busy);
        await database.OpenCaseAsync(reception, busy);
        var closed = await database.OpenCaseAsync(reception, busy);
        var seen = await database.Send(new GetCase(closed), caseworker);
        await database.Send(new CloseCase(closed, seen.Version, CaseOutcome.InformationOnly, null), caseworker);

        var page = await database.Send(new FindClients(new ListWindow(Search: "petrait")), reception);

        Assert.Equal(2, page.Items.Single(r => r.ClientId == busy).OpenCases);
        Assert.Equal(0, page.Items.Single(r => r.ClientId == idle).OpenCases);
    }
}
