using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Visits;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Visits;

public sealed class VisitTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private Caller caseworker = default!;
    private SeededCase @case = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        caseworker = await database.CreateUserAsync("asta", Roles.Caseworker);
        @case = await CaseworkSeed.CaseAsync(database, caseworker);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private DateTime Now => database.Clock.UtcDateTime;

    private Task<VisitDetails> VisitAsync(Guid id) => database.Send(new GetVisit(id), caseworker);

    private async Task<VisitDetails> OfferAsync(SeededCase? forCase = null)
    {
        var id = await database.Send(new OfferVisit((forCase ?? @case).CaseId, "Buities sąlygų įvertinimas", IsInspection: false), caseworker);
        return await VisitAsync(id);
    }

    private async Task<VisitDetails> AgreedAsync(DateTime startUtc, SeededCase? forCase = null, string? second = null)
    {
        var visit = await OfferAsync(forCase);
        await database.Send(new AgreeVisit(visit.Id, visit.Version, startUtc, startUtc.AddHours(1), second), caseworker);
        return await VisitAsync(visit.Id);
    }

    private async Task<VisitDetails> ArrivedAsync()
    {
        var visit = await AgreedAsync(Now.AddHours(2));
        database.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(3));
        await database.Send(new RecordArrival(visit.Id, visit.Version, Now), caseworker);
        return await VisitAsync(visit.Id);
    }

    private RecordDeparture Departure(VisitDetails visit, DateTime departedUtc, IReadOnlyList<PromiseInput>? promises = null) =>
        new(visit.Id, visit.Version, departedUtc, "Aptarta pagalba į namus", "Buitis ir sveikata", "Skirti 6 val. per savaitę",
            "Užpildytas poreikio vertinimas", "Parengti sutartį", Now.AddDays(7), "Kliento namai", promises ?? []);

    private Task<List<Contact>> ContactsAsync() => database.ReadAsync(db => db.Contacts.AsNoTracking().ToListAsync());

    [Fact]
    public async Task An_offered_visit_goes_to_the_cases_caseworker_without_a_time()
    {
        var head = await database.CreateCallerAsync(Roles.Head);

        var id = await database.Send(new OfferVisit(@case.CaseId, "Patikrinimas dėl skundo", IsInspection: true), head);

        var visit = await VisitAsync(id);
        Assert.Equal((VisitStatus.Offered, caseworker.UserId, true), (visit.Status, visit.CaseworkerUserId, visit.IsInspection));
        Assert.Equal(("Patikrinimas dėl skundo", Now), (visit.Purpose, visit.OfferedAtUtc));
        Assert.Null(visit.AgreedStartUtc);
    }

    [Fact]
    public async Task An_offer_without_a_purpose_is_a_field_error()
    {
        var error = await Assert.ThrowsAsync<RequestValidationException>(
            () => database.Send(new OfferVisit(@case.CaseId, "  ", false), caseworker));

        Assert.Equal([nameof(OfferVisit.Purpose)], error.Errors.Keys);
    }

    [Fact]
    public async Task Agreeing_records_the_time_and_when_it_was_agreed()
    {
        var visit = await OfferAsync();
        var start = Now.AddDays(1);

        var version = await database.Send(new AgreeVisit(visit.Id, visit.Version, start, start.AddMinutes(90)), caseworker);

        var agreed = await VisitAsync(visit.Id);
        Assert.Equal((VisitStatus.Agreed, start, start.AddMinutes(90), Now), (agreed.Status, agreed.AgreedStartUtc!.Value, agreed.AgreedEndUtc!.Value, agreed.AgreedAtUtc!.Value));
        Assert.Equal(version, agreed.Version);
    }

    [Fact]
    public async Task Agreeing_a_time_in_the_past_is_refused_because_the_visit_is_still_to_come()
    {
        using var _ = UiCulture.Use("en");
        var visit = await OfferAsync();

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(
            () => database.Send(new AgreeVisit(visit.Id, visit.Version, Now.AddHours(-2), Now.AddHours(-1)), caseworker));

        Assert.Equal("The time cannot be in the past, because a visit is agreed for a time still to come.", refusal.Because);
        Assert.Equal(VisitStatus.Offered, (await VisitAsync(visit.Id)).Status);
        var audit = (await database.AuditEntriesAsync()).Last(a => a.Kind != AuditKind.Read);
        Assert.Equal((AuditKind.Refused, nameof(AgreeVisit)), (audit.Kind, audit.Action));
    }

    [Fact]
    public async Task Agreeing_twice_is_refused_and_points_to_rescheduling()
    {
        using var _ = UiCulture.Use("en");
        var visit = await AgreedAsync(Now.AddDays(1));

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(
            () => database.Send(new AgreeVisit(visit.Id, visit.Version, Now.AddDays(2), Now.AddDays(2).AddHours(1)), caseworker));

        Assert.Contains("because one is already agreed; reschedule", refusal.Because);
    }

    [Fact]
    public async Task A_client_flagged_for_two_employees_is_not_visited_alone()
    {
        using var _ = UiCulture.Use("en");
        var flagged = await CaseworkSeed.CaseAsync(database, caseworker, meetWithTwoEmployees: true, firstName: "Petras", lastName: "Kazlauskas");
        var visit = await OfferAsync(flagged);
        var start = Now.AddDays(1);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(
            () => database.Send(new AgreeVisit(visit.Id, visit.Version, start, start.AddHours(1)), caseworker));
        Assert.Equal("Choose a second employee, because this client is to be met by two employees (standard 9.6).", refusal.Because);

        var colleague = await database.CreateUserAsync("jonas", Roles.Caseworker);
        await database.Send(new AgreeVisit(visit.Id, visit.Version, start, start.AddHours(1), colleague.UserId), caseworker);

        var agreed = await VisitAsync(visit.Id);
        Assert.Equal((VisitStatus.Agreed, colleague.UserId, "jonas Tester"), (agreed.Status, agreed.SecondEmployeeUserId, agreed.SecondEmployee));
        Assert.True(agreed.MeetWithTwoEmployees);
        Assert.True((await database.Send(new ListCaseVisits(flagged.CaseId), caseworker)).MeetWithTwoEmployees);
    }

    [Fact]
    public async Task The_second_employee_is_another_caseworker_or_head()
    {
        using var _ = UiCulture.Use("en");
        var visit = await OfferAsync();
        var start = Now.AddDays(1);
        var reception = await database.CreateCallerAsync(Roles.Reception);

        var error = await Assert.ThrowsAsync<RequestValidationException>(
            () => database.Send(new AgreeVisit(visit.Id, visit.Version, start, start.AddHours(1), reception.UserId), caseworker));
        Assert.Equal([nameof(AgreeVisit.SecondEmployeeUserId)], error.Errors.Keys);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(
            () => database.Send(new AgreeVisit(visit.Id, visit.Version, start, start.AddHours(1), caseworker.UserId), caseworker));
        Assert.Equal("The second employee must be someone other than the visiting caseworker.", refusal.Because);
    }

    [Fact]
    public async Task Rescheduling_a_visit_without_an_agreed_time_is_refused_because_none_was_agreed()
    {
        using var _ = UiCulture.Use("en");
        var visit = await OfferAsync();

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(
            new RescheduleVisit(visit.Id, visit.Version, Now.AddDays(1), Now.AddDays(1).AddHours(1), "Liga", Now, "Telefonu"), caseworker));

        Assert.Equal("The visit cannot be rescheduled, because no time has been agreed for it yet; agree a time first.", refusal.Because);
        Assert.Empty((await VisitAsync(visit.Id)).Reschedules);
    }

    [Fact]
    public async Task A_reschedule_told_before_the_agreed_time_is_recorded_as_told_in_time()
    {
        var visit = await AgreedAsync(Now.AddDays(1));
        var newStart = Now.AddDays(3);
        var toldAt = Now.AddMinutes(-10);

        await database.Send(new RescheduleVisit(visit.Id, visit.Version, newStart, newStart.AddHours(1), "Darbuotojo liga", toldAt, "Telefonu"), caseworker);

        var moved = await VisitAsync(visit.Id);
        var reschedule = Assert.Single(moved.Reschedules);
        Assert.True(reschedule.ToldBeforeAgreedTime);
        Assert.Equal((visit.AgreedStartUtc!.Value, newStart, toldAt), (reschedule.PreviousStartUtc, reschedule.NewStartUtc, reschedule.ClientToldAtUtc));
        Assert.Equal(("Darbuotojo liga", "Telefonu"), (reschedule.Reason, reschedule.ClientToldHow));
        Assert.Equal((newStart, newStart.AddHours(1), VisitStatus.Agreed), (moved.AgreedStartUtc!.Value, moved.AgreedEndUtc!.Value, moved.Status));
        var row = Assert.Single((await database.Send(new ListCaseVisits(@case.CaseId), caseworker)).Visits);
        Assert.Equal((1, false), (row.Reschedules, row.ToldLate));
    }

    [Fact]
    public async Task A_reschedule_told_only_after_the_agreed_time_is_recorded_as_told_late()
    {
        var agreedStart = Now.AddHours(1);
        var visit = await AgreedAsync(agreedStart);
        database.Clock.Advance(TimeSpan.FromHours(2)); // the agreed time has passed and nobody came
        var newStart = Now.AddDays(1);

        await database.Send(new RescheduleVisit(visit.Id, visit.Version, newStart, newStart.AddHours(1), "Pamiršta", agreedStart.AddMinutes(30), "SMS"), caseworker);

        var reschedule = Assert.Single((await VisitAsync(visit.Id)).Reschedules);
        Assert.False(reschedule.ToldBeforeAgreedTime);
        Assert.True(Assert.Single((await database.Send(new ListCaseVisits(@case.CaseId), caseworker)).Visits).ToldLate);
    }

    [Fact]
    public async Task A_reschedule_needs_a_reason_and_how_the_client_was_told()
    {
        var visit = await AgreedAsync(Now.AddDays(1));

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(
            new RescheduleVisit(visit.Id, visit.Version, Now.AddDays(2), Now.AddDays(2).AddHours(1), "", Now, " "), caseworker));

        Assert.Equal([nameof(RescheduleVisit.ClientToldHow), nameof(RescheduleVisit.Reason)], error.Errors.Keys.Order());
    }

    [Fact]
    public async Task Arrival_and_departure_close_the_visit_and_log_exactly_one_contact_on_touchpoint_7_with_the_closing_summary()
    {
        var visit = await ArrivedAsync();
        Assert.Equal(3, visit.ArrivalDelayMinutes);
        var arrivedAt = visit.ArrivedAtUtc!.Value;
        database.Clock.Advance(TimeSpan.FromMinutes(50));
        var nextMeeting = Now.AddDays(7);

        await database.Send(Departure(visit, Now, [new PromiseInput("Atsiųsti sutarties projektą", Now.AddDays(2))]) with { NextMeetingAtUtc = nextMeeting }, caseworker);

        var done = await VisitAsync(visit.Id);
        var contact = Assert.Single(await ContactsAsync());
        Assert.Equal((VisitStatus.Done, Now, (Guid?)contact.Id), (done.Status, done.DepartedAtUtc!.Value, done.ContactId));
        Assert.Equal((7, ContactChannel.HomeVisit, ContactDirection.FaceToFace), (contact.Touchpoint, contact.Channel, contact.Direction));
        Assert.Equal((@case.ClientId, (Guid?)@case.CaseId, arrivedAt), (contact.ClientId, contact.CaseId, contact.OccurredAtUtc));
        Assert.Equal(caseworker.UserId, contact.EmployeeUserId);
        Assert.Equal(("HomeVisit", (Guid?)visit.Id), (contact.SourceKind, contact.SourceId));
        Assert.Equal(("Aptarta pagalba į namus", "Buitis ir sveikata", "Skirti 6 val. per savaitę"), (contact.Summary, contact.Discussed, contact.Decided));
        Assert.Equal(("Užpildytas poreikio vertinimas", "Parengti sutartį"), (contact.Done, contact.NextStep));
        Assert.Equal(((DateTime?)nextMeeting, "Kliento namai"), (contact.NextMeetingAtUtc, contact.NextMeetingPlace));
        var promise = await database.ReadAsync(db => db.Promises.AsNoTracking().SingleAsync());
        Assert.Equal(("Atsiųsti sutarties projektą", (Guid?)contact.Id), (promise.Text, promise.ContactId));
    }

    [Fact]
    public async Task A_departure_before_the_arrival_is_refused_because_the_length_counts_from_the_arrival_and_writes_no_contact()
    {
        using var _ = UiCulture.Use("en");
        var visit = await ArrivedAsync();

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(
            () => database.Send(Departure(visit, visit.ArrivedAtUtc!.Value.AddMinutes(-5)), caseworker));

        Assert.Equal("The departure cannot be before the arrival, because the visit's length is counted from the arrival.", refusal.Because);
        Assert.Empty(await ContactsAsync());
        Assert.Equal(VisitStatus.Agreed, (await VisitAsync(visit.Id)).Status);
    }

    [Fact]
    public async Task A_departure_without_an_arrival_is_refused()
    {
        using var _ = UiCulture.Use("en");
        var visit = await AgreedAsync(Now.AddMinutes(1));

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(Departure(visit, Now), caseworker));

        Assert.StartsWith("Record the arrival first, because", refusal.Because);
        Assert.Empty(await ContactsAsync());
    }

    [Fact]
    public async Task A_second_departure_is_refused_because_the_visit_is_finished()
    {
        using var _ = UiCulture.Use("en");
        var visit = await ArrivedAsync();
        database.Clock.Advance(TimeSpan.FromMinutes(30));
        await database.Send(Departure(visit, Now), caseworker);
        var done = await VisitAsync(visit.Id);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(Departure(done, Now), caseworker));

        Assert.Equal("The visit cannot be changed, because it is finished or cancelled.", refusal.Because);
        Assert.Single(await ContactsAsync());
    }

    [Fact]
    public async Task A_departure_without_a_summary_is_a_field_error()
    {
        var visit = await ArrivedAsync();

        var error = await Assert.ThrowsAsync<RequestValidationException>(
            () => database.Send(Departure(visit, Now) with { Summary = "" }, caseworker));

        Assert.Equal([nameof(RecordDeparture.Summary)], error.Errors.Keys);
    }

    [Fact]
    public async Task Arrival_is_refused_before_a_time_is_agreed_and_cannot_be_in_the_future()
    {
        using var _ = UiCulture.Use("en");
        var offered = await OfferAsync();
        var notAgreed = await Assert.ThrowsAsync<DomainRefusalException>(
            () => database.Send(new RecordArrival(offered.Id, offered.Version, Now), caseworker));
        Assert.Equal("The arrival cannot be recorded, because no time has been agreed for the visit yet.", notAgreed.Because);

        var agreed = await AgreedAsync(Now.AddHours(1));
        var future = await Assert.ThrowsAsync<DomainRefusalException>(
            () => database.Send(new RecordArrival(agreed.Id, agreed.Version, Now.AddMinutes(30)), caseworker));
        Assert.Contains("because", future.Because);
        Assert.Null((await VisitAsync(agreed.Id)).ArrivedAtUtc);
    }

    [Fact]
    public async Task A_visit_is_cancelled_with_its_reason()
    {
        var visit = await AgreedAsync(Now.AddDays(1));

        await database.Send(new CancelVisit(visit.Id, visit.Version, "Klientas išvyko į ligoninę"), caseworker);

        var cancelled = await VisitAsync(visit.Id);
        Assert.Equal((VisitStatus.Cancelled, "Klientas išvyko į ligoninę"), (cancelled.Status, cancelled.CancelReason));
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_and_is_refused_once_the_specialist_has_arrived()
    {
        using var _ = UiCulture.Use("en");
        var visit = await ArrivedAsync();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(new CancelVisit(visit.Id, visit.Version, ""), caseworker));
        Assert.Equal([nameof(CancelVisit.Reason)], error.Errors.Keys);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new CancelVisit(visit.Id, visit.Version, "Nebereikia"), caseworker));
        Assert.StartsWith("The visit cannot be cancelled, because the arrival is already recorded", refusal.Because);
    }

    [Fact]
    public async Task A_cancelled_visit_cannot_be_agreed_or_rescheduled()
    {
        using var _ = UiCulture.Use("en");
        var visit = await OfferAsync();
        var version = await database.Send(new CancelVisit(visit.Id, visit.Version, "Nebereikia"), caseworker);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(
            () => database.Send(new AgreeVisit(visit.Id, version, Now.AddDays(1), Now.AddDays(1).AddHours(1)), caseworker));

        Assert.Equal("The visit cannot be changed, because it is finished or cancelled.", refusal.Because);
    }

    [Fact]
    public async Task Saving_with_a_stale_version_is_a_conflict()
    {
        var visit = await OfferAsync();
        await database.Send(new AgreeVisit(visit.Id, visit.Version, Now.AddDays(1), Now.AddDays(1).AddHours(1)), caseworker);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => database.Send(new CancelVisit(visit.Id, visit.Version, "Nebereikia"), caseworker));

        Assert.Equal(VisitStatus.Agreed, (await VisitAsync(visit.Id)).Status);
    }

    [Fact]
    public async Task The_calendar_shows_the_caseworkers_agreed_visits_in_the_range_including_those_as_second_employee()
    {
        var colleague = await database.CreateUserAsync("jonas", Roles.Caseworker);
        var monday = new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);
        var inRange = await AgreedAsync(monday.AddDays(1).AddHours(8));
        var nextWeek = await AgreedAsync(monday.AddDays(8).AddHours(8));
        var cancelled = await AgreedAsync(monday.AddDays(2).AddHours(8));
        await database.Send(new CancelVisit(cancelled.Id, cancelled.Version, "Nebereikia"), caseworker);
        await OfferAsync(); // no time yet
        var colleaguesCase = await CaseworkSeed.CaseAsync(database, colleague, firstName: "Rūta", lastName: "Jonaitienė");
        var asSecond = await database.Send(new OfferVisit(colleaguesCase.CaseId, "Kartu su kolega", false), colleague);
        var offered = await database.Send(new GetVisit(asSecond), colleague);
        await database.Send(new AgreeVisit(asSecond, offered.Version, monday.AddDays(3).AddHours(9), monday.AddDays(3).AddHours(10), caseworker.UserId), colleague);

        var week = await database.Send(new GetVisitCalendar(caseworker.UserId, monday, monday.AddDays(7)), caseworker);

        Assert.Equal([inRange.Id, asSecond], week.Select(v => v.Id));
        Assert.Equal([false, true], week.Select(v => v.AsSecondEmployee));
        Assert.Equal(("Ona Žemaitienė", @case.Number, "Vilniaus g. 12-3, Alytus"), (week[0].ClientName, week[0].CaseNumber, week[0].ClientAddress));
        Assert.Equal((inRange.AgreedStartUtc!.Value, inRange.AgreedEndUtc!.Value), (week[0].StartUtc, week[0].EndUtc));
        Assert.DoesNotContain(nextWeek.Id, week.Select(v => v.Id));
    }

    [Fact]
    public async Task A_caseworker_sees_only_their_own_calendar_and_a_head_sees_anyones()
    {
        var colleague = await database.CreateUserAsync("jonas", Roles.Caseworker);
        var head = await database.CreateCallerAsync(Roles.Head);
        var visit = await AgreedAsync(Now.AddDays(1));

        await Assert.ThrowsAsync<AccessDeniedException>(
            () => database.Send(new GetVisitCalendar(caseworker.UserId, Now, Now.AddDays(7)), colleague));

        var seenByHead = await database.Send(new GetVisitCalendar(caseworker.UserId, Now, Now.AddDays(7)), head);
        Assert.Equal([visit.Id], seenByHead.Select(v => v.Id));
    }

    [Fact]
    public async Task A_calendar_range_must_be_forward_and_not_too_long()
    {
        var error = await Assert.ThrowsAsync<RequestValidationException>(
            () => database.Send(new GetVisitCalendar(caseworker.UserId, Now, Now.AddDays(-1)), caseworker));
        Assert.Equal([nameof(GetVisitCalendar.ToUtc)], error.Errors.Keys);

        await Assert.ThrowsAsync<RequestValidationException>(
            () => database.Send(new GetVisitCalendar(caseworker.UserId, Now, Now.AddDays(400)), caseworker));
    }

    [Fact]
    public async Task Visits_of_a_closed_case_cannot_be_agreed()
    {
        using var _ = UiCulture.Use("en");
        var visit = await OfferAsync();
        await CaseworkSeed.CloseAsync(database, @case.CaseId);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(
            () => database.Send(new AgreeVisit(visit.Id, visit.Version, Now.AddDays(1), Now.AddDays(1).AddHours(1)), caseworker));

        Assert.Equal("The case is closed, so it cannot be changed.", refusal.Because);
    }

    [Fact]
    public async Task Roles_without_casework_are_denied_and_the_standard_officer_only_reads()
    {
        var visit = await OfferAsync();
        var reception = await database.CreateCallerAsync(Roles.Reception);
        var quality = await database.CreateCallerAsync(Roles.QualityOfficer);
        var trainer = await database.CreateCallerAsync(Roles.Trainer);

        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new OfferVisit(@case.CaseId, "Vizitas", false), reception));
        await Assert.ThrowsAsync<AccessDeniedException>(
            () => database.Send(new AgreeVisit(visit.Id, visit.Version, Now.AddDays(1), Now.AddDays(1).AddHours(1)), quality));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new CancelVisit(visit.Id, visit.Version, "Ne"), quality));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new GetVisit(visit.Id), trainer));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new ListCaseVisits(@case.CaseId), reception));

        Assert.Equal(VisitStatus.Offered, (await database.Send(new GetVisit(visit.Id), quality)).Status);
        Assert.Single((await database.Send(new ListCaseVisits(@case.CaseId), quality)).Visits);
        var denials = (await database.AuditEntriesAsync()).Count(a => a.Kind == AuditKind.Denied);
        Assert.Equal(5, denials);
    }
}
