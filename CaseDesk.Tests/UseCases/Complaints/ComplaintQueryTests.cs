using System.Text;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Reference;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Complaints;

/// <summary>The register, the officer's desk, the hand-over digest, the analysis with its CSV, and the review records.</summary>
public sealed class ComplaintQueryTests : IAsyncLifetime
{
    private static readonly Guid CashUnit = StandardReferenceData.Units[2].Id;
    private TestDatabase database = default!;
    private Caller reception = default!;
    private Caller caseworker = default!;
    private Caller officer = default!;
    private Caller head = default!;

    public Task InitializeAsync() => SetUpAsync(clock: null);

    private async Task SetUpAsync(FakeClock? clock)
    {
        database = await TestDatabase.CreateAsync(clock);
        reception = await database.CreateUserAsync("rasa", Roles.Reception);
        caseworker = await database.CreateUserAsync("asta", Roles.Caseworker);
        officer = await database.CreateUserAsync("darius", Roles.QualityOfficer);
        head = await database.HeadOfAsync(Casework.SocialServices, "vida");
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private FakeClock Clock => database.Clock;

    private Task<Page<ComplaintRow>> List(ComplaintFilter filter, string? search = null, string? sort = null, bool descending = false, int take = 25) =>
        database.Send(new ListComplaints(filter, new ListWindow(0, take, sort, descending, search)), officer);

    [Fact]
    public async Task The_register_filters_by_kind_stage_and_open_or_closed_and_searches_number_text_and_client()
    {
        var client = await database.RegisterAsync(reception, "Marija", "Kazlauskienė");
        var closed = await database.RegisterFeedbackAsync(reception, text: "Laiškas atėjo per vėlai");
        await database.TakeToAsync(closed, ComplaintStage.Closed, officer, caseworker);
        var routed = await database.RegisterFeedbackAsync(reception, clientId: client, text: "Specialistas nepasirodė vizitui");
        await database.TakeToAsync(routed, ComplaintStage.Routed, officer, caseworker);
        var fresh = await database.RegisterFeedbackAsync(reception, text: "Ilgai laukiau eilėje");
        var idea = await database.RegisterFeedbackAsync(reception, FeedbackKind.Suggestion, text: "Daugiau kėdžių laukiamajame");

        Assert.Equal(new[] { fresh, routed, idea }.Order(), (await List(new ComplaintFilter())).Items.Select(r => r.Id).Order());
        Assert.Equal([closed], (await List(new ComplaintFilter(ComplaintScope.Closed))).Items.Select(r => r.Id));
        Assert.Equal(4, (await List(new ComplaintFilter(ComplaintScope.All))).Total);
        Assert.Equal([idea], (await List(new ComplaintFilter(Kind: FeedbackKind.Suggestion))).Items.Select(r => r.Id));
        Assert.Equal([routed], (await List(new ComplaintFilter(ComplaintScope.All, Stage: ComplaintStage.Routed))).Items.Select(r => r.Id));

        Assert.Equal([routed], (await List(new ComplaintFilter(ComplaintScope.All), "vizitui")).Items.Select(r => r.Id));
        Assert.Equal([routed], (await List(new ComplaintFilter(ComplaintScope.All), "kazlausk")).Items.Select(r => r.Id));
        var byNumber = await List(new ComplaintFilter(ComplaintScope.All), "sk-2026-0001");
        Assert.Equal([closed], byNumber.Items.Select(r => r.Id));
        Assert.Equal([idea], (await List(new ComplaintFilter(ComplaintScope.All), "PA-2026")).Items.Select(r => r.Id));

        var row = (await List(new ComplaintFilter(), "vizitui")).Items.Single();
        Assert.Equal(("SK-2026-0002", "Marija Kazlauskienė", client, true, false), (row.Number, row.From, row.ClientId, row.IsOpen, row.IsAnonymous));
        var sorted = await List(new ComplaintFilter(ComplaintScope.All), sort: nameof(ComplaintRow.Number), take: 2);
        Assert.Equal(4, sorted.Total);
        Assert.Equal(["PA-2026-0001", "SK-2026-0001"], sorted.Items.Select(r => r.Number));
        Assert.All((await List(new ComplaintFilter(ComplaintScope.Closed))).Items, r => Assert.False(r.IsOpen));
        Assert.All((await List(new ComplaintFilter(ComplaintScope.Open))).Items, r => Assert.True(r.IsOpen));
    }

    [Fact]
    public async Task The_desk_shows_open_complaints_by_stage_actions_to_verify_clients_to_tell_and_suggestions_to_thank()
    {
        var waiting = await database.RegisterFeedbackAsync(reception);
        var verified = await database.RegisterFeedbackAsync(reception, contactName: "Petras Petraitis");
        await database.TakeToAsync(verified, ComplaintStage.ActionsVerified, officer, caseworker);
        var closed = await database.RegisterFeedbackAsync(reception);
        await database.TakeToAsync(closed, ComplaintStage.Closed, officer, caseworker);
        // Planned last: taking the others along moved the clock past their deadlines, not past this one.
        var planned = await database.RegisterFeedbackAsync(reception);
        await database.TakeToAsync(planned, ComplaintStage.ActionsPlanned, officer, caseworker);
        var idea = await database.RegisterFeedbackAsync(reception, FeedbackKind.Suggestion);
        await database.RegisterFeedbackAsync(reception, FeedbackKind.Suggestion, contactName: null, contactDetails: null); // anonymous: no one to thank

        var desk = await database.Send(new GetOfficerDesk(), officer);

        Assert.Equal([ComplaintStage.Registered, ComplaintStage.ActionsPlanned, ComplaintStage.ActionsVerified], desk.OpenByStage.Select(s => s.Stage));
        Assert.Equal([waiting], desk.OpenByStage[0].Complaints.Select(c => c.Id));
        Assert.DoesNotContain(desk.OpenByStage.SelectMany(s => s.Complaints), c => c.Id == closed);
        Assert.Equal([verified], desk.NotInformed.Select(c => c.Id));
        Assert.Equal("Petras Petraitis", desk.NotInformed[0].From);
        Assert.Equal(ClockStatus.OnTrack, desk.NotInformed[0].Resolution);
        Assert.Equal([idea], desk.NotThanked.Select(c => c.Id));

        // The planned action's deadline is a day ahead: due, not yet verifiable; after the deadline, overdue and verifiable.
        var due = Assert.Single(desk.ActionsToVerify);
        Assert.Equal((planned, false, false), (due.ComplaintId, due.VerifiableNow, due.Overdue));
        Assert.Equal("asta Tester", due.Owner);
        Clock.Advance(TimeSpan.FromDays(2));
        var later = Assert.Single((await database.Send(new GetOfficerDesk(), officer)).ActionsToVerify);
        Assert.Equal((true, true), (later.VerifiableNow, later.Overdue));
    }

    [Fact]
    public async Task An_action_due_in_more_than_a_week_waits_off_the_desk_unless_reported_done()
    {
        var id = await database.RegisterFeedbackAsync(reception);
        var v = await database.TakeToAsync(id, ComplaintStage.RootCauseFound, officer, caseworker);
        await database.Send(new PlanCorrectiveAction(id, v, "Perrašyti tvarkos aprašą", caseworker.UserId, Clock.UtcDateTime.AddDays(30)), officer);

        Assert.Empty((await database.Send(new GetOfficerDesk(), officer)).ActionsToVerify);
        var action = (await database.GetAsync(id, officer)).Actions.Single();
        await database.Send(new ReportActionDone(action.Id), caseworker);
        var reported = Assert.Single((await database.Send(new GetOfficerDesk(), officer)).ActionsToVerify);
        Assert.Equal((true, false), (reported.VerifiableNow, reported.Overdue));
    }

    [Fact]
    public async Task The_hand_over_digest_goes_to_the_heads_of_the_units_concerned_and_the_action_owners_and_is_kept()
    {
        using var _ = UiCulture.Use("en");
        var cashHead = await database.HeadOfAsync(CashUnit, "rimas");
        var otherCaseworker = await database.CreateUserAsync("tomas", Roles.Caseworker);
        var routed = await database.RegisterFeedbackAsync(reception, text: "Niekas neperskambino");
        await database.TakeToAsync(routed, ComplaintStage.ActionsPlanned, officer, caseworker);
        await database.RegisterFeedbackAsync(reception, FeedbackKind.Suggestion, text: "Daugiau kėdžių");
        var today = DateOnly.FromDateTime(VilniusTime.Now(Clock));

        var draft = await database.Send(new PreviewFeedbackDigest(today.AddDays(-6), today), officer);
        var id = await database.Send(new RecordFeedbackDigest(today.AddDays(-6), today), officer);

        Assert.Equal([head.UserId, caseworker.UserId], draft.Recipients.Select(r => r.UserId));
        Assert.Equal("head of Social services division", draft.Recipients[0].Why);
        Assert.Equal((2, 2), (draft.NewItems, draft.OpenItems));
        Assert.Contains("New feedback: 1 complaint(s), 1 suggestion(s), 0 praise.", draft.Body);
        Assert.Contains("SK-2026-0001", draft.Body);
        Assert.Contains("Social services division (heads: vida Tester)", draft.Body);
        Assert.Contains("Pranešimus perduoti raštu sistemoje", draft.Body);
        Assert.DoesNotContain("rimas", draft.Body);

        var kept = Assert.Single(await database.Send(new GetFeedbackDigests(), head));
        Assert.Equal((id, draft.Body, "darius Tester"), (kept.Id, kept.Body, kept.SentBy));
        Assert.Equal(["vida Tester", "asta Tester"], kept.Recipients);
        Assert.Contains(await database.Send(new GetMyNotifications(), head), n => n.Text.StartsWith("Feedback hand-over"));
        Assert.Contains(await database.Send(new GetMyNotifications(), caseworker), n => n.Text.StartsWith("Feedback hand-over"));
        Assert.Empty(await database.Send(new GetMyNotifications(), cashHead));
        Assert.Empty(await database.Send(new GetMyNotifications(), otherCaseworker));
        Assert.Equal(VilniusTime.ToUtc(today.AddDays(1).ToDateTime(TimeOnly.MinValue)), (await database.Send(new GetOfficerDesk(), officer)).LastDigestToUtc);
    }

    [Fact]
    public async Task A_hand_over_cannot_end_in_the_future_or_before_it_starts()
    {
        var today = DateOnly.FromDateTime(VilniusTime.Now(Clock));

        var future = await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(new RecordFeedbackDigest(today, today.AddDays(1)), officer));
        Assert.True(future.Errors.ContainsKey(nameof(RecordFeedbackDigest.To)));
        await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(new RecordFeedbackDigest(today, today.AddDays(-1)), officer));
        Assert.Equal(0, await database.ReadAsync(db => db.FeedbackDigests.CountAsync()));
    }

    /// <summary>Three months of complaints with known root causes, touchpoints, commitments and units.</summary>
    private async Task<(DateOnly From, DateOnly To)> SeedAnalysisAsync()
    {
        // The clock only moves forward: start again on a database whose clock is before the three months.
        await database.DisposeAsync();
        await SetUpAsync(new FakeClock(new DateTimeOffset(2026, 1, 5, 8, 30, 0, TimeSpan.Zero)));
        Clock.SetUtcNow(new DateTimeOffset(2026, 1, 12, 9, 0, 0, TimeSpan.Zero));
        var a = await database.RegisterFeedbackAsync(reception, touchpoints: [2], commitments: ["VIII"]);
        await database.TakeToAsync(a, ComplaintStage.Closed, officer, caseworker, rootCause: "delay");
        var b = await database.RegisterFeedbackAsync(reception, touchpoints: [2, 3], commitments: ["IX"]);
        await database.TakeToAsync(b, ComplaintStage.RootCauseFound, officer, caseworker, unit: CashUnit, rootCause: "communication");

        Clock.SetUtcNow(new DateTimeOffset(2026, 2, 16, 9, 0, 0, TimeSpan.Zero));
        var c = await database.RegisterFeedbackAsync(reception, touchpoints: [7], commitments: ["VIII"]);
        await database.TakeToAsync(c, ComplaintStage.RootCauseFound, officer, caseworker, rootCause: "delay");
        await database.RegisterFeedbackAsync(reception, touchpoints: [], commitments: []);
        await database.RegisterFeedbackAsync(reception, FeedbackKind.Suggestion, touchpoints: [4]);

        Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 21, 30, 0, TimeSpan.Zero)); // 1 April 00:30 in Vilnius: outside March
        await database.RegisterFeedbackAsync(reception, touchpoints: [2], commitments: ["VIII"]);
        return (new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));
    }

    [Fact]
    public async Task The_analysis_counts_agree_with_what_was_registered_and_every_figure_drills_down_to_its_complaints()
    {
        using var _ = UiCulture.Use("en");
        var (from, to) = await SeedAnalysisAsync();

        var analysis = await database.Send(new GetComplaintAnalysis(from, to), head);

        Assert.Equal((4, 1, 3), (analysis.Complaints, analysis.Suggestions, analysis.OpenComplaints));
        Assert.Equal([("2026-01", 2), ("2026-02", 2), ("2026-03", 0)], analysis.Months.Select(m => (m.Month, m.Count)));
        int Count(AnalysisDimension d, string key) => analysis.Tables.Single(t => t.Dimension == d).Rows.Single(r => r.Key == key).Count;
        Assert.Equal(2, Count(AnalysisDimension.RootCause, "delay"));
        Assert.Equal(1, Count(AnalysisDimension.RootCause, "communication"));
        Assert.Equal(1, Count(AnalysisDimension.RootCause, ComplaintFilter.None));
        Assert.Equal(0, Count(AnalysisDimension.RootCause, "privacy"));
        Assert.Equal((2, 1, 1, 0, 1), (Count(AnalysisDimension.Touchpoint, "2"), Count(AnalysisDimension.Touchpoint, "3"),
            Count(AnalysisDimension.Touchpoint, "7"), Count(AnalysisDimension.Touchpoint, "4"), Count(AnalysisDimension.Touchpoint, "0")));
        Assert.Equal((2, 1, 1), (Count(AnalysisDimension.Commitment, "VIII"), Count(AnalysisDimension.Commitment, "IX"),
            Count(AnalysisDimension.Commitment, ComplaintFilter.None)));
        Assert.Equal((2, 1, 1), (Count(AnalysisDimension.Unit, Casework.SocialServices.ToString()), Count(AnalysisDimension.Unit, CashUnit.ToString()),
            Count(AnalysisDimension.Unit, Guid.Empty.ToString())));
        var delay = analysis.Tables.Single(t => t.Dimension == AnalysisDimension.RootCause).Rows.Single(r => r.Key == "delay");
        Assert.Equal("Delay, a deadline not kept", delay.Label);
        Assert.Equal([1, 1, 0], delay.Trend.Select(m => m.Count));

        // Every number, total or monthly, lists exactly as many complaints as it says.
        var figures = analysis.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Trend.Select(m => (m.Count, m.DrillDown)).Append((r.Count, r.DrillDown)))
            .Append((analysis.Complaints, analysis.AllComplaints)).Concat(analysis.Months.Select(m => (m.Count, m.DrillDown))).ToList();
        Assert.True(figures.Count > 100);
        foreach (var (count, drillDown) in figures)
            Assert.Equal(count, (await List(drillDown)).Total);
    }

    [Fact]
    public async Task The_csv_has_a_bom_a_header_with_the_months_and_a_row_per_figure()
    {
        using var _ = UiCulture.Use("lt");
        var (from, to) = await SeedAnalysisAsync();

        var bytes = await database.Send(new ExportComplaintAnalysisCsv(from, to), officer);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Pjūvis;Kodas;Pavadinimas;Iš viso;2026-01;2026-02;2026-03", lines[0]);
        Assert.Equal("Visi skundai;;;4;2;2;0", lines[1]);
        Assert.Contains("Pagrindinė priežastis;delay;Vėlavimas, nesilaikyta termino;2;1;1;0", lines);
        Assert.Contains("Įsipareigojimas;VIII;VIII Patikimumas ir punktualumas;2;1;1;0", lines);
        var analysis = await database.Send(new GetComplaintAnalysis(from, to), officer);
        Assert.Equal(2 + analysis.Tables.Sum(t => t.Rows.Count), lines.Length);
    }

    [Fact]
    public async Task A_review_of_the_standard_is_recorded_and_staff_are_marked_informed_once()
    {
        using var _ = UiCulture.Use("en");
        var id = await database.Send(new RecordStandardReview(new DateOnly(2026, 3, 2), new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31),
            "Dažniausia priežastis: vėlavimas", "Trumpinti atsakymo terminą", "Atsakymo į el. laišką tikslas: 4 darbo valandos"), officer);
        Clock.Advance(TimeSpan.FromDays(3));

        await database.Send(new MarkStaffInformed(id, "Susirinkime 2026-03-05"), officer);
        var again = await Assert.ThrowsAsync<DomainRefusalException>(() => database.Send(new MarkStaffInformed(id, "Dar kartą"), officer));

        Assert.Contains("already informed", again.Because);
        var review = Assert.Single(await database.Send(new ListStandardReviews(), head));
        Assert.Equal((id, "Dažniausia priežastis: vėlavimas", "darius Tester", Clock.UtcDateTime, "Susirinkime 2026-03-05"),
            (review.Id, review.Findings, review.RecordedBy, review.StaffInformedAtUtc, review.StaffInformedHow));
        var empty = await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(
            new RecordStandardReview(new DateOnly(2026, 3, 2), new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), "", "", null), officer));
        Assert.Equal([nameof(RecordStandardReview.Decisions), nameof(RecordStandardReview.Findings)], empty.Errors.Keys.Order());
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new MarkStaffInformed(id, "x"), head));
    }

    [Fact]
    public async Task An_employee_whose_work_exceeded_the_standard_is_noted_with_the_feedback_that_showed_it()
    {
        var praise = await database.RegisterFeedbackAsync(reception, FeedbackKind.Suggestion, text: "Ačiū Astai už greitą pagalbą");

        await database.Send(new NoteEmployeeCommendation(caseworker.UserId, "Klientė padėkojo už greitą pagalbą", praise), head);

        var note = Assert.Single(await database.Send(new ListEmployeeCommendations(), officer));
        Assert.Equal(("asta Tester", "vida Tester", "PA-2026-0001", "Klientė padėkojo už greitą pagalbą"), (note.Employee, note.NotedBy, note.ComplaintNumber, note.Reason));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new NoteEmployeeCommendation(caseworker.UserId, "Pati sau", null), caseworker));
        await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(new NoteEmployeeCommendation("nobody", "Kažkas", null), head));
    }

    [Fact]
    public async Task The_root_cause_taxonomy_grows_and_retires_causes_without_losing_them()
    {
        await database.Send(new SaveRootCause("signage", "Neaiškios nuorodos", "Unclear signs", true), officer);
        await database.Send(new SaveRootCause("legal", "Teisės aktų apribojimai", "Limits set by law", false), officer);

        var active = await database.Send(new ListRootCauses(), caseworker);
        Assert.Contains(active, r => r.Code == "signage");
        Assert.DoesNotContain(active, r => r.Code == "legal");
        Assert.Equal("other", active[^1].Code);
        Assert.Contains(await database.Send(new ListRootCauses(IncludeRetired: true), officer), r => r is { Code: "legal", IsActive: false });
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new SaveRootCause("x-y", "a", "b", true), head));
        await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(new SaveRootCause("Bad Code", "a", "b", true), officer));
    }
}
