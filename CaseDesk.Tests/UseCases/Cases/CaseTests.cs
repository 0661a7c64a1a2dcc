using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Cases;

public sealed class CaseTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private Caller reception = default!;
    private Caller asta = default!;
    private Caller tomas = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        reception = await database.CreateCallerAsync(Roles.Reception);
        asta = await database.CreateUserAsync("asta", Roles.Caseworker);
        tomas = await database.CreateUserAsync("tomas", Roles.Caseworker);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Reception_opens_and_routes_a_case_and_the_history_keeps_every_move()
    {
        var client = await database.RegisterAsync(reception);
        var id = await database.OpenCaseAsync(reception, client);
        var opened = await database.Send(new GetCase(id), reception);
        Assert.Equal((CaseStatus.Registered, "SP-2026-000001"), (opened.Status, opened.Number));

        database.Clock.Advance(TimeSpan.FromMinutes(10));
        var v2 = await database.Send(new AssignCase(id, opened.Version, asta.UserId, "Skambino dėl pagalbos namuose"), reception);
        database.Clock.Advance(TimeSpan.FromDays(1));
        await database.Send(new AssignCase(id, v2, tomas.UserId, "Asta atostogauja"), asta);

        var moved = await database.Send(new GetCase(id), reception);
        Assert.Equal((CaseStatus.Assigned, tomas.UserId), (moved.Status, moved.AssignedToUserId));
        Assert.Equal([CaseStatus.Registered, CaseStatus.Assigned, CaseStatus.Assigned], moved.History.Select(h => h.To));
        Assert.Equal("Asta atostogauja", moved.History[^1].Note);
        Assert.Equal(database.Clock.UtcDateTime, moved.History[^1].AtUtc);
    }

    [Fact]
    public async Task Case_numbers_run_on_within_the_year()
    {
        var client = await database.RegisterAsync(reception);
        await database.OpenCaseAsync(reception, client);
        var second = await database.OpenCaseAsync(reception, client);

        Assert.Equal("SP-2026-000002", (await database.Send(new GetCase(second), reception)).Number);
    }

    [Fact]
    public async Task A_case_cannot_go_to_a_receptionist_because_only_caseworkers_and_heads_administer_cases()
    {
        using var _ = UiCulture.Use("en");
        var client = await database.RegisterAsync(reception);
        var id = await database.OpenCaseAsync(reception, client);
        var seen = await database.Send(new GetCase(id), reception);

        var refusal = await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(new AssignCase(id, seen.Version, reception.UserId, null), reception));

        // At the owner field, saying why.
        Assert.Contains("because only caseworkers and heads", Assert.Single(refusal.Errors[nameof(AssignCase.AssignToUserId)]));
        Assert.Equal(CaseStatus.Registered, (await database.Send(new GetCase(id), reception)).Status);
    }

    [Fact]
    public async Task Closing_with_open_promises_is_refused_because_promises_must_be_kept_and_closing_after_keeping_them_works()
    {
        using var _ = UiCulture.Use("en");
        var client = await database.RegisterAsync(reception);
        var id = await database.OpenCaseAsync(reception, client, asta.UserId);
        var now = database.Clock.UtcDateTime;
        await database.Send(Casework.Contact(client, id, now, promises: [new PromiseInput("Atsiųsti prašymo formą", now.AddDays(2))]), asta);
        var seen = await database.Send(new GetCase(id), asta);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new CloseCase(id, seen.Version, CaseOutcome.ServiceGranted, null), asta));
        Assert.Contains("because 1 promise(s) to the client are still open", refusal.Because);

        var promise = Assert.Single(seen.Promises);
        await database.Send(new CheckOffPromise(promise.Id, promise.Version, "Išsiųsta paštu"), asta);
        var again = await database.Send(new GetCase(id), asta);
        await database.Send(new CloseCase(id, again.Version, CaseOutcome.ServiceGranted, null), asta);

        var closed = await database.Send(new GetCase(id), asta);
        Assert.Equal((CaseStatus.Closed, CaseOutcome.ServiceGranted), (closed.Status, closed.Outcome));
        await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(Casework.Contact(client, id, database.Clock.UtcDateTime), asta));
    }

    [Fact]
    public async Task A_refusal_outcome_needs_its_because()
    {
        var client = await database.RegisterAsync(reception);
        var id = await database.OpenCaseAsync(reception, client, asta.UserId);
        var seen = await database.Send(new GetCase(id), asta);

        await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new CloseCase(id, seen.Version, CaseOutcome.ServiceRefused, " "), asta));
        await database.Send(new CloseCase(id, seen.Version, CaseOutcome.ServiceRefused, "Neatitinka pajamų kriterijaus, nes viršija 1,5 VRP"), asta);
    }

    [Fact]
    public async Task The_service_cannot_start_before_a_caseworker_has_the_case()
    {
        var client = await database.RegisterAsync(reception);
        var id = await database.OpenCaseAsync(reception, client);
        var head = await database.CreateCallerAsync(Roles.Head);
        var seen = await database.Send(new GetCase(id), head);

        await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new StartService(id, seen.Version), head));
    }

    [Fact]
    public async Task Reception_cannot_close_cases_and_a_trainer_cannot_open_them()
    {
        var client = await database.RegisterAsync(reception);
        var id = await database.OpenCaseAsync(reception, client, asta.UserId);
        var seen = await database.Send(new GetCase(id), reception);
        var trainer = await database.CreateCallerAsync(Roles.Trainer);

        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new CloseCase(id, seen.Version, CaseOutcome.Withdrawn, null), reception));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.OpenCaseAsync(trainer, client));
        Assert.Equal(1, await database.ReadAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task Two_people_route_the_same_case_the_second_gets_a_conflict()
    {
        var client = await database.RegisterAsync(reception);
        var id = await database.OpenCaseAsync(reception, client);
        var seen = await database.Send(new GetCase(id), reception);

        await database.Send(new AssignCase(id, seen.Version, asta.UserId, null), reception);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => database.Send(new AssignCase(id, seen.Version, tomas.UserId, null), reception));

        Assert.Equal(asta.UserId, (await database.Send(new GetCase(id), reception)).AssignedToUserId);
    }

    [Fact]
    public async Task The_caseworkers_list_holds_only_their_open_cases_soonest_due_first()
    {
        var client = await database.RegisterAsync(reception);
        var start = database.Clock.UtcDateTime;
        var late = await database.Send(new OpenCase(client, "A", Casework.SocialServices, asta.UserId, start.AddDays(9)), reception);
        var soon = await database.Send(new OpenCase(client, "B", Casework.SocialServices, asta.UserId, start.AddDays(1)), reception);
        await database.Send(new OpenCase(client, "C", Casework.SocialServices, tomas.UserId, start.AddDays(2)), reception);
        var closed = await database.Send(new OpenCase(client, "D", Casework.SocialServices, asta.UserId, start.AddHours(1)), reception);
        var seen = await database.Send(new GetCase(closed), asta);
        await database.Send(new CloseCase(closed, seen.Version, CaseOutcome.InformationOnly, null), asta);

        var mine = await database.Send(new ListCases(CaseScope.Mine, new ListWindow()), asta);

        Assert.Equal([soon, late], mine.Items.Select(r => r.Id));
        Assert.Equal(2, mine.Total);
    }

    [Fact]
    public async Task A_promise_or_next_meeting_sooner_than_the_due_date_brings_the_case_forward()
    {
        var client = await database.RegisterAsync(reception);
        var id = await database.OpenCaseAsync(reception, client, asta.UserId);
        var now = database.Clock.UtcDateTime;

        await database.Send(Casework.Contact(client, id, now, nextMeeting: now.AddDays(2)), asta);

        Assert.Equal(now.AddDays(2), (await database.Send(new GetCase(id), asta)).DueAtUtc);
    }
}
