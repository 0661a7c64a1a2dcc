using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Work;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Contacts;

public sealed class ContactTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private Caller reception = default!;
    private Caller asta = default!;
    private Guid client;
    private Guid caseId;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        reception = await database.CreateCallerAsync(Roles.Reception);
        asta = await database.CreateUserAsync("asta", Roles.Caseworker);
        client = await database.RegisterAsync(reception);
        caseId = await database.OpenCaseAsync(reception, client, asta.UserId);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_contact_is_stored_on_its_touchpoint_with_the_closing_summary_and_its_promises_and_audited_once()
    {
        var now = database.Clock.UtcDateTime;
        var before = (await database.AuditEntriesAsync()).Count;

        var id = await database.Send(Casework.Contact(client, caseId, now.AddMinutes(-30), touchpoint: 2, channel: ContactChannel.PhoneIn,
            promises: [new PromiseInput("Paskambinti dėl dokumentų", now.AddDays(1)), new PromiseInput("Atsiųsti formą", now.AddDays(2))]), asta);

        var row = Assert.Single((await database.Send(new ListContacts(client, caseId, new ListWindow()), asta)).Items);
        Assert.Equal((id, 2, ContactChannel.PhoneIn, "Aptarta", "Kitas žingsnis"), (row.Id, row.Touchpoint, row.Channel, row.Discussed, row.NextStep));
        Assert.Equal(now.AddMinutes(-30), row.OccurredAtUtc);
        Assert.Equal(2, await database.ReadAsync(db => db.Promises.CountAsync(p => p.ContactId == id && p.OwnerUserId == asta.UserId)));
        var change = (await database.AuditEntriesAsync()).Skip(before).Single(a => a.Kind == AuditKind.Change);
        Assert.Equal((nameof(LogContact), nameof(Contact), id.ToString()), (change.Action, change.EntityType, change.EntityId));
        Assert.Contains("Promise", change.Fields);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task A_touchpoint_outside_the_standards_ten_is_refused_at_the_field(int touchpoint)
    {
        var error = await Assert.ThrowsAsync<RequestValidationException>(
            () => database.Send(Casework.Contact(client, caseId, database.Clock.UtcDateTime, touchpoint: touchpoint), asta));

        Assert.True(error.Errors.ContainsKey(nameof(LogContact.Touchpoint)));
        Assert.Equal(0, await database.ReadAsync(db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task A_contact_in_the_future_or_on_another_clients_case_is_refused()
    {
        var other = await database.RegisterAsync(reception, "Ona", "Kazlauskienė");

        var future = await Assert.ThrowsAsync<RequestValidationException>(
            () => database.Send(Casework.Contact(client, caseId, database.Clock.UtcDateTime.AddHours(2)), asta));
        var wrongCase = await Assert.ThrowsAsync<RequestValidationException>(
            () => database.Send(Casework.Contact(other, caseId, database.Clock.UtcDateTime), asta));

        Assert.True(future.Errors.ContainsKey(nameof(LogContact.OccurredAtUtc)));
        Assert.True(wrongCase.Errors.ContainsKey(nameof(LogContact.CaseId)));
    }

    [Fact]
    public async Task If_a_promise_fails_validation_neither_the_contact_nor_any_promise_is_written()
    {
        var now = database.Clock.UtcDateTime;
        var bad = Casework.Contact(client, caseId, now, promises: [new PromiseInput("Gerai", now.AddDays(1)), new PromiseInput("", now.AddDays(1))]);

        await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(bad, asta));

        Assert.Equal((0, 0), (await database.ReadAsync(db => db.Contacts.CountAsync()), await database.ReadAsync(db => db.Promises.CountAsync())));
    }

    [Fact]
    public async Task Checking_off_a_promise_twice_is_refused_and_open_promises_show_in_my_work()
    {
        var now = database.Clock.UtcDateTime;
        await database.Send(Casework.Contact(client, caseId, now, promises: [new PromiseInput("Atsiųsti formą", now.AddDays(1))]), asta);
        var work = await database.Send(new GetMyWork(), asta);
        var item = Assert.Single(work, w => w.Kind == WorkKind.Promise);
        Assert.Equal(now.AddDays(1), item.DueAtUtc);

        var promise = Assert.Single((await database.Send(new GetCase(caseId), asta)).Promises);
        var version = await database.Send(new CheckOffPromise(promise.Id, promise.Version, null), asta);
        await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new CheckOffPromise(promise.Id, version, null), asta));
        Assert.DoesNotContain(await database.Send(new GetMyWork(), asta), w => w.Kind == WorkKind.Promise);
    }

    [Fact]
    public async Task The_journey_places_contacts_on_touchpoints_and_times_the_key_stages()
    {
        var opened = database.Clock.UtcDateTime;
        database.Clock.Advance(TimeSpan.FromHours(3));
        await database.Send(Casework.Contact(client, caseId, database.Clock.UtcDateTime, touchpoint: 2, channel: ContactChannel.PhoneIn), asta);
        database.Clock.Advance(TimeSpan.FromDays(2));
        await database.Send(Casework.Contact(client, caseId, database.Clock.UtcDateTime, touchpoint: 9), asta);
        var seen = await database.Send(new GetCase(caseId), asta);
        await database.Send(new StartService(caseId, seen.Version), asta);

        var journey = await database.Send(new GetCaseJourney(caseId), asta);

        Assert.Equal([2, 9], journey.Contacts.Select(c => c.Touchpoint));
        var first = journey.Stages.Single(s => s.Stage == JourneyStage.FirstContact);
        var start = journey.Stages.Single(s => s.Stage == JourneyStage.ServiceStart);
        Assert.Equal(opened, first.ReachedAtUtc);
        Assert.Null(journey.Stages.Single(s => s.Stage == JourneyStage.InformationLetter).ReachedAtUtc);
        Assert.Equal(TimeSpan.FromHours(51), start.SincePrevious);
    }
}
