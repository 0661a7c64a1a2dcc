using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Emails;
using CaseDesk.Domain.Letters;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Domain.Reference;
using CaseDesk.Domain.Visits;
using CaseDesk.Domain.Work;
using CaseDesk.Tests.Mail;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.Visits;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Clocks;

/// <summary>The events of docs/clocks.md, sent as the real commands: each starts, moves or stops its clock.</summary>
public sealed class ClockIntegrationTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private Caller reception = default!;
    private Caller asta = default!;
    private Caller tomas = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(); // Monday 2 March 2026, 10:30 in Vilnius
        reception = await database.CreateCallerAsync(Roles.Reception);
        asta = await database.CreateUserAsync("asta", Roles.Caseworker);
        tomas = await database.CreateUserAsync("tomas", Roles.Caseworker);
        await CaseworkSeed.SetSignatureAsync(database, asta, "Asta", "Petrauskienė", "Socialinė darbuotoja", "+370 315 56 662");
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<List<ResponseClock>> ClocksOf(Guid subject) =>
        database.ReadAsync(db => db.ResponseClocks.AsNoTracking().Where(c => c.SubjectId == subject).OrderBy(c => c.StartedAtUtc).ToListAsync());

    [Fact]
    public async Task A_phone_message_starts_a_call_back_clock_for_the_addressee_forwarding_moves_it_and_the_call_back_stops_it()
    {
        var calledAt = database.Clock.UtcDateTime.AddMinutes(-10);
        var client = await database.RegisterAsync(reception);
        var id = await database.Send(new TakePhoneMessage(calledAt, "Ona", null, null, "+370 600 00001", "Prašo paskambinti", asta.UserId, client), reception);

        var started = Assert.Single(await ClocksOf(id));
        Assert.Equal((ClockKind.CallBack, asta.UserId, calledAt, ClockState.Running), (started.Kind, started.OwnerUserId, started.StartedAtUtc, started.State));
        Assert.Equal(calledAt.AddDays(1), started.DueAtUtc); // one working day: Tuesday at the same time

        var message = await database.Send(new GetPhoneMessage(id), asta);
        var version = await database.Send(new ForwardPhoneMessage(id, message.Version, tomas.UserId), asta);
        Assert.Equal(tomas.UserId, Assert.Single(await ClocksOf(id)).OwnerUserId);
        Assert.Contains(await database.Send(new GetMyWork(), tomas), w => w.Id == id && w.Status == ClockStatus.OnTrack);

        database.Clock.Advance(TimeSpan.FromHours(2));
        await database.Send(new LogCallBack(id, version, client, null, database.Clock.UtcDateTime, "Atskambinau", null, null, null, null, null, null, []), tomas);

        var stopped = Assert.Single(await ClocksOf(id));
        Assert.Equal((ClockState.Met, 130.0, 540.0 - 130), (stopped.State, stopped.ActualMinutes!.Value, stopped.MarginMinutes!.Value));
        Assert.DoesNotContain(await database.Send(new GetMyWork(), tomas), w => w.Id == id);
    }

    [Fact]
    public async Task A_call_back_left_too_long_shows_at_risk_then_breached_in_my_work()
    {
        var id = await database.Send(new TakePhoneMessage(database.Clock.UtcDateTime, "Ona", null, null, "+370 600 00001", "Prašo paskambinti", asta.UserId), reception);

        database.Clock.Advance(TimeSpan.FromHours(22)); // Tuesday 8:30: 420 of the 540 working minutes to Tuesday 10:30 used (75 % = 405)
        Assert.Equal(ClockStatus.AtRisk, (await database.Send(new GetMyWork(), asta)).Single(w => w.Id == id).Status);
        database.Clock.Advance(TimeSpan.FromDays(1));
        var item = (await database.Send(new GetMyWork(), asta)).Single(w => w.Id == id);
        Assert.Equal(ClockStatus.Breached, item.Status);
        Assert.Equal(Assert.Single(await ClocksOf(id)).DueAtUtc, item.DueAtUtc);
    }

    [Fact]
    public async Task An_e_mail_reply_clock_runs_from_the_received_time_and_the_reply_stops_it()
    {
        var client = await database.RegisterAsync(reception);
        var received = database.Clock.UtcDateTime.AddHours(-1);
        var id = await database.Send(new RegisterEmail(received, "ona@example.lt", "Ona", "Klausimas", "Kokių dokumentų reikia?", client, null, asta.UserId), reception);
        Assert.Equal((ClockKind.EmailReply, received), Assert.Single(await ClocksOf(id)) is var c ? (c.Kind, c.StartedAtUtc) : default);

        var email = await database.Send(new GetEmail(id), asta);
        await database.Send(new ReplyToEmail(id, email.Version, "Re: Klausimas", "Reikia prašymo ir asmens dokumento."), asta);
        // Queued, not yet accepted by the mail server: the clock still runs.
        Assert.Equal(ClockState.Running, Assert.Single(await ClocksOf(id)).State);
        database.Clock.Advance(TimeSpan.FromMinutes(2));
        await database.AcceptOutboxAsync();

        var stopped = Assert.Single(await ClocksOf(id));
        Assert.Equal((ClockState.Met, (DateTime?)database.Clock.UtcDateTime), (stopped.State, stopped.StoppedAtUtc));
    }

    [Fact]
    public async Task A_caseworker_of_another_unit_may_not_pause_a_letter_clock_its_author_and_a_head_may()
    {
        using var _ = UiCulture.Use("en");
        var seeded = await CaseworkSeed.CaseAsync(database, asta);
        var id = await database.Send(new ComposeLetter(seeded.CaseId, StandardLetterTemplates.All[0].Id), asta);
        var clock = Assert.Single(await ClocksOf(id));
        await database.PlaceInUnitAsync(tomas, StandardReferenceData.Units.Single(u => u.Code == "reception").Id);
        var head = await database.CreateCallerAsync(Roles.Head);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new PauseClock(clock.Id, "Laukiama dokumentų"), tomas));
        Assert.Contains("because it belongs to someone else's work in another unit", refusal.Because);
        Assert.Equal(ClockState.Running, Assert.Single(await ClocksOf(id)).State);

        await database.Send(new PauseClock(clock.Id, "Laukiama kliento dokumentų"), asta);
        await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new ResumeClock(clock.Id), tomas));
        var paused = Assert.Single(await ClocksOf(id));
        Assert.Equal((ClockState.Paused, "Laukiama kliento dokumentų"), (paused.State, paused.PauseReason));

        await database.Send(new ResumeClock(clock.Id), head);
        Assert.Equal(ClockState.Running, Assert.Single(await ClocksOf(id)).State);
    }

    [Fact]
    public async Task A_letter_clock_starts_at_the_request_and_stops_at_the_sent_time_given()
    {
        var seeded = await CaseworkSeed.CaseAsync(database, asta);
        var template = StandardLetterTemplates.All[0].Id;
        var requested = database.Clock.UtcDateTime.AddDays(-7); // a week ago: 5 working days (Monday to Monday)
        var id = await database.Send(new ComposeLetter(seeded.CaseId, template, requested), asta);
        var letter = await database.Send(new GetLetter(id), asta);

        await database.Send(new MarkLetterSent(id, letter.Version, database.Clock.UtcDateTime, LetterChannel.Post), asta);

        var clock = Assert.Single(await ClocksOf(id));
        // Monday 23 February 10:30 to Monday 2 March 10:30: exactly five working days, the whole target, met.
        Assert.Equal((ClockKind.InformationLetter, requested, 2625.0), (clock.Kind, clock.StartedAtUtc, clock.ActualMinutes!.Value));
        Assert.Equal((ClockState.Met, 2625, 0.0), (clock.State, clock.TargetMinutes, clock.MarginMinutes!.Value));
    }

    [Fact]
    public async Task A_visit_is_timed_from_offer_to_agreement_then_for_punctuality_and_a_late_reschedule_notice_is_missed()
    {
        var seeded = await CaseworkSeed.CaseAsync(database, asta);
        var visitId = await database.Send(new OfferVisit(seeded.CaseId, "Buities sąlygų įvertinimas", false), asta);
        var start = database.Clock.UtcDateTime.AddDays(1);
        database.Clock.Advance(TimeSpan.FromHours(1));
        var visit = await database.Send(new GetVisit(visitId), asta);
        var version = await database.Send(new AgreeVisit(visitId, visit.Version, start, start.AddHours(1)), asta);

        var clocks = await ClocksOf(visitId);
        Assert.Equal(ClockState.Met, clocks.Single(c => c.Kind == ClockKind.VisitAgreed).State);
        Assert.Equal((start, start.AddMinutes(15)), clocks.Single(c => c.Kind == ClockKind.VisitArrival) is var a ? (a.StartedAtUtc, a.DueAtUtc) : default);

        // Moved, but the client only heard of it 10 minutes after the time that had been agreed.
        database.Clock.SetUtcNow(start.AddMinutes(20));
        var later = start.AddDays(2);
        version = await database.Send(new RescheduleVisit(visitId, version, later, later.AddHours(1), "Liga", start.AddMinutes(10), "Telefonu"), asta);
        clocks = await ClocksOf(visitId);
        Assert.Equal(ClockState.Missed, clocks.Single(c => c.Kind == ClockKind.RescheduleNotice).State);
        Assert.Equal(-10, clocks.Single(c => c.Kind == ClockKind.RescheduleNotice).MarginMinutes);
        Assert.Equal(ClockState.Cancelled, clocks.Single(c => c.Kind == ClockKind.VisitArrival && c.StartedAtUtc == start).State);

        database.Clock.SetUtcNow(later.AddMinutes(30));
        await database.Send(new RecordArrival(visitId, version, later.AddMinutes(20)), asta);
        var arrival = (await ClocksOf(visitId)).Single(c => c.Kind == ClockKind.VisitArrival && c.StartedAtUtc == later);
        Assert.Equal((ClockState.Missed, -5.0), (arrival.State, arrival.MarginMinutes!.Value));
    }

    [Fact]
    public async Task An_inspection_has_no_time_agreed_clock_and_cancelling_a_visit_cancels_its_clocks()
    {
        var seeded = await CaseworkSeed.CaseAsync(database, asta);
        var inspection = await database.Send(new OfferVisit(seeded.CaseId, "Patikrinimas pagal skundą", true), asta);
        var ordinary = await database.Send(new OfferVisit(seeded.CaseId, "Pirmas vizitas", false), asta);
        Assert.Empty(await ClocksOf(inspection));

        var visit = await database.Send(new GetVisit(ordinary), asta);
        await database.Send(new CancelVisit(ordinary, visit.Version, "Klientė atsisakė paslaugos"), asta);

        Assert.Equal(ClockState.Cancelled, Assert.Single(await ClocksOf(ordinary)).State);
    }
}
