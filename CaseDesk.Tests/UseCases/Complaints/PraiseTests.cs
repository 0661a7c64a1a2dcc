using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Privacy;
using CaseDesk.Domain.Public;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Complaints;

/// <summary>
/// Praise on the staff side, through the real use cases: handled like a suggestion (thanked, may get improvement actions, no
/// complaint steps, no clocks), counted on its own, kept like a suggestion; and feedback from the public form that the person
/// follows with a tracking code, which has someone to thank even when anonymous.
/// </summary>
public sealed class PraiseTests : IAsyncLifetime
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

    private Task<Page<ComplaintRow>> List(ComplaintFilter filter, string? search = null) =>
        database.Send(new ListComplaints(filter, new ListWindow(0, 25, null, false, search)), officer);

    /// <summary>A minute after the one before, so lists ordered by receipt have one order.</summary>
    private Task<Guid> PraiseAsync(string? contactName = "Ona Onaitė", string? contactDetails = "+37060000000", string text = "Ačiū už greitą pagalbą",
        FeedbackKind kind = FeedbackKind.Praise)
    {
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        return database.RegisterFeedbackAsync(reception, kind, text: text, contactName: contactName, contactDetails: contactDetails);
    }

    private Task FollowByCodeAsync(Guid complaintId) => database.FollowByCodeAsync(complaintId);

    [Fact]
    public async Task Praise_is_numbered_PD_runs_no_clock_is_open_until_thanked_and_listed_under_its_own_kind()
    {
        using var _ = UiCulture.Use("en");
        var praise = await PraiseAsync();
        var idea = await database.RegisterFeedbackAsync(reception, FeedbackKind.Suggestion);
        var complaint = await database.RegisterFeedbackAsync(reception);

        var details = await database.GetAsync(praise, officer);
        Assert.Equal(("PD-2026-0001", FeedbackKind.Praise, true, false), (details.Number, details.Kind, details.IsOpen, details.FollowedByCode));
        Assert.Empty(details.Clocks);
        Assert.Equal([praise], (await List(new ComplaintFilter(Kind: FeedbackKind.Praise))).Items.Select(r => r.Id));
        Assert.Equal([praise], (await List(new ComplaintFilter(ComplaintScope.All), "pd-2026")).Items.Select(r => r.Id));
        Assert.Equal(new[] { praise, idea, complaint }.Order(), (await List(new ComplaintFilter())).Items.Select(r => r.Id).Order());

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(() =>
            database.Send(new AcknowledgeComplaint(praise, details.Version, false, null), officer));
        Assert.Equal("This step is not for praise, because praise is thanked, not taken through the complaint steps.", refusal.Because);

        await database.Send(new ThankForSuggestion(praise, details.Version, "Padėkota telefonu"), reception);

        var thanked = await database.GetAsync(praise, officer);
        Assert.Equal((false, ComplaintStage.Registered), (thanked.IsOpen, thanked.Stage));
        Assert.Equal(ComplaintStage.Acknowledged, thanked.Steps[^1].Stage);
        Assert.Equal([praise], (await List(new ComplaintFilter(ComplaintScope.Closed))).Items.Select(r => r.Id));
        Assert.DoesNotContain(praise, (await List(new ComplaintFilter())).Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Praise_may_get_an_improvement_action_that_the_officer_verifies_from_the_desk()
    {
        var praise = await PraiseAsync();
        var version = (await database.GetAsync(praise, officer)).Version;
        version = await database.Send(new ThankForSuggestion(praise, version, "Padėkota el. paštu"), officer);
        await database.Send(new AddImprovementAction(praise, version, "Pasidalyti gerąja patirtimi susirinkime", caseworker.UserId,
            database.Clock.UtcDateTime.AddDays(2)), head);

        // Still open while its action is not verified done.
        var row = Assert.Single((await List(new ComplaintFilter())).Items);
        Assert.Equal((praise, 1), (row.Id, row.ActionsOpen));
        database.Clock.Advance(TimeSpan.FromDays(3));
        var due = Assert.Single((await database.Send(new GetOfficerDesk(), officer)).ActionsToVerify);
        Assert.Equal((praise, FeedbackKind.Praise, true), (due.ComplaintId, due.Kind, due.VerifiableNow));

        var details = await database.GetAsync(praise, officer);
        Assert.True(details.Actions.Single().VerifiableNow);
        await database.Send(new VerifyCorrectiveAction(praise, details.Version, due.ActionId, VerificationResult.Done, "Aptarta"), officer);

        var done = await database.GetAsync(praise, officer);
        Assert.Equal((false, ComplaintStage.Registered), (done.IsOpen, done.Stage));
    }

    [Fact]
    public async Task The_desk_lists_praise_not_yet_thanked_and_anonymous_feedback_only_when_it_is_followed_by_code()
    {
        var named = await PraiseAsync();
        var anonymous = await PraiseAsync(contactName: null, contactDetails: null);
        var fromTheWebsite = await PraiseAsync(contactName: null, contactDetails: null, text: "Labai maloni registratūra");
        await FollowByCodeAsync(fromTheWebsite);
        var ideaFromTheWebsite = await PraiseAsync(contactName: null, contactDetails: null, text: "Daugiau suolų", kind: FeedbackKind.Suggestion);
        await FollowByCodeAsync(ideaFromTheWebsite);
        var thanked = await PraiseAsync();
        await database.Send(new ThankForSuggestion(thanked, (await database.GetAsync(thanked, officer)).Version, "Padėkota"), officer);

        var desk = await database.Send(new GetOfficerDesk(), officer);

        Assert.Equal([named, fromTheWebsite, ideaFromTheWebsite], desk.NotThanked.Select(c => c.Id));
        Assert.Equal([false, true, true], desk.NotThanked.Select(c => c.FollowedByCode));
        Assert.All(desk.NotThanked.Skip(1), c => Assert.True(c.IsAnonymous));
        Assert.Empty(desk.OpenByStage); // praise and suggestions have no complaint steps

        // The same "open" in the list and on the page: the anonymous praise without a code has no one to thank.
        Assert.Equal(new[] { named, fromTheWebsite, ideaFromTheWebsite }.Order(), (await List(new ComplaintFilter())).Items.Select(r => r.Id).Order());
        var row = (await List(new ComplaintFilter(ComplaintScope.All), "maloni")).Items.Single();
        Assert.Equal((true, true, true), (row.IsAnonymous, row.FollowedByCode, row.IsOpen));
        var page = await database.GetAsync(fromTheWebsite, officer);
        Assert.Equal((true, true, false, true), (page.IsAnonymous, page.FollowedByCode, page.NoOneToTell, page.IsOpen));
        var noOne = await database.GetAsync(anonymous, officer);
        Assert.Equal((true, false, true, false), (noOne.IsAnonymous, noOne.FollowedByCode, noOne.NoOneToTell, noOne.IsOpen));
    }

    [Fact]
    public async Task The_analysis_counts_complaints_suggestions_and_praise_apart_and_the_praise_figure_lists_them()
    {
        await PraiseAsync();
        await PraiseAsync(contactName: null, contactDetails: null);
        await database.RegisterFeedbackAsync(reception, FeedbackKind.Suggestion);
        await database.RegisterFeedbackAsync(reception);
        var today = DateOnly.FromDateTime(VilniusTime.Now(database.Clock));

        var analysis = await database.Send(new GetComplaintAnalysis(today.AddDays(-7), today), head);

        Assert.Equal((1, 1, 2), (analysis.Complaints, analysis.Suggestions, analysis.Praise));
        // Praise is not a complaint: it is counted in no complaint table.
        Assert.Equal(1, analysis.Months.Sum(m => m.Count));
        var praise = await List(analysis.AllComplaints with { Kind = FeedbackKind.Praise });
        Assert.Equal(analysis.Praise, praise.Total);
        Assert.All(praise.Items, r => Assert.Equal(FeedbackKind.Praise, r.Kind));
    }

    [Fact]
    public async Task The_hand_over_counts_praise_and_names_it()
    {
        using var _ = UiCulture.Use("en");
        await PraiseAsync();
        await database.RegisterFeedbackAsync(reception, FeedbackKind.Suggestion);
        var today = DateOnly.FromDateTime(VilniusTime.Now(database.Clock));

        var draft = await database.Send(new PreviewFeedbackDigest(today.AddDays(-6), today), officer);

        Assert.Contains("New feedback: 0 complaint(s), 1 suggestion(s), 1 praise.", draft.Body);
        Assert.Contains("PD-2026-0001 · praise · by phone", draft.Body);
        Assert.Contains("PD-2026-0001 · praise · received", draft.Body);
    }

    [Fact]
    public async Task Retention_erases_praise_like_a_suggestion_counting_from_the_thanks_or_else_from_registration()
    {
        var thankedLate = await PraiseAsync(text: "Ačiū socialinei darbuotojai");
        var neverThanked = await PraiseAsync(contactName: null, contactDetails: null, text: "Ačiū registratūrai");
        var idea = await database.RegisterFeedbackAsync(reception, FeedbackKind.Suggestion, text: "Daugiau kėdžių");
        database.Clock.Advance(TimeSpan.FromDays(365));
        await database.Send(new ThankForSuggestion(thankedLate, (await database.GetAsync(thankedLate, officer)).Version, "Padėkota"), officer);

        // Three years after registration: the one never thanked and the suggestion go, the praise thanked a year later stays.
        database.Clock.Advance(TimeSpan.FromDays(2 * 365 + 10));
        await database.Send(new ApplyRetention(), Caller.System);
        Assert.Equal([false, true, true], await RedactedAsync(thankedLate, neverThanked, idea));

        database.Clock.Advance(TimeSpan.FromDays(365));
        await database.Send(new ApplyRetention(), Caller.System);
        Assert.Equal([true, true, true], await RedactedAsync(thankedLate, neverThanked, idea));
    }

    /// <summary>Whether each text was erased, in the order asked.</summary>
    private async Task<List<bool>> RedactedAsync(params Guid[] ids)
    {
        var texts = await database.ReadAsync(db => db.Complaints.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Text));
        return ids.Select(id => texts[id] == Anonymization.Redacted).ToList();
    }
}

/// <summary>Feedback as the public form leaves it, without going through the form (its own tests cover that).</summary>
internal static class PublicTickets
{
    /// <summary>The tracking code's row beside the feedback (only a hash of the code is kept; any 64 hex digits do here).</summary>
    public static async Task FollowByCodeAsync(this TestDatabase database, Guid complaintId)
    {
        await using var db = database.OpenDb();
        db.PublicFeedbackTickets.Add(new PublicFeedbackTicket
        {
            Id = Guid.CreateVersion7(), ComplaintId = complaintId, CodeHash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()).PadRight(64, '0'),
            SubmissionKey = Guid.NewGuid().ToString("N"), Language = "lt", CreatedAtUtc = database.Clock.UtcDateTime,
        });
        await db.SaveChangesAsync();
    }
}
