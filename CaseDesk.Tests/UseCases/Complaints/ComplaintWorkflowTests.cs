using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Complaints;

/// <summary>A complaint's path through the real sender: steps with who and when, refusals, verification against deadlines, clocks, reopening.</summary>
public sealed class ComplaintWorkflowTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private Caller reception = default!;
    private Caller caseworker = default!;
    private Caller officer = default!;
    private Caller head = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        reception = await database.CreateUserAsync("rasa", Roles.Reception);
        caseworker = await database.CreateUserAsync("asta", Roles.Caseworker);
        officer = await database.CreateUserAsync("darius", Roles.QualityOfficer);
        head = await database.HeadOfAsync(Casework.SocialServices, "vida");
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private FakeClock Clock => database.Clock;

    [Fact]
    public async Task Registering_numbers_complaints_and_suggestions_apart_and_starts_both_clocks_of_a_complaint_only()
    {
        var client = await database.RegisterAsync(reception);
        var caseId = await database.OpenCaseAsync(reception, client);
        var received = Clock.UtcDateTime.AddHours(-1);

        var first = await database.Send(ComplaintWork.Feedback(received, clientId: client, caseId: caseId, touchpoints: [2, 5], commitments: ["VIII", "XI"]), reception);
        var second = await database.RegisterFeedbackAsync(caseworker);
        var idea = await database.RegisterFeedbackAsync(caseworker, FeedbackKind.Suggestion, text: "Įrengti daugiau suoliukų laukiamajame");

        var c = await database.GetAsync(first, officer);
        Assert.Equal(("SK-2026-0001", ComplaintStage.Registered, client, caseId), (c.Number, c.Stage, c.ClientId, c.CaseId));
        Assert.Equal("Jonas Petraitis", c.ClientName);
        Assert.Equal(["2", "5"], c.Touchpoints.Select(t => t.Value));
        Assert.Equal(["VIII", "XI"], c.Commitments.Select(t => t.Value));
        Assert.Equal("rasa Tester", c.RegisteredBy);
        Assert.Equal("SK-2026-0002", (await database.GetAsync(second, officer)).Number);
        Assert.Equal("PA-2026-0001", (await database.GetAsync(idea, officer)).Number);

        Assert.Equal([(ClockKind.ComplaintAcknowledged, ClockStatus.OnTrack), (ClockKind.ComplaintResolved, ClockStatus.OnTrack)],
            c.Clocks.Select(k => (k.Kind, k.Status)));
        Assert.All(c.Clocks, k => Assert.Equal(received, k.StartedAtUtc));
        Assert.Empty((await database.GetAsync(idea, officer)).Clocks);
    }

    [Fact]
    public async Task The_whole_path_records_every_step_with_who_and_when_and_ends_closed()
    {
        var client = await database.RegisterAsync(reception);
        var id = await database.Send(ComplaintWork.Feedback(Clock.UtcDateTime, clientId: client), reception);
        var v = (await database.GetAsync(id, officer)).Version;

        Clock.Advance(TimeSpan.FromMinutes(30));
        v = await database.Send(new AcknowledgeComplaint(id, v, true, "Atsiprašome, kad nebuvo perskambinta."), caseworker);
        Clock.Advance(TimeSpan.FromMinutes(30));
        v = await database.Send(new ClarifyComplaintFacts(id, v, "Pranešimas nebuvo perduotas kolegai"), caseworker);
        v = await database.Send(new TellComplaintActionPlan(id, v, "Perskambinsime šiandien, tvarką peržiūrėsime"), caseworker);
        v = await database.Send(new RouteComplaint(id, v, [Casework.SocialServices]), officer);
        v = await database.Send(new ChooseRootCause(id, v, "routing", "Pranešimas perduotas žodžiu"), head);
        v = await database.Send(new PlanCorrectiveAction(id, v, "Pranešimus registruoti sistemoje", caseworker.UserId, Clock.UtcDateTime.AddDays(3)), head);
        var action = (await database.GetAsync(id, officer)).Actions.Single();
        await database.Send(new ReportActionDone(action.Id), caseworker);
        v = await database.Send(new VerifyCorrectiveAction(id, v, action.Id, VerificationResult.Done, "Peržiūrėti 5 pranešimai"), officer);
        Clock.Advance(TimeSpan.FromHours(1));
        v = await database.Send(new InformComplainant(id, v, "Atsiprašėme; pranešimai dabar registruojami sistemoje", "Telefonu"), caseworker);
        v = await database.Send(new CloseComplaint(id, v), officer);

        var c = await database.GetAsync(id, officer);
        Assert.Equal(v, c.Version);
        Assert.Equal(ComplaintStage.Closed, c.Stage);
        Assert.False(c.IsOpen);
        Assert.Equal(Enum.GetValues<ComplaintStage>(), c.Steps.Select(s => s.Stage));
        Assert.Equal(["rasa Tester", "asta Tester", "asta Tester", "asta Tester", "darius Tester", "vida Tester", "vida Tester", "darius Tester",
            "asta Tester", "darius Tester"], c.Steps.Select(s => s.By));
        Assert.Equal(c.Steps.Select(s => s.AtUtc).Order(), c.Steps.Select(s => s.AtUtc));
        Assert.Equal(Clock.UtcDateTime, c.ClosedAtUtc);
        Assert.Equal(("Atsiprašome, kad nebuvo perskambinta.", true), (c.Apology, c.DepartmentAtFault));
        Assert.Equal("routing", c.RootCauseCode);
        Assert.Equal(("Telefonu", "Atsiprašėme; pranešimai dabar registruojami sistemoje"), (c.ClientInformedHow, c.Outcome));
        var verified = c.Actions.Single();
        Assert.Equal((VerificationResult.Done, "darius Tester", "asta Tester"), (verified.Result, verified.VerifiedBy, verified.Owner));
        Assert.Equal([ClockStatus.Met, ClockStatus.Met], c.Clocks.Select(k => k.Status));
    }

    [Fact]
    public async Task Closing_before_the_client_is_told_is_refused_with_its_because_audited_and_nothing_changes()
    {
        using var _ = UiCulture.Use("en");
        var id = await database.RegisterFeedbackAsync(reception);
        var v = await database.TakeToAsync(id, ComplaintStage.ActionsVerified, officer, caseworker);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new CloseComplaint(id, v), officer));

        Assert.Equal("The complaint cannot be closed, because the client has not been told what was decided and done.", refusal.Because);
        var c = await database.GetAsync(id, officer);
        Assert.Equal((ComplaintStage.ActionsVerified, v, (DateTime?)null), (c.Stage, c.Version, c.ClosedAtUtc));
        var audit = (await database.AuditEntriesAsync()).Last(a => a.Action == nameof(CloseComplaint));
        Assert.Equal((AuditKind.Refused, refusal.Because), (audit.Kind, audit.Reason));
    }

    [Fact]
    public async Task A_step_out_of_order_is_refused_through_the_sender_too()
    {
        using var _ = UiCulture.Use("en");
        var id = await database.RegisterFeedbackAsync(reception);
        var v = (await database.GetAsync(id, officer)).Version;

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new RouteComplaint(id, v, [Casework.SocialServices]), officer));

        Assert.Equal("This step cannot be taken now, because the complaint is at the step \"registered\" and must first reach \"action plan told to the client\".",
            refusal.Because);
        Assert.Equal(ComplaintStage.Registered, (await database.GetAsync(id, officer)).Stage);
    }

    [Theory]
    [InlineData(60, ClockState.Met)]
    [InlineData(7 * 60 + 59, ClockState.Met)]
    [InlineData(24 * 60 + 1, ClockState.Missed)]
    public async Task The_acknowledgement_clock_is_stopped_by_acknowledging_and_met_within_a_working_day(int minutesLater, ClockState expected)
    {
        // Monday 10:30 in Vilnius; one working day later is Tuesday 10:30 (docs/clocks.md: the same time of day).
        var id = await database.RegisterFeedbackAsync(reception);
        Clock.Advance(TimeSpan.FromMinutes(minutesLater));
        var v = (await database.GetAsync(id, officer)).Version;

        await database.Send(new AcknowledgeComplaint(id, v, false, null), caseworker);

        var clocks = await database.ReadAsync(db => db.ResponseClocks.AsNoTracking().Where(k => k.SubjectId == id).ToListAsync());
        var ack = clocks.Single(k => k.Kind == ClockKind.ComplaintAcknowledged);
        Assert.Equal((expected, Clock.UtcDateTime), (ack.State, ack.StoppedAtUtc));
        Assert.Equal(ClockState.Running, clocks.Single(k => k.Kind == ClockKind.ComplaintResolved).State);
        var shown = (await database.GetAsync(id, officer)).Clocks.Single(k => k.Kind == ClockKind.ComplaintAcknowledged);
        Assert.Equal(expected == ClockState.Met ? ClockStatus.Met : ClockStatus.Missed, shown.Status);
    }

    [Fact]
    public async Task An_unacknowledged_complaint_shows_its_clock_at_risk_then_breached()
    {
        var id = await database.RegisterFeedbackAsync(reception);

        // Registered Monday 10:30 (Vilnius): due Tuesday 10:30, 540 working minutes; Tuesday 8:30 has used 420 (75 % = 405).
        Clock.Advance(TimeSpan.FromHours(22));
        Assert.Equal(ClockStatus.AtRisk, (await database.GetAsync(id, officer)).Clocks.Single(k => k.Kind == ClockKind.ComplaintAcknowledged).Status);
        Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(ClockStatus.Breached, (await database.GetAsync(id, officer)).Clocks.Single(k => k.Kind == ClockKind.ComplaintAcknowledged).Status);
    }

    [Fact]
    public async Task Informing_the_complainant_stops_the_resolution_clock()
    {
        var id = await database.RegisterFeedbackAsync(reception);
        await database.TakeToAsync(id, ComplaintStage.ClientInformed, officer, caseworker);

        var resolution = await database.ReadAsync(db => db.ResponseClocks.AsNoTracking()
            .SingleAsync(k => k.SubjectId == id && k.Kind == ClockKind.ComplaintResolved));
        var informed = (await database.GetAsync(id, officer)).ClientInformedAtUtc;
        Assert.Equal((ClockState.Met, informed), (resolution.State, resolution.StoppedAtUtc));
    }

    [Fact]
    public async Task Verification_waits_for_the_deadline_unless_the_owner_reports_done_and_not_done_gets_a_new_deadline()
    {
        using var _ = UiCulture.Use("en");
        var id = await database.RegisterFeedbackAsync(reception);
        var v = await database.TakeToAsync(id, ComplaintStage.RootCauseFound, officer, caseworker);
        var start = Clock.UtcDateTime;
        v = await database.Send(new PlanCorrectiveAction(id, v, "Apmokyti priimamojo darbuotojus", caseworker.UserId, start.AddDays(3)), officer);
        v = await database.Send(new PlanCorrectiveAction(id, v, "Atnaujinti pranešimų formą", head.UserId, start.AddDays(10)), officer);
        var actions = (await database.GetAsync(id, officer)).Actions;
        var (training, form) = (actions[0], actions[1]);

        // Before the deadline, not reported done: refused.
        Clock.Advance(TimeSpan.FromDays(2));
        var early = await Assert.ThrowsAsync<DomainRefusalException>(
            () => database.Send(new VerifyCorrectiveAction(id, v, training.Id, VerificationResult.Done, "Mokymų sąrašas"), officer));
        Assert.Equal($"The action cannot be verified before its deadline {VilniusTime.ToLocal(training.DeadlineUtc):yyyy-MM-dd HH:mm}, because its owner has not reported it done.",
            early.Because);
        Assert.False((await database.GetAsync(id, officer)).Actions[0].VerifiableNow);

        // Reported done by its owner: verifiable before the deadline.
        await database.Send(new ReportActionDone(form.Id), head);
        Assert.True((await database.GetAsync(id, officer)).Actions[1].VerifiableNow);
        v = await database.Send(new VerifyCorrectiveAction(id, v, form.Id, VerificationResult.Done, "Nauja forma naudojama"), officer);
        Assert.Equal(ComplaintStage.ActionsPlanned, (await database.GetAsync(id, officer)).Stage);

        // After the deadline: allowed; not done → a new deadline → checked again after it.
        Clock.SetUtcNow(start.AddDays(3).AddMinutes(1));
        v = await database.Send(new VerifyCorrectiveAction(id, v, training.Id, VerificationResult.NotDone, "Mokymai neįvyko"), officer);
        Assert.Equal(ComplaintStage.ActionsPlanned, (await database.GetAsync(id, officer)).Stage);
        v = await database.Send(new ExtendCorrectiveAction(id, v, training.Id, Clock.UtcDateTime.AddDays(7)), officer);
        var extended = (await database.GetAsync(id, officer)).Actions[0];
        Assert.Equal(((VerificationResult?)null, Clock.UtcDateTime.AddDays(7), false), (extended.Result, extended.DeadlineUtc, extended.VerifiableNow));
        await Assert.ThrowsAsync<DomainRefusalException>(
            () => database.Send(new VerifyCorrectiveAction(id, v, training.Id, VerificationResult.Done, "Per anksti"), officer));

        Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        v = await database.Send(new VerifyCorrectiveAction(id, v, training.Id, VerificationResult.Done, "Mokymai įvyko, sąrašas pridėtas"), officer);

        var c = await database.GetAsync(id, officer);
        Assert.Equal(ComplaintStage.ActionsVerified, c.Stage);
        Assert.All(c.Actions, a => Assert.Equal(VerificationResult.Done, a.Result));
        Assert.Equal("Mokymai įvyko, sąrašas pridėtas", c.Actions[0].Evidence);
    }

    [Fact]
    public async Task Only_the_owner_or_the_officer_reports_an_action_done()
    {
        var other = await database.CreateUserAsync("tomas", Roles.Caseworker);
        var id = await database.RegisterFeedbackAsync(reception);
        await database.TakeToAsync(id, ComplaintStage.ActionsPlanned, officer, caseworker);
        var action = (await database.GetAsync(id, officer)).Actions.Single();

        await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new ReportActionDone(action.Id), other));
        Assert.Null((await database.GetAsync(id, officer)).Actions.Single().ReportedDoneAtUtc);

        await database.Send(new ReportActionDone(action.Id), caseworker);
        Assert.Equal(Clock.UtcDateTime, (await database.GetAsync(id, officer)).Actions.Single().ReportedDoneAtUtc);
    }

    [Fact]
    public async Task Reopening_a_closed_complaint_starts_a_new_resolution_clock_and_the_path_again_from_routing()
    {
        var id = await database.RegisterFeedbackAsync(reception);
        var v = await database.TakeToAsync(id, ComplaintStage.Closed, officer, caseworker);
        Clock.Advance(TimeSpan.FromDays(2));

        v = await database.Send(new ReopenComplaint(id, v, "Klientas vėl negavo skambučio"), head);

        var c = await database.GetAsync(id, officer);
        Assert.Equal((ComplaintStage.Routed, 1, true, (DateTime?)null), (c.Stage, c.ReopenCount, c.IsOpen, c.ClosedAtUtc));
        Assert.Contains("Klientas vėl negavo skambučio", c.Steps[^1].Note);
        var resolution = c.Clocks.Where(k => k.Kind == ClockKind.ComplaintResolved).ToList();
        Assert.Equal(2, resolution.Count);
        Assert.Equal(ClockStatus.Met, resolution[0].Status);
        Assert.Equal((ClockStatus.OnTrack, Clock.UtcDateTime), (resolution[1].Status, resolution[1].StartedAtUtc));

        await database.TakeToAsync(id, ComplaintStage.Closed, officer, caseworker, rootCause: "process");
        var closedAgain = await database.GetAsync(id, officer);
        Assert.Equal("process", closedAgain.RootCauseCode);
        Assert.Equal(2, closedAgain.Actions.Count);
        Assert.All(closedAgain.Clocks.Where(k => k.Kind == ClockKind.ComplaintResolved), k => Assert.Equal(ClockStatus.Met, k.Status));
    }

    [Fact]
    public async Task Step_texts_left_empty_are_refused_at_their_field()
    {
        using var _ = UiCulture.Use("en");
        var id = await database.RegisterFeedbackAsync(reception);
        var v = (await database.GetAsync(id, officer)).Version;

        var apology = await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(new AcknowledgeComplaint(id, v, true, " "), officer));
        Assert.Equal(["Record the apology, because the department was at fault (commitment X)."], apology.Errors[nameof(AcknowledgeComplaint.Apology)]);
        v = await database.Send(new AcknowledgeComplaint(id, v, false, null), officer);
        var facts = await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(new ClarifyComplaintFacts(id, v, ""), officer));
        Assert.Equal(["Write the facts that were clarified."], facts.Errors[nameof(ClarifyComplaintFacts.Facts)]);
        await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(new TellComplaintActionPlan(id, v, ""), officer));
        var route = await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(new RouteComplaint(id, v, []), officer));
        Assert.True(route.Errors.ContainsKey(nameof(RouteComplaint.Units)));
        var plan = await Assert.ThrowsAsync<RequestValidationException>(
            () => database.Send(new PlanCorrectiveAction(id, v, "", "", Clock.UtcDateTime.AddDays(-1)), officer));
        Assert.Equal([nameof(PlanCorrectiveAction.DeadlineUtc), nameof(PlanCorrectiveAction.Description), nameof(PlanCorrectiveAction.OwnerUserId)],
            plan.Errors.Keys.Order());
        Assert.Equal(ComplaintStage.Acknowledged, (await database.GetAsync(id, officer)).Stage);
    }

    [Fact]
    public async Task Routing_tells_the_heads_of_the_unit_and_planning_tells_the_owner()
    {
        var cashHead = await database.HeadOfAsync(Domain.Reference.StandardReferenceData.Units[2].Id, "rimas");
        var id = await database.RegisterFeedbackAsync(reception);
        await database.TakeToAsync(id, ComplaintStage.ActionsPlanned, officer, caseworker);

        var headNotes = await database.Send(new GetMyNotifications(), head);
        var routed = Assert.Single(headNotes);
        Assert.Contains("SK-2026-0001", routed.Text);
        Assert.Equal($"complaints/{id}", routed.Link);
        Assert.Empty(await database.Send(new GetMyNotifications(), cashHead));
        var ownerNote = Assert.Single(await database.Send(new GetMyNotifications(), caseworker));
        Assert.Contains("Pranešimus perduoti raštu sistemoje", ownerNote.Text);
    }

    [Fact]
    public async Task A_suggestion_is_thanked_and_its_improvement_action_verified_then_it_is_no_longer_open()
    {
        var id = await database.RegisterFeedbackAsync(reception, FeedbackKind.Suggestion, text: "Įrengti informacinį stendą prie įėjimo");
        var v = (await database.GetAsync(id, officer)).Version;
        Assert.True((await database.GetAsync(id, officer)).IsOpen);

        v = await database.Send(new ThankForSuggestion(id, v, "Padėkota telefonu, pakviesta siūlyti daugiau"), reception);
        v = await database.Send(new AddImprovementAction(id, v, "Įrengti stendą", caseworker.UserId, Clock.UtcDateTime.AddDays(14)), head);
        var action = (await database.GetAsync(id, officer)).Actions.Single();
        Assert.True((await database.GetAsync(id, officer)).IsOpen);
        await database.Send(new ReportActionDone(action.Id), caseworker);
        await database.Send(new VerifyCorrectiveAction(id, v, action.Id, VerificationResult.Done, "Stendas įrengtas"), officer);

        var s = await database.GetAsync(id, officer);
        Assert.False(s.IsOpen);
        Assert.Equal(Clock.UtcDateTime, s.ThankedAtUtc);
        Assert.Equal(ComplaintStage.Registered, s.Stage);
        Assert.Equal("Padėkota telefonu, pakviesta siūlyti daugiau", s.Steps[^1].Note);
    }

    [Fact]
    public async Task Retagging_changes_what_the_complaint_is_counted_under()
    {
        var id = await database.RegisterFeedbackAsync(reception, touchpoints: [2], commitments: ["VIII"]);
        var v = (await database.GetAsync(id, officer)).Version;

        await database.Send(new TagComplaint(id, v, [5, 8], ["X"]), officer);

        var c = await database.GetAsync(id, officer);
        Assert.Equal(["5", "8"], c.Touchpoints.Select(t => t.Value));
        Assert.Equal(["X"], c.Commitments.Select(t => t.Value));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new TagComplaint(id, c.Version, [1], []), caseworker));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_overwrites_nothing()
    {
        var id = await database.RegisterFeedbackAsync(reception);
        var seen = (await database.GetAsync(id, officer)).Version;
        await database.Send(new AcknowledgeComplaint(id, seen, false, null), officer);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => database.Send(new AcknowledgeComplaint(id, seen, true, "Atsiprašome"), caseworker));

        var c = await database.GetAsync(id, officer);
        Assert.Equal((false, (string?)null), (c.DepartmentAtFault, c.Apology));
        Assert.Equal(2, c.Steps.Count);
    }
}
