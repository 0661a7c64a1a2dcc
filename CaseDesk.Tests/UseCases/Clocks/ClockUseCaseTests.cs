using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Reference;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.UseCases.Clocks;

public sealed class ClockUseCaseTests : IAsyncLifetime
{
    private static readonly Guid ServicesUnit = StandardReferenceData.Units[1].Id;
    private static readonly Guid CashUnit = StandardReferenceData.Units[2].Id;
    private TestDatabase database = default!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<ResponseClock> StartClock(ClockKind kind, string? owner) =>
        database.InScopeAsync(async services =>
        {
            var book = services.GetRequiredService<ClockBook>();
            var clock = await book.StartAsync(kind, "Test", Guid.NewGuid(), owner, null, null, database.Clock.UtcDateTime, default);
            await services.GetRequiredService<CaseDesk.Domain.Data.CaseDeskDb>().SaveChangesAsync();
            return clock;
        });

    private async Task<string> HeadOf(Guid unit, string name) => (await InUnit(await database.CreateUserAsync(name, Roles.Head), unit)).UserId;

    private async Task<Caller> InUnit(Caller user, Guid unit)
    {
        await using var db = database.OpenDb();
        (await db.Users.SingleAsync(u => u.Id == user.UserId)).UnitId = unit;
        await db.SaveChangesAsync();
        return user;
    }

    [Fact]
    public async Task The_defaults_are_seeded_as_the_first_version_of_every_target()
    {
        var reader = await database.CreateCallerAsync(Roles.Trainer);

        var targets = await database.Send(new GetTargets(), reader);

        Assert.Equal(Enum.GetValues<ClockKind>().Order(), targets.InForce.Select(t => t.Kind).Order());
        Assert.Equal(480, targets.InForce.Single(t => t.Kind == ClockKind.EmailReply).Minutes);
        Assert.Equal((15, TargetUnit.WallMinutes), targets.InForce.Where(t => t.Kind == ClockKind.VisitArrival).Select(t => (t.Minutes, t.Unit)).Single());
        Assert.Equal(20 * 480, targets.InForce.Single(t => t.Kind == ClockKind.ComplaintResolved).Minutes);
        Assert.All(targets.InForce, t => Assert.Equal(75, t.AtRiskPercent));
        Assert.True(targets.ReviewDue);
    }

    [Fact]
    public async Task A_new_target_applies_to_clocks_started_after_it_and_never_to_earlier_ones()
    {
        var head = await database.CreateCallerAsync(Roles.Head);
        var before = await StartClock(ClockKind.EmailReply, null);

        await database.Send(new SetTarget(ClockKind.EmailReply, 240, 50, database.Clock.UtcDateTime, "Greičiau"), head);
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        var after = await StartClock(ClockKind.EmailReply, null);

        var stored = await database.ReadAsync(db => db.ResponseClocks.AsNoTracking().ToDictionaryAsync(c => c.Id));
        // One working day from Monday 10:30 = to Tuesday 10:30 = 540 working minutes; the new target is 4 working hours.
        Assert.Equal((540, 75), (stored[before.Id].TargetMinutes, stored[before.Id].AtRiskPercent));
        Assert.Equal((240, 50), (stored[after.Id].TargetMinutes, stored[after.Id].AtRiskPercent));
        var overview = await database.Send(new GetTargets(), head);
        Assert.Equal(2, overview.History.Count(t => t.Kind == ClockKind.EmailReply));
        Assert.Equal(240, overview.InForce.Single(t => t.Kind == ClockKind.EmailReply).Minutes);
    }

    [Fact]
    public async Task A_target_cannot_be_back_dated_and_a_caseworker_cannot_set_one()
    {
        var head = await database.CreateCallerAsync(Roles.Head);
        var caseworker = await database.CreateCallerAsync(Roles.Caseworker);

        await Assert.ThrowsAsync<RequestValidationException>(
            () => database.Send(new SetTarget(ClockKind.EmailReply, 240, 75, database.Clock.UtcDateTime.AddDays(-1), null), head));
        await Assert.ThrowsAsync<AccessDeniedException>(
            () => database.Send(new SetTarget(ClockKind.EmailReply, 240, 75, database.Clock.UtcDateTime, null), caseworker));
        Assert.Equal(1, await database.ReadAsync(db => db.CommitmentTargets.CountAsync(t => t.Kind == ClockKind.EmailReply)));
    }

    [Fact]
    public async Task A_breach_notifies_the_heads_of_the_owners_unit_once_no_storms()
    {
        var servicesHead = await HeadOf(ServicesUnit, "vida");
        var cashHead = await HeadOf(CashUnit, "rimas");
        var asta = await InUnit(await database.CreateUserAsync("asta", Roles.Caseworker), ServicesUnit);
        await StartClock(ClockKind.CallBack, asta.UserId);

        Assert.Equal(0, await database.Send(new NotifyBreaches(), Caller.System));
        database.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await database.Send(new NotifyBreaches(), Caller.System));
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await database.Send(new NotifyBreaches(), Caller.System));

        var vida = new Caller(servicesHead, "vida", new HashSet<string> { Roles.Head });
        var note = Assert.Single(await database.Send(new GetMyNotifications(), vida));
        Assert.Contains("asta Tester", note.Text);
        Assert.Empty(await database.Send(new GetMyNotifications(), new Caller(cashHead, "rimas", new HashSet<string> { Roles.Head })));

        await database.Send(new MarkNotificationRead(note.Id), vida);
        Assert.Empty(await database.Send(new GetMyNotifications(), vida));
    }

    [Fact]
    public async Task A_breach_is_not_sent_to_a_locked_out_head_of_the_unit()
    {
        var vida = await HeadOf(ServicesUnit, "vida");
        var locked = await HeadOf(ServicesUnit, "jonas");
        var cashHead = await HeadOf(CashUnit, "rimas");
        await using (var db = database.OpenDb())
        {
            (await db.Users.SingleAsync(u => u.Id == locked)).LockoutEnd = database.Clock.GetUtcNow().AddYears(1);
            await db.SaveChangesAsync();
        }
        var asta = await InUnit(await database.CreateUserAsync("asta", Roles.Caseworker), ServicesUnit);
        var breached = await StartClock(ClockKind.CallBack, asta.UserId);
        database.Clock.Advance(TimeSpan.FromDays(3));

        Assert.Equal(1, await database.Send(new NotifyBreaches(), Caller.System));

        var recipients = await database.ReadAsync(db => db.Notifications.Where(n => n.ClockId == breached.Id).Select(n => n.UserId).ToListAsync());
        Assert.Equal([vida], recipients);
        Assert.DoesNotContain(locked, recipients);
        Assert.DoesNotContain(cashHead, recipients);
    }

    [Fact]
    public async Task While_the_units_only_head_is_locked_out_breaches_go_to_the_other_heads_and_to_the_head_again_once_the_lockout_ends()
    {
        var jonas = await HeadOf(ServicesUnit, "jonas");
        var cashHead = await HeadOf(CashUnit, "rimas");
        await using (var db = database.OpenDb())
        {
            (await db.Users.SingleAsync(u => u.Id == jonas)).LockoutEnd = database.Clock.GetUtcNow().AddDays(10);
            await db.SaveChangesAsync();
        }
        var asta = await InUnit(await database.CreateUserAsync("asta", Roles.Caseworker), ServicesUnit);
        Task<List<string>> RecipientsOf(Guid clockId) =>
            database.ReadAsync(db => db.Notifications.Where(n => n.ClockId == clockId).Select(n => n.UserId).ToListAsync());

        var whileLocked = await StartClock(ClockKind.CallBack, asta.UserId);
        database.Clock.Advance(TimeSpan.FromDays(3));
        await database.Send(new NotifyBreaches(), Caller.System);
        Assert.Equal([cashHead], await RecipientsOf(whileLocked.Id));

        database.Clock.Advance(TimeSpan.FromDays(8)); // the lockout is over
        var afterLockout = await StartClock(ClockKind.CallBack, asta.UserId); // Friday: due on Monday
        database.Clock.Advance(TimeSpan.FromDays(4));
        await database.Send(new NotifyBreaches(), Caller.System);
        Assert.Equal([jonas], await RecipientsOf(afterLockout.Id));
    }

    [Fact]
    public async Task A_stopped_clock_is_never_reported_and_a_paused_one_not_while_paused()
    {
        await HeadOf(ServicesUnit, "vida");
        var stopped = await StartClock(ClockKind.EmailReply, null);
        var paused = await StartClock(ClockKind.InformationLetter, null);
        var caseworker = await database.CreateCallerAsync(Roles.Caseworker);
        await database.InScopeAsync(async services =>
        {
            await services.GetRequiredService<ClockBook>().StopAsync(ClockKind.EmailReply, stopped.SubjectId, database.Clock.UtcDateTime.AddHours(1), default);
            await services.GetRequiredService<CaseDesk.Domain.Data.CaseDeskDb>().SaveChangesAsync();
            return 0;
        });
        await database.Send(new PauseClock(paused.Id, "Laukiama kliento dokumentų"), caseworker);

        database.Clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal(0, await database.Send(new NotifyBreaches(), Caller.System));
        await database.Send(new ResumeClock(paused.Id), caseworker);
        var resumed = await database.ReadAsync(db => db.ResponseClocks.AsNoTracking().SingleAsync(c => c.Id == paused.Id));
        Assert.True(resumed.DueAtUtc > database.Clock.UtcDateTime);
    }

    [Fact]
    public async Task Pausing_a_call_back_is_refused_with_its_because()
    {
        using var _ = UiCulture.Use("en");
        var clock = await StartClock(ClockKind.CallBack, null);
        var caseworker = await database.CreateCallerAsync(Roles.Caseworker);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new PauseClock(clock.Id, "Neatsiliepia"), caseworker));

        Assert.Contains("because", refusal.Because);
    }

    [Fact]
    public async Task The_targets_review_is_due_until_marked_and_due_again_a_year_and_a_day_later()
    {
        var head = await database.CreateUserAsync("vida", Roles.Head);

        var never = await database.Send(new GetTargets(), head);
        Assert.Equal((true, (DateTime?)null), (never.ReviewDue, never.LastReviewedAtUtc));

        var reviewedAt = database.Clock.UtcDateTime;
        await database.Send(new MarkTargetsReviewed("Tikslai peržiūrėti, darbuotojai informuoti susirinkime"), head);
        var marked = await database.Send(new GetTargets(), head);
        Assert.Equal((false, (DateTime?)reviewedAt, "vida Tester"), (marked.ReviewDue, marked.LastReviewedAtUtc, marked.LastReviewedBy));

        database.Clock.Advance(TimeSpan.FromDays(364));
        Assert.False((await database.Send(new GetTargets(), head)).ReviewDue);

        database.Clock.Advance(TimeSpan.FromDays(2)); // 2026 and 2027 have 365 days: a year and a day after the review
        Assert.True((await database.Send(new GetTargets(), head)).ReviewDue);
    }

    [Fact]
    public async Task A_recorded_review_of_the_standard_counts_as_the_latest_review_of_the_targets()
    {
        var officer = await database.CreateUserAsync("rasa", Roles.QualityOfficer);
        var head = await database.CreateUserAsync("vida", Roles.Head);
        await database.Send(new MarkTargetsReviewed(null), head);
        database.Clock.Advance(TimeSpan.FromDays(300));
        var today = DateOnly.FromDateTime(VilniusTime.Now(database.Clock));

        await database.Send(new CaseDesk.Domain.Complaints.RecordStandardReview(today, today.AddYears(-1), today, "Skundų mažiau", "Tikslai lieka",
            "Laiško terminas lieka 5 darbo dienos"), officer);

        var overview = await database.Send(new GetTargets(), head);
        Assert.Equal(((DateTime?)database.Clock.UtcDateTime, "rasa Tester"), (overview.LastReviewedAtUtc, overview.LastReviewedBy));
        database.Clock.Advance(TimeSpan.FromDays(200)); // 500 days after the targets review, 200 after the standard's
        Assert.False((await database.Send(new GetTargets(), head)).ReviewDue);
    }

    [Fact]
    public async Task The_week_is_saved_at_once_and_each_days_rule_is_keyed_to_that_day()
    {
        var admin = await database.CreateCallerAsync(Roles.Admin);
        var hours = (await database.Send(new GetWorkingCalendar(2026), admin)).Hours;
        var week = hours.Select(h => new OfficeDayHours(h.Day, h.Opens, h.Closes, h.Version)).ToList();
        var monday = week.FindIndex(d => d.Day == DayOfWeek.Monday);
        var tuesday = week.FindIndex(d => d.Day == DayOfWeek.Tuesday);
        var refused = week.ToList();
        refused[monday] = refused[monday] with { Opens = new TimeOnly(9, 0), Closes = new TimeOnly(8, 0) };
        refused[tuesday] = refused[tuesday] with { Opens = null };

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(new SetOfficeHours(refused), admin));
        Assert.Equal([$"Days[{monday}].Closes", $"Days[{tuesday}].Opens"], error.Errors.Keys.Order());
        Assert.Equal(hours, (await database.Send(new GetWorkingCalendar(2026), admin)).Hours); // nothing saved

        week[monday] = week[monday] with { Opens = new TimeOnly(9, 0) };
        week[tuesday] = week[tuesday] with { Opens = null, Closes = null };
        await database.Send(new SetOfficeHours(week), admin);
        var saved = (await database.Send(new GetWorkingCalendar(2026), admin)).Hours;
        Assert.Equal(new TimeOnly(9, 0), saved.Single(d => d.Day == DayOfWeek.Monday).Opens);
        Assert.Null(saved.Single(d => d.Day == DayOfWeek.Tuesday).Closes);
        Assert.Equal(hours.Single(d => d.Day == DayOfWeek.Friday).Version, saved.Single(d => d.Day == DayOfWeek.Friday).Version);

        // The same stale week saved again: Monday and Tuesday changed since it was read.
        var stale = hours.Select(h => new OfficeDayHours(h.Day, h.Opens, h.Closes, h.Version)).ToList();
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => database.Send(new SetOfficeHours(stale), admin));
    }

    [Fact]
    public async Task Office_hours_and_closures_change_the_calendar_clocks_count_with()
    {
        var admin = await database.CreateCallerAsync(Roles.Admin);
        var calendar = await database.Send(new GetWorkingCalendar(2026), admin);
        var week = calendar.Hours.Select(h => new OfficeDayHours(h.Day, h.Opens, h.Closes, h.Version)).ToList();
        week[week.FindIndex(d => d.Day == DayOfWeek.Friday)] = week.Single(d => d.Day == DayOfWeek.Friday) with { Closes = new TimeOnly(13, 0) };

        await database.Send(new SetOfficeHours(week), admin);
        await database.Send(new AddClosure(new DateOnly(2026, 3, 16), "Persikraustymas"), admin);
        await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(new AddClosure(new DateOnly(2026, 3, 16), "Dar kartą"), admin));

        var loaded = await database.ReadAsync(db => ClockBook.LoadCalendarAsync(db, default));
        Assert.False(loaded.IsWorkingDay(new DateOnly(2026, 3, 16)));
        Assert.Equal(60, loaded.WorkingMinutesBetween(VilniusTime.ToUtc(new DateTime(2026, 3, 13, 12, 0, 0)), VilniusTime.ToUtc(new DateTime(2026, 3, 13, 15, 0, 0))));
        Assert.Contains((await database.Send(new GetWorkingCalendar(2026), admin)).Holidays, h => h.Date == new DateOnly(2026, 4, 6));
        // The eves of holidays that fall on working days, each an hour short of that day's hours (Friday now closes at 13:00).
        var shortDays = (await database.Send(new GetWorkingCalendar(2026), admin)).ShortDays;
        Assert.Contains(new ShortDayRow(new DateOnly(2026, 12, 23), new TimeOnly(16, 0), "Kūčios"), shortDays);
        Assert.Contains(new ShortDayRow(new DateOnly(2026, 8, 14), new TimeOnly(12, 0), "Žolinė"), shortDays);
        Assert.Contains(new ShortDayRow(new DateOnly(2026, 12, 31), new TimeOnly(16, 0), "Naujieji metai"), shortDays);
        Assert.All(shortDays, d => Assert.Equal(2026, d.Date.Year));
        Assert.DoesNotContain(shortDays, d => d.Date == new DateOnly(2026, 10, 31)); // a Saturday
        Assert.DoesNotContain(shortDays, d => d.Date == new DateOnly(2026, 12, 24)); // itself a holiday
    }
}
