using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Common;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.UseCases.Cases;

public sealed class SetCaseDueTests : IAsyncLifetime
{
    private readonly UiCulture culture = UiCulture.Use("en");
    private TestDatabase database = default!;
    private Caller reception = default!;
    private Caller asta = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        reception = await database.CreateCallerAsync(Roles.Reception);
        asta = await database.CreateUserAsync("asta", Roles.Caseworker);
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        culture.Dispose();
    }

    private async Task<CaseDetails> OpenAsync()
    {
        var client = await database.RegisterAsync(reception);
        return await database.Send(new GetCase(await database.OpenCaseAsync(reception, client, asta.UserId)), asta);
    }

    [Fact]
    public async Task The_caseworker_moves_the_due_date_and_the_case_list_sorts_by_it()
    {
        var first = await OpenAsync();
        var second = await OpenAsync();
        var due = database.Clock.UtcDateTime.AddDays(2);

        var version = await database.Send(new SetCaseDue(second.Id, second.Version, due), asta);

        var moved = await database.Send(new GetCase(second.Id), asta);
        Assert.Equal((due, version), (moved.DueAtUtc, moved.Version));
        Assert.NotEqual(second.Version, version);
        var mine = await database.Send(new ListCases(CaseScope.Mine, new ListWindow(SortBy: nameof(CaseRow.DueAtUtc))), asta);
        Assert.Equal([second.Id, first.Id], mine.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task A_due_date_in_the_past_is_refused_at_the_field_and_nothing_changes()
    {
        var seen = await OpenAsync();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            database.Send(new SetCaseDue(seen.Id, seen.Version, database.Clock.UtcDateTime.AddMinutes(-1)), asta));

        Assert.Equal(["The due date cannot be in the past."], error.Errors[nameof(SetCaseDue.DueAtUtc)]);
        Assert.Equal(seen.DueAtUtc, (await database.Send(new GetCase(seen.Id), asta)).DueAtUtc);
    }

    [Fact]
    public async Task A_closed_case_gets_no_due_date_because_it_cannot_be_changed()
    {
        var seen = await OpenAsync();
        var closedVersion = await database.Send(new CloseCase(seen.Id, seen.Version, CaseOutcome.InformationOnly, null), asta);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() =>
            database.Send(new SetCaseDue(seen.Id, closedVersion, database.Clock.UtcDateTime.AddDays(3)), asta));

        Assert.Equal("The case is closed, so it cannot be changed.", refusal.Because);
        Assert.Equal(seen.DueAtUtc, (await database.Send(new GetCase(seen.Id), asta)).DueAtUtc);
    }

    [Fact]
    public async Task Opening_a_case_takes_the_given_due_date_and_refuses_one_in_the_past()
    {
        var client = await database.RegisterAsync(reception);
        var due = database.Clock.UtcDateTime.AddDays(3);

        var id = await database.Send(new OpenCase(client, "Pagalba namuose", Casework.SocialServices, asta.UserId, due), reception);
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(
            new OpenCase(client, "Pagalba namuose", Casework.SocialServices, asta.UserId, database.Clock.UtcDateTime.AddDays(-1)), reception));

        Assert.Equal(due, (await database.Send(new GetCase(id), asta)).DueAtUtc);
        Assert.Equal(["The due date cannot be in the past."], error.Errors[nameof(OpenCase.DueAtUtc)]);
    }
}
