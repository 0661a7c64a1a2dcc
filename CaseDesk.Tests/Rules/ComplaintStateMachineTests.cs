using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.Rules;

/// <summary>
/// The complaint's path as a table: every step command tried at every stage. Exactly one command (two
/// while actions are planned) moves a complaint on from each stage; every other pair is refused with a
/// "because" and leaves the complaint as it was.
/// </summary>
public sealed class ComplaintStateMachineTests
{
    private static readonly DateTime Start = new(2026, 3, 2, 8, 30, 0, DateTimeKind.Utc);
    private const string Officer = "officer";
    private const string Owner = "owner";

    public enum Command
    {
        Acknowledge,
        ClarifyFacts,
        TellActionPlan,
        Route,
        ChooseRootCause,
        PlanAction,
        Verify,
        InformClient,
        Close,
        Reopen,
        Thank,
        AddImprovement,
    }

    /// <summary>The allowed (stage, command) pairs and where each leads. Anything not listed is refused.</summary>
    private static readonly Dictionary<(ComplaintStage, Command), ComplaintStage> Allowed = new()
    {
        [(ComplaintStage.Registered, Command.Acknowledge)] = ComplaintStage.Acknowledged,
        [(ComplaintStage.Acknowledged, Command.ClarifyFacts)] = ComplaintStage.FactsClarified,
        [(ComplaintStage.FactsClarified, Command.TellActionPlan)] = ComplaintStage.ActionPlanTold,
        [(ComplaintStage.ActionPlanTold, Command.Route)] = ComplaintStage.Routed,
        [(ComplaintStage.Routed, Command.ChooseRootCause)] = ComplaintStage.RootCauseFound,
        [(ComplaintStage.RootCauseFound, Command.PlanAction)] = ComplaintStage.ActionsPlanned,
        [(ComplaintStage.ActionsPlanned, Command.PlanAction)] = ComplaintStage.ActionsPlanned,
        [(ComplaintStage.ActionsPlanned, Command.Verify)] = ComplaintStage.ActionsVerified,
        [(ComplaintStage.ActionsVerified, Command.InformClient)] = ComplaintStage.ClientInformed,
        [(ComplaintStage.ClientInformed, Command.Close)] = ComplaintStage.Closed,
        [(ComplaintStage.Closed, Command.Reopen)] = ComplaintStage.Routed,
    };

    public static TheoryData<ComplaintStage, Command> EveryPair()
    {
        var data = new TheoryData<ComplaintStage, Command>();
        foreach (var stage in Enum.GetValues<ComplaintStage>())
            foreach (var command in Enum.GetValues<Command>())
                data.Add(stage, command);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Each_command_at_each_stage_moves_on_exactly_as_the_path_says_or_is_refused_with_a_because(ComplaintStage stage, Command command)
    {
        var complaint = At(stage, out var now);
        var stepsBefore = complaint.Steps.Count;
        var actionsBefore = complaint.Actions.Count;

        if (Allowed.TryGetValue((stage, command), out var next))
        {
            Apply(complaint, command, now);
            Assert.Equal(next, complaint.Stage);
            Assert.True(complaint.Steps.Count > stepsBefore || command == Command.PlanAction, "an allowed step is recorded");
            Assert.Equal(next, complaint.Steps.MaxBy(s => s.AtUtc)!.Stage);
        }
        else
        {
            var refusal = Assert.Throws<DomainRefusalException>(() => Apply(complaint, command, now));
            Assert.Contains("because", refusal.Because); // 9.1: a firm "no" always comes with "because"
            Assert.Equal(stage, complaint.Stage);
            Assert.Equal(stepsBefore, complaint.Steps.Count);
            Assert.Equal(actionsBefore, complaint.Actions.Count);
        }
    }

    [Fact]
    public void The_table_covers_one_way_out_of_every_stage()
    {
        Assert.Equal(Enum.GetValues<ComplaintStage>().Order(), Allowed.Keys.Select(k => k.Item1).Distinct().Order());
    }

    [Theory]
    [InlineData(ComplaintStage.Registered)]
    [InlineData(ComplaintStage.Routed)]
    [InlineData(ComplaintStage.ActionsPlanned)]
    [InlineData(ComplaintStage.ActionsVerified)]
    public void Closing_before_the_client_is_told_what_was_done_is_refused_because_of_that(ComplaintStage stage)
    {
        var complaint = At(stage, out var now);

        var refusal = Assert.Throws<DomainRefusalException>(() => complaint.Close(now, Officer));

        Assert.Equal("The complaint cannot be closed, because the client has not been told what was decided and done.", refusal.Because);
        Assert.Null(complaint.ClosedAtUtc);
    }

    [Fact]
    public void Acknowledging_a_fault_needs_the_apology()
    {
        var complaint = At(ComplaintStage.Registered, out var now);

        var refusal = Assert.Throws<DomainRefusalException>(() => complaint.Acknowledge(true, " ", now, Officer));

        Assert.Contains("because the department was at fault", refusal.Because);
        Assert.Equal(ComplaintStage.Registered, complaint.Stage);
        complaint.Acknowledge(true, "Atsiprašome už vėlavimą.", now, Officer);
        Assert.True(complaint.DepartmentAtFault);
        Assert.Equal("Atsiprašome už vėlavimą.", complaint.Apology);
    }

    [Fact]
    public void Verifying_the_last_open_action_moves_on_and_an_earlier_one_does_not()
    {
        var complaint = At(ComplaintStage.ActionsPlanned, out var now);
        var second = complaint.PlanAction("Atnaujinti informaciją svetainėje", Owner, now.AddDays(1), now, Officer);
        var first = complaint.Actions[0];
        now = now.AddDays(2);

        complaint.Verify(first.Id, VerificationResult.Done, "Patikrinta", now, Officer);
        Assert.Equal(ComplaintStage.ActionsPlanned, complaint.Stage);
        complaint.Verify(second.Id, VerificationResult.NotDone, "Neatlikta", now, Officer);
        Assert.Equal(ComplaintStage.ActionsPlanned, complaint.Stage);
        second.Extend(now.AddDays(3), now);
        now = now.AddDays(4);
        complaint.Verify(second.Id, VerificationResult.Done, "Atlikta vėliau", now, Officer);

        Assert.Equal(ComplaintStage.ActionsVerified, complaint.Stage);
    }

    [Fact]
    public void An_action_is_verified_after_its_deadline_or_once_reported_done_never_twice_as_done()
    {
        var complaint = At(ComplaintStage.RootCauseFound, out var now);
        var action = complaint.PlanAction("Apmokyti darbuotojus", Owner, now.AddDays(5), now, Officer);

        var early = Assert.Throws<DomainRefusalException>(() => complaint.Verify(action.Id, VerificationResult.Done, "Įrodymas", now.AddDays(4), Officer));
        Assert.Contains("because its owner has not reported it done", early.Because);
        Assert.Null(action.Result);

        action.ReportDone(now.AddDays(1));
        complaint.Verify(action.Id, VerificationResult.Done, "Mokymų sąrašas", now.AddDays(1), Officer);
        Assert.Equal(VerificationResult.Done, action.Result);
        Assert.Throws<DomainRefusalException>(() => action.Verify(VerificationResult.Done, "Dar kartą", now.AddDays(6), Officer));
    }

    [Fact]
    public void Only_an_action_verified_as_not_done_gets_a_new_deadline_and_it_must_be_in_the_future()
    {
        var complaint = At(ComplaintStage.ActionsPlanned, out var now);
        var action = complaint.Actions[0];

        Assert.Throws<DomainRefusalException>(() => action.Extend(now.AddDays(10), now));
        now = action.DeadlineUtc.AddMinutes(1);
        complaint.Verify(action.Id, VerificationResult.NotDone, "Neatlikta", now, Officer);
        Assert.Throws<DomainRefusalException>(() => action.Extend(now.AddMinutes(-1), now));

        action.Extend(now.AddDays(7), now);

        Assert.Null(action.Result);
        Assert.Equal(now.AddDays(7), action.DeadlineUtc);
        Assert.Throws<DomainRefusalException>(() => complaint.Verify(action.Id, VerificationResult.Done, "Per anksti", now.AddDays(1), Officer));
    }

    [Fact]
    public void Reopening_needs_a_reason_and_starts_again_at_routing_with_the_reason_recorded()
    {
        var complaint = At(ComplaintStage.Closed, out var now);

        Assert.Throws<DomainRefusalException>(() => complaint.Reopen(" ", now, Officer));
        complaint.Reopen("Klientas pateikė naujų faktų", now, Officer);

        Assert.Equal(ComplaintStage.Routed, complaint.Stage);
        Assert.Equal(1, complaint.ReopenCount);
        Assert.Null(complaint.ClosedAtUtc);
        Assert.Null(complaint.ClientInformedAtUtc);
        Assert.Contains("Klientas pateikė naujų faktų", complaint.Steps[^1].Note);
    }

    [Fact]
    public void A_suggestion_is_thanked_once_gets_improvement_actions_that_are_verified_and_never_takes_complaint_steps()
    {
        var suggestion = New(FeedbackKind.Suggestion);
        var now = Start.AddHours(1);

        suggestion.Thank("Padėkota telefonu, pakviesta teikti daugiau pasiūlymų", now, Officer);
        Assert.Throws<DomainRefusalException>(() => suggestion.Thank("Dar kartą", now, Officer));
        var action = suggestion.AddImprovement("Įrengti informacinį stendą", Owner, now.AddDays(10), now, Officer);
        action.ReportDone(now.AddDays(2));
        suggestion.Verify(action.Id, VerificationResult.Done, "Stendas įrengtas", now.AddDays(2), Officer);

        Assert.Equal(VerificationResult.Done, action.Result);
        Assert.Equal(now, suggestion.ThankedAtUtc);
        Assert.Equal(ComplaintStage.Registered, suggestion.Stage);
        foreach (var command in new[] { Command.Acknowledge, Command.PlanAction, Command.Close, Command.InformClient })
            Assert.Throws<DomainRefusalException>(() => Apply(suggestion, command, now));
    }

    [Fact]
    public void Praise_is_thanked_once_and_gets_improvement_actions_that_are_verified_without_moving_a_stage()
    {
        var praise = New(FeedbackKind.Praise);
        var now = Start.AddHours(1);

        praise.Thank("Padėkota telefonu, padėka perduota darbuotojai", now, Officer);
        var again = Assert.Throws<DomainRefusalException>(() => praise.Thank("Dar kartą", now, Officer));
        Assert.Contains("because", again.Because);
        var action = praise.AddImprovement("Pasidalyti gerąja patirtimi komandos susirinkime", Owner, now.AddDays(10), now, Officer);
        action.ReportDone(now.AddDays(2));
        praise.Verify(action.Id, VerificationResult.Done, "Aptarta susirinkime", now.AddDays(2), Officer);

        Assert.Equal((now, VerificationResult.Done, ComplaintStage.Registered), (praise.ThankedAtUtc, action.Result, praise.Stage));
        Assert.Equal([ComplaintStage.Registered, ComplaintStage.Acknowledged], praise.Steps.Select(s => s.Stage));
    }

    public static TheoryData<Command> ComplaintOnlyCommands() =>
        [Command.Acknowledge, Command.ClarifyFacts, Command.TellActionPlan, Command.Route, Command.ChooseRootCause, Command.PlanAction,
            Command.InformClient, Command.Close, Command.Reopen];

    [Theory]
    [MemberData(nameof(ComplaintOnlyCommands))]
    public void Praise_never_takes_a_complaint_step_and_the_refusal_says_why(Command command)
    {
        using var _ = UiCulture.Use("en");
        var praise = New(FeedbackKind.Praise);

        var refusal = Assert.Throws<DomainRefusalException>(() => Apply(praise, command, Start.AddHours(1)));

        Assert.Equal("This step is not for praise, because praise is thanked, not taken through the complaint steps.", refusal.Because);
        Assert.Equal((ComplaintStage.Registered, 1, 0), (praise.Stage, praise.Steps.Count, praise.Actions.Count));
    }

    [Fact]
    public void A_complaint_is_neither_thanked_nor_given_improvement_actions()
    {
        var complaint = New();
        var now = Start.AddHours(1);

        Assert.Contains("because", Assert.Throws<DomainRefusalException>(() => complaint.Thank("Padėkota", now, Officer)).Because);
        Assert.Contains("because", Assert.Throws<DomainRefusalException>(() =>
            complaint.AddImprovement("Patobulinti", Owner, now.AddDays(1), now, Officer)).Because);
        Assert.Equal((null, 0), (complaint.ThankedAtUtc, complaint.Actions.Count));
    }

    [Fact]
    public void Retagging_keeps_the_routed_units_and_changes_only_what_differs()
    {
        var complaint = At(ComplaintStage.Routed, out _);
        var unit = Guid.Parse(complaint.Tags.Single(t => t.Kind == TagKind.Unit).Value);

        complaint.Retag([2, 5], ["VIII"]);

        Assert.Equal(["2", "5"], complaint.Tags.Where(t => t.Kind == TagKind.Touchpoint).Select(t => t.Value).Order());
        Assert.Equal(["VIII"], complaint.Tags.Where(t => t.Kind == TagKind.Commitment).Select(t => t.Value));
        Assert.Equal(unit.ToString(), complaint.Tags.Single(t => t.Kind == TagKind.Unit).Value);
    }

    [Fact]
    public void A_refused_verification_says_exactly_which_condition_failed()
    {
        using var _ = Support.UiCulture.Use("en");
        var complaint = At(ComplaintStage.RootCauseFound, out var now);
        var action = complaint.PlanAction("Apmokyti darbuotojus", Owner, now.AddDays(5), now, Officer);
        var deadline = VilniusTime.ToLocal(action.DeadlineUtc).ToString("yyyy-MM-dd HH:mm");

        var early = Assert.Throws<DomainRefusalException>(() => complaint.Verify(action.Id, VerificationResult.Done, "Įrodymas", now.AddDays(4), Officer));
        Assert.Equal($"The action cannot be verified before its deadline {deadline}, because its owner has not reported it done.", early.Because);

        complaint.Verify(action.Id, VerificationResult.Done, "Mokymų sąrašas", now.AddDays(6), Officer);
        var again = Assert.Throws<DomainRefusalException>(() => action.Verify(VerificationResult.Done, "Dar kartą", now.AddDays(7), Officer));
        Assert.Equal("The action cannot be verified again, because it was already verified as done.", again.Because);
    }

    [Fact]
    public void A_withdrawn_action_keeps_its_reason_in_the_history_and_no_longer_holds_the_complaint_back()
    {
        using var _ = Support.UiCulture.Use("en");
        var complaint = At(ComplaintStage.ActionsPlanned, out var now);
        var first = complaint.Actions[0];
        var second = complaint.PlanAction("Atnaujinti informaciją svetainėje", Owner, now.AddDays(3), now, Officer);
        now = first.DeadlineUtc.AddMinutes(1);
        complaint.Verify(first.Id, VerificationResult.Done, "Patikrinta", now, Officer);
        Assert.Equal(ComplaintStage.ActionsPlanned, complaint.Stage);

        Assert.Throws<DomainRefusalException>(() => complaint.WithdrawAction(second.Id, " ", now, Officer));
        complaint.WithdrawAction(second.Id, "Svetainę atnaujina kitas skyrius", now, Officer);

        Assert.Equal((now, Officer, "Svetainę atnaujina kitas skyrius"), (second.WithdrawnAtUtc!.Value, second.WithdrawnByUserId, second.WithdrawalReason));
        var entry = Assert.Single(complaint.Steps, s => s.WithdrawnActionId == second.Id);
        Assert.Equal("Withdrawn: Atnaujinti informaciją svetainėje. Reason: Svetainę atnaujina kitas skyrius", entry.Note);
        // The only action left is verified done, so the complaint moves on to telling the client.
        Assert.Equal(ComplaintStage.ActionsVerified, complaint.Stage);
        Assert.Equal("The action cannot be verified, because it was withdrawn.",
            Assert.Throws<DomainRefusalException>(() => second.Verify(VerificationResult.Done, "Įrodymas", now, Officer)).Because);
        Assert.Throws<DomainRefusalException>(() => second.ReportDone(now));
        Assert.Throws<DomainRefusalException>(() => first.Withdraw("Per vėlu", now, Officer));
    }

    [Fact]
    public void Withdrawing_every_action_leaves_the_complaint_waiting_for_a_new_one()
    {
        var complaint = At(ComplaintStage.ActionsPlanned, out var now);

        complaint.WithdrawAction(complaint.Actions[0].Id, "Suplanuota per klaidą", now, Officer);

        Assert.Equal(ComplaintStage.ActionsPlanned, complaint.Stage);
        complaint.PlanAction("Pranešimus perduoti raštu sistemoje", Owner, now.AddDays(2), now, Officer);
        Assert.Equal(2, complaint.Actions.Count);
    }

    [Fact]
    public void The_same_action_is_not_planned_twice_while_the_first_is_open()
    {
        using var _ = Support.UiCulture.Use("en");
        var complaint = At(ComplaintStage.ActionsPlanned, out var now);
        var first = complaint.Actions[0];

        var refusal = Assert.Throws<DomainRefusalException>(() =>
            complaint.PlanAction($"  {first.Description.ToUpperInvariant()}  ", Owner, now.AddDays(2), now, Officer));

        Assert.Equal($"The action was not added, because the complaint already has the open action \"{first.Description}\": change its deadline or withdraw it instead.", refusal.Because);
        Assert.Single(complaint.Actions);
        complaint.WithdrawAction(first.Id, "Netikslus aprašymas", now, Officer);
        complaint.PlanAction(first.Description, Owner, now.AddDays(2), now, Officer);
        Assert.Equal(2, complaint.Actions.Count);
    }

    private static Complaint New(FeedbackKind kind = FeedbackKind.Complaint)
    {
        var complaint = new Complaint(Guid.NewGuid(), "SK-2026-0001", kind, FeedbackSource.Phone, Start, "Niekas neatskambino",
            null, null, "Ona Onaitė", "+37060000000", Start, Officer);
        complaint.Tag([2], ["VIII"], []);
        return complaint;
    }

    /// <summary>A complaint brought along the path to the stage, and the time just after its last step.</summary>
    private static Complaint At(ComplaintStage stage, out DateTime now)
    {
        var complaint = New();
        now = Start.AddMinutes(10);
        foreach (var command in PathTo(stage))
        {
            Apply(complaint, command, now);
            now = now.AddMinutes(10);
        }
        Assert.Equal(stage, complaint.Stage);
        return complaint;
    }

    private static IEnumerable<Command> PathTo(ComplaintStage stage)
    {
        Command[] path = [Command.Acknowledge, Command.ClarifyFacts, Command.TellActionPlan, Command.Route, Command.ChooseRootCause,
            Command.PlanAction, Command.Verify, Command.InformClient, Command.Close];
        return path.Take((int)stage - 1);
    }

    /// <summary>Runs a command with valid input, so only the stage decides whether it is allowed.</summary>
    private static void Apply(Complaint complaint, Command command, DateTime now)
    {
        switch (command)
        {
            case Command.Acknowledge: complaint.Acknowledge(false, null, now, Officer); break;
            case Command.ClarifyFacts: complaint.ClarifyFacts("Skambutis nebuvo perduotas", now, Officer); break;
            case Command.TellActionPlan: complaint.TellActionPlan("Paskambinsime iki penktadienio", now, Officer); break;
            case Command.Route: complaint.Route([Guid.NewGuid()], now, Officer); break;
            case Command.ChooseRootCause: complaint.ChooseRootCause("routing", "Pranešimas neperduotas", now, Officer); break;
            // Numbered: the same description again would be refused as a duplicate of an open action.
            case Command.PlanAction: complaint.PlanAction($"Perduoti pranešimus raštu ({complaint.Actions.Count + 1})", Owner, now.AddMinutes(5), now, Officer); break;
            case Command.Verify:
                // The open action if there is one (reported done, so only the stage can refuse), otherwise an unknown id.
                var open = complaint.Actions.FirstOrDefault(a => a.Result != VerificationResult.Done);
                open?.ReportDone(now);
                complaint.Verify(open?.Id ?? complaint.Actions.LastOrDefault()?.Id ?? Guid.NewGuid(), VerificationResult.Done, "Patikrinta", now, Officer);
                break;
            case Command.InformClient: complaint.InformClient("Atsiprašėme ir pakeitėme tvarką", "Telefonu", now, Officer); break;
            case Command.Close: complaint.Close(now, Officer); break;
            case Command.Reopen: complaint.Reopen("Nauji faktai", now, Officer); break;
            case Command.Thank: complaint.Thank("Padėkota", now, Officer); break;
            case Command.AddImprovement: complaint.AddImprovement("Patobulinti", Owner, now.AddDays(1), now, Officer); break;
        }
    }
}
