using System.Text.Json;
using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Mail;
using CaseDesk.Domain.Privacy;
using CaseDesk.Domain.Public;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Tests.UseCases.Public.SubmitPublicFeedbackTests;

namespace CaseDesk.Tests.UseCases.Public;

/// <summary>Issue 20: what the holder of a tracking code sees, stage by stage, and what they never see.</summary>
public sealed class PublicFeedbackStatusTests : IAsyncLifetime
{
    private const string ClientText = "Niekas neatskambino, nors žadėjo; mano sūnus Tomas";
    private const string Contact = "ona.onaite@example.lt";
    private const string Apology = "Atsiprašome, kad jums nepaskambinome";

    private TestDatabase database = default!;
    private Caller officer = default!;
    private Caller owner = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        officer = await database.CreateUserAsync("darius", Roles.QualityOfficer);
        owner = await database.HeadOfAsync(Casework.SocialServices, "vida");
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private FakeClock Clock => database.Clock;

    private async Task<(string Code, Guid Id)> SubmitAsync(FeedbackKind kind = FeedbackKind.Complaint, string? contact = Contact)
    {
        var receipt = await database.Send(Form(kind, ClientText, touchpoint: 4, name: "Ona Onaitė", contact: contact), Caller.Public);
        var id = await database.ReadAsync(db => db.PublicFeedbackTickets.Where(t => t.CodeHash == TrackingCode.Hash(TrackingCode.Normalize(receipt.Code)!))
            .Select(t => t.ComplaintId).SingleAsync());
        return (receipt.Code, id);
    }

    private Task<PublicFeedbackStatus?> StatusAsync(string code) => database.Send(new GetPublicFeedbackStatus(code), Caller.Public);

    /// <summary>Everything of the complaint that is internal or about a person: none of it may appear in what the public side gets.</summary>
    private async Task<List<string>> SecretsAsync(Guid id)
    {
        var c = await database.GetAsync(id, officer);
        var secrets = new List<string> { ClientText, "Tomas", Contact, "Ona Onaitė", "Onaitė", c.Number, id.ToString(), officer.UserId, owner.UserId, "darius", "vida", "Tester" };
        secrets.AddRange(new[] { c.Facts, c.RootCauseText, c.ClientInformedHow }.OfType<string>());
        secrets.AddRange(c.Actions.SelectMany(a => new[] { a.Description, a.Evidence, a.WithdrawalReason }).OfType<string>());
        // Step notes too, except the texts written to the person (acknowledgement, plan, outcome, thanks), which are checked separately.
        secrets.AddRange(c.Steps.Where(s => !(c.Kind != FeedbackKind.Complaint && s.Stage == ComplaintStage.Acknowledged))
            .Select(s => s.Note).OfType<string>().Where(n => n != c.Apology && n != c.ActionPlan && n != c.Outcome && n != "Atsiprašėme, tvarka pakeista"));
        return secrets;
    }

    private async Task AssertNothingInternalAsync(Guid id, PublicFeedbackStatus status)
    {
        var json = JsonSerializer.Serialize(status);
        foreach (var secret in await SecretsAsync(id))
            Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<Guid> VersionAsync(Guid id) => (await database.GetAsync(id, officer)).Version;

    [Fact]
    public async Task A_complaint_shows_its_stage_dates_and_the_texts_written_to_the_person_at_every_step_and_nothing_internal()
    {
        var (code, id) = await SubmitAsync();
        var registered = Clock.UtcDateTime;
        var expectedDates = new List<PublicStageDate> { new(PublicStage.Registered, registered) };
        var expectedReplies = new List<PublicReply>();

        async Task Check(PublicStage stage)
        {
            var status = await StatusAsync(code);
            Assert.NotNull(status);
            Assert.Equal((FeedbackKind.Complaint, (int?)4, registered, stage), (status.Kind, status.Touchpoint, status.ReceivedAtUtc, status.Stage));
            Assert.Equal(expectedDates, status.Dates);
            Assert.Equal(expectedReplies, status.Replies);
            await AssertNothingInternalAsync(id, status);
        }

        await Check(PublicStage.Registered);

        Clock.Advance(TimeSpan.FromMinutes(5));
        await database.Send(new AcknowledgeComplaint(id, await VersionAsync(id), true, Apology), officer);
        expectedDates.Add(new(PublicStage.BeingLookedInto, Clock.UtcDateTime));
        expectedReplies.Add(new(PublicReplyKind.Acknowledgement, Clock.UtcDateTime, Apology));
        await Check(PublicStage.BeingLookedInto);

        await database.TakeToAsync(id, ComplaintStage.FactsClarified, officer, owner);
        await Check(PublicStage.BeingLookedInto);

        await database.TakeToAsync(id, ComplaintStage.ActionPlanTold, officer, owner);
        expectedReplies.Add(new(PublicReplyKind.ActionPlan, Clock.UtcDateTime, "Paskambinsime ir perduosime pranešimą"));
        await Check(PublicStage.BeingLookedInto);

        await database.TakeToAsync(id, ComplaintStage.Routed, officer, owner);
        await Check(PublicStage.BeingLookedInto);
        await database.TakeToAsync(id, ComplaintStage.RootCauseFound, officer, owner);
        await Check(PublicStage.BeingLookedInto);

        await database.TakeToAsync(id, ComplaintStage.ActionsPlanned, officer, owner);
        expectedDates.Add(new(PublicStage.ActionsDecided, Clock.UtcDateTime));
        await Check(PublicStage.ActionsDecided);

        // A second action, withdrawn: its reason is internal.
        Clock.Advance(TimeSpan.FromMinutes(1));
        await database.Send(new PlanCorrectiveAction(id, await VersionAsync(id), "Papildomas mokymas registratūrai", owner.UserId, Clock.UtcDateTime.AddDays(1)), officer);
        var extraId = (await database.GetAsync(id, officer)).Actions.Single(a => a.Description == "Papildomas mokymas registratūrai").Id;
        await database.Send(new WithdrawCorrectiveAction(id, await VersionAsync(id), extraId, "Dubliuoja kitą veiksmą"), officer);
        await Check(PublicStage.ActionsDecided);

        Clock.Advance(TimeSpan.FromDays(2));
        var planned = (await database.GetAsync(id, officer)).Actions.Single(a => a.Description != "Papildomas mokymas registratūrai");
        await database.Send(new VerifyCorrectiveAction(id, await VersionAsync(id), planned.Id, VerificationResult.Done, "Patikrinta sistemoje"), officer);
        Assert.Equal(ComplaintStage.ActionsVerified, (await database.GetAsync(id, officer)).Stage);
        await Check(PublicStage.ActionsDecided);

        await database.TakeToAsync(id, ComplaintStage.ClientInformed, officer, owner);
        expectedDates.Add(new(PublicStage.Done, Clock.UtcDateTime));
        expectedReplies.Add(new(PublicReplyKind.Outcome, Clock.UtcDateTime, "Atsiprašėme, tvarka pakeista"));
        await Check(PublicStage.Done);

        await database.TakeToAsync(id, ComplaintStage.Closed, officer, owner);
        await Check(PublicStage.Done);

        // Reopened: looked into again, the outcome no longer stands, and the later stages' dates go.
        Clock.Advance(TimeSpan.FromMinutes(1));
        await database.Send(new ReopenComplaint(id, await VersionAsync(id), "Vėl niekas nepaskambino"), officer);
        expectedDates.RemoveAll(d => d.Stage > PublicStage.BeingLookedInto);
        expectedReplies.RemoveAll(r => r.Kind == PublicReplyKind.Outcome);
        await Check(PublicStage.BeingLookedInto);
        Assert.DoesNotContain("Vėl niekas", JsonSerializer.Serialize(await StatusAsync(code)));
    }

    [Fact]
    public async Task The_code_is_forgiving_as_typed_and_a_wrong_code_shows_nothing()
    {
        var (code, _) = await SubmitAsync();
        var typed = code.Replace("-", " ").ToLowerInvariant().Replace('0', 'o').Replace('1', 'l');

        Assert.NotNull(await StatusAsync(typed));
        Assert.NotNull(await StatusAsync(" " + code.Replace("-", "") + " "));
        Assert.Null(await StatusAsync(TrackingCode.New()));
        Assert.Null(await StatusAsync(code[..^1]));
        Assert.Null(await StatusAsync("not a code at all"));
        Assert.Null(await StatusAsync(""));
    }

    [Fact]
    public async Task The_status_is_shown_until_90_days_after_the_complaint_is_closed_then_it_is_as_if_the_code_were_wrong()
    {
        var (code, id) = await SubmitAsync();
        await database.TakeToAsync(id, ComplaintStage.Closed, officer, owner);

        Clock.Advance(TimeSpan.FromDays(89));
        Assert.Equal(PublicStage.Done, (await StatusAsync(code))?.Stage);

        Clock.Advance(TimeSpan.FromDays(2));
        var expired = await StatusAsync(code);
        var wrong = await StatusAsync(TrackingCode.New());
        Assert.Null(expired);
        Assert.Equal(wrong, expired);
    }

    [Fact]
    public async Task An_open_complaint_does_not_expire()
    {
        var (code, id) = await SubmitAsync();
        await database.TakeToAsync(id, ComplaintStage.ActionPlanTold, officer, owner);

        Clock.Advance(TimeSpan.FromDays(400));

        Assert.Equal(PublicStage.BeingLookedInto, (await StatusAsync(code))?.Stage);
    }

    [Theory]
    [InlineData(FeedbackKind.Suggestion)]
    [InlineData(FeedbackKind.Praise)]
    public async Task A_suggestion_or_praise_is_registered_until_thanked_then_done_with_the_thanks(FeedbackKind kind)
    {
        var (code, id) = await SubmitAsync(kind);
        var registered = Clock.UtcDateTime;
        var status = await StatusAsync(code);
        Assert.Equal((kind, PublicStage.Registered), (status?.Kind, status?.Stage));
        Assert.Empty(status!.Replies);

        Clock.Advance(TimeSpan.FromHours(2));
        const string thanks = "Dėkojame už jūsų žodžius ir kviečiame rašyti dar";
        await database.Send(new ThankForSuggestion(id, await VersionAsync(id), thanks), officer);

        status = await StatusAsync(code);
        Assert.NotNull(status);
        Assert.Equal(PublicStage.Done, status.Stage);
        Assert.Equal([new(PublicStage.Registered, registered), new(PublicStage.Done, Clock.UtcDateTime)], status.Dates);
        Assert.Equal([new PublicReply(PublicReplyKind.Thanks, Clock.UtcDateTime, thanks)], status.Replies);
        await AssertNothingInternalAsync(id, status);

        Clock.Advance(TimeSpan.FromDays(89));
        Assert.NotNull(await StatusAsync(code));
        Clock.Advance(TimeSpan.FromDays(2));
        Assert.Null(await StatusAsync(code));
    }

    [Fact]
    public async Task Praise_not_yet_thanked_is_registered_and_shows_no_reply()
    {
        var (code, id) = await SubmitAsync(FeedbackKind.Praise, contact: null);

        var status = await StatusAsync(code);

        Assert.Equal((FeedbackKind.Praise, PublicStage.Registered), (status?.Kind, status?.Stage));
        Assert.Equal([PublicStage.Registered], status!.Dates.Select(d => d.Stage));
        Assert.Empty(status.Replies);
        await AssertNothingInternalAsync(id, status);
    }

    [Fact]
    public async Task A_thanked_suggestion_with_an_open_improvement_action_shows_actions_decided_until_it_is_verified()
    {
        var (code, id) = await SubmitAsync(FeedbackKind.Suggestion);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await database.Send(new ThankForSuggestion(id, await VersionAsync(id), "Padėkojome el. paštu"), officer);
        var thanked = Clock.UtcDateTime;
        Clock.Advance(TimeSpan.FromMinutes(1));
        await database.Send(new AddImprovementAction(id, await VersionAsync(id), "Įrengti rampą prie įėjimo", owner.UserId, Clock.UtcDateTime.AddDays(1)), officer);
        var decided = Clock.UtcDateTime;

        var status = await StatusAsync(code);
        Assert.Equal(PublicStage.ActionsDecided, status?.Stage);
        Assert.Equal([PublicStage.Registered, PublicStage.ActionsDecided], status!.Dates.Select(d => d.Stage));
        Assert.Equal(decided, status.Dates[1].AtUtc);
        await AssertNothingInternalAsync(id, status);

        Clock.Advance(TimeSpan.FromDays(2));
        var action = (await database.GetAsync(id, officer)).Actions.Single();
        await database.Send(new VerifyCorrectiveAction(id, await VersionAsync(id), action.Id, VerificationResult.Done, "Rampa įrengta, nuotrauka byloje"), officer);

        status = await StatusAsync(code);
        Assert.Equal(PublicStage.Done, status?.Stage);
        Assert.Equal(new PublicStageDate(PublicStage.Done, Clock.UtcDateTime), status!.Dates[^1]);
        Assert.True(thanked < decided);
        await AssertNothingInternalAsync(id, status);
    }

    [Fact]
    public async Task A_read_is_audited_as_the_public_websites_read_of_the_complaint()
    {
        var (code, id) = await SubmitAsync();

        await StatusAsync(code);
        await StatusAsync(TrackingCode.New());

        var reads = (await database.AuditEntriesAsync()).Where(a => a.Action == nameof(GetPublicFeedbackStatus)).OrderBy(a => a.Id).ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, a => Assert.Equal((AuditKind.Read, Caller.Public.UserId, nameof(Complaint)), (a.Kind, a.UserId, a.EntityType)));
        Assert.Equal([id.ToString(), null], reads.Select(a => a.EntityId));
    }

    [Fact]
    public async Task The_code_mail_is_blanked_once_the_mail_server_accepts_it_or_gives_up()
    {
        var (code, _) = await SubmitAsync();
        var (other, _) = await SubmitAsync();
        var messages = await database.ReadAsync(db => Outbox.Messages(db).AsNoTracking().OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Id).ToListAsync());
        Assert.Contains(code, messages[0].TextBody);
        Assert.Contains(other, messages[1].TextBody);

        await database.Send(new RecordMailAccepted(messages[0].Id, Clock.UtcDateTime), Caller.System);
        await database.Send(new RecordMailFailure(messages[1].Id, "550 no such user", true, Clock.UtcDateTime), Caller.System);

        var after = await database.ReadAsync(db => Outbox.Messages(db).AsNoTracking().ToListAsync());
        Assert.DoesNotContain(after, m => m.TextBody.Contains(code) || m.TextBody.Contains(other));
        Assert.Equal([OutboxStatus.Sent, OutboxStatus.Failed], after.Select(m => m.Status).Order());
        // The code still works: only its copy in the queue went.
        Assert.NotNull(await StatusAsync(code));

        // A failed code mail is no one's work item: "public" is no staff member, and the item lists only complaint messages.
        var work = await database.Send(new Domain.Work.GetMyWork(), officer);
        Assert.DoesNotContain(work, w => w.Kind == Domain.Work.WorkKind.ComplaintMessageFailed);
    }

    [Fact]
    public async Task Retention_that_erases_the_feedback_deletes_its_code_and_blanks_the_code_mail()
    {
        var (code, id) = await SubmitAsync();
        await database.TakeToAsync(id, ComplaintStage.Closed, officer, owner);
        var kept = await SubmitAsync();

        Clock.Advance(TimeSpan.FromDays(4 * 366));
        await database.Send(new ApplyRetention(), Caller.System);

        Assert.Null(await StatusAsync(code));
        Assert.False(await database.ReadAsync(db => db.PublicFeedbackTickets.AnyAsync(t => t.ComplaintId == id)));
        Assert.True(await database.ReadAsync(db => db.PublicFeedbackTickets.AnyAsync(t => t.ComplaintId == kept.Id)));
        var mail = await database.ReadAsync(db => Outbox.Messages(db).AsNoTracking().SingleAsync(m => m.SourceId == id));
        Assert.DoesNotContain(code, mail.TextBody);
        Assert.Equal("", mail.ToAddress);
        Assert.NotNull(await StatusAsync(kept.Code));
    }
}
