using CaseDesk.Domain.Common;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Complaints;

public enum FeedbackKind
{
    Complaint = 1,
    Suggestion = 2,
    /// <summary>Thanks for good service (the public form offers it beside complaint and suggestion): thanked like a suggestion, no complaint steps.</summary>
    Praise = 3,
}

/// <summary>12.2: where feedback comes from.</summary>
public enum FeedbackSource
{
    InPerson = 1,
    Phone = 2,
    Email = 3,
    Website = 4,
    FeedbackBook = 5,
    ClientSurvey = 6,
    ResidentSurvey = 7,
    SocialNetwork = 8,
}

/// <summary>
/// The complaint's path (9.2, 12.2). Each step is recorded with who and when; a step may only
/// follow the one before it, and closing needs the client told what was decided and done.
/// </summary>
public enum ComplaintStage
{
    Registered = 1,
    Acknowledged = 2,
    FactsClarified = 3,
    ActionPlanTold = 4,
    Routed = 5,
    RootCauseFound = 6,
    ActionsPlanned = 7,
    ActionsVerified = 8,
    ClientInformed = 9,
    Closed = 10,
}

public enum VerificationResult
{
    Done = 1,
    NotDone = 2,
}

/// <summary>A complaint, a suggestion or praise, registered from any source, with the client and case when known.</summary>
public sealed class Complaint : IVersioned
{
    private readonly List<ComplaintStep> steps = [];
    private readonly List<CorrectiveAction> actions = [];
    private readonly List<ComplaintTag> tags = [];

    private Complaint() { }

    public Complaint(Guid id, string number, FeedbackKind kind, FeedbackSource source, DateTime receivedAtUtc, string text,
        Guid? clientId, Guid? caseId, string? contactName, string? contactDetails, DateTime nowUtc, string by)
    {
        Id = id; Number = number; Kind = kind; Source = source; ReceivedAtUtc = receivedAtUtc; Text = text.Trim();
        ClientId = clientId; CaseId = caseId; ContactName = contactName?.Trim(); ContactDetails = contactDetails?.Trim();
        RegisteredAtUtc = nowUtc; RegisteredByUserId = by; Stage = ComplaintStage.Registered;
        steps.Add(new ComplaintStep(Id, ComplaintStage.Registered, nowUtc, by, null));
    }

    public Guid Id { get; private set; }
    /// <summary>"SK-2026-0001" for complaints, "PA-2026-0001" for suggestions, "PD-2026-0001" for praise.</summary>
    public string Number { get; private set; } = "";
    public FeedbackKind Kind { get; private set; }
    public FeedbackSource Source { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }
    public DateTime RegisteredAtUtc { get; private set; }
    public string RegisteredByUserId { get; private set; } = "";
    public string Text { get; private set; } = "";
    public Guid? ClientId { get; private set; }
    public Guid? CaseId { get; private set; }
    /// <summary>Who to tell, when the person is not a registered client (or anonymous: empty).</summary>
    public string? ContactName { get; private set; }
    public string? ContactDetails { get; private set; }
    public ComplaintStage Stage { get; private set; }
    public bool DepartmentAtFault { get; private set; }
    public string? Apology { get; private set; }
    public string? Facts { get; private set; }
    public string? ActionPlan { get; private set; }
    public string? RootCauseCode { get; private set; }
    public string? RootCauseText { get; private set; }
    public string? Outcome { get; private set; }
    public DateTime? ClientInformedAtUtc { get; private set; }
    public string? ClientInformedHow { get; private set; }
    /// <summary>Suggestions and praise: the client was thanked (and, for a suggestion, invited to suggest more).</summary>
    public DateTime? ThankedAtUtc { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public int ReopenCount { get; private set; }
    public Guid Version { get; set; }

    public IReadOnlyList<ComplaintStep> Steps => steps;
    public IReadOnlyList<CorrectiveAction> Actions => actions;
    public IReadOnlyList<ComplaintTag> Tags => tags;

    public bool IsAnonymous => ClientId is null && string.IsNullOrWhiteSpace(ContactDetails);

    public void Tag(IEnumerable<int> touchpoints, IEnumerable<string> commitments, IEnumerable<Guid> units)
    {
        tags.Clear();
        tags.AddRange(touchpoints.Distinct().Select(t => new ComplaintTag { ComplaintId = Id, Kind = TagKind.Touchpoint, Value = t.ToString() }));
        tags.AddRange(commitments.Distinct().Select(c => new ComplaintTag { ComplaintId = Id, Kind = TagKind.Commitment, Value = c }));
        tags.AddRange(units.Distinct().Select(u => new ComplaintTag { ComplaintId = Id, Kind = TagKind.Unit, Value = u.ToString() }));
    }

    /// <summary>Corrects the touchpoints and commitments concerned (e.g. once the facts are clear); the routed units stay.</summary>
    public void Retag(IEnumerable<int> touchpoints, IEnumerable<string> commitments)
    {
        // A diff, not clear-and-add: re-adding a tag with the key of a removed one would clash in the change tracker.
        var wanted = touchpoints.Distinct().Select(t => (Kind: TagKind.Touchpoint, Value: t.ToString()))
            .Concat(commitments.Distinct().Select(c => (Kind: TagKind.Commitment, Value: c)))
            .ToHashSet();
        tags.RemoveAll(t => t.Kind != TagKind.Unit && !wanted.Contains((t.Kind, t.Value)));
        foreach (var (kind, value) in wanted.Where(w => !tags.Any(t => t.Kind == w.Kind && t.Value == w.Value)))
            tags.Add(new ComplaintTag { ComplaintId = Id, Kind = kind, Value = value });
    }

    public void Acknowledge(bool departmentAtFault, string? apology, DateTime at, string by)
    {
        EnsureAt(ComplaintStage.Registered);
        if (departmentAtFault && string.IsNullOrWhiteSpace(apology))
            throw new DomainRefusalException(T("Record the apology, because the department was at fault (commitment X)."));
        Move(ComplaintStage.Registered, ComplaintStage.Acknowledged, at, by, apology);
        DepartmentAtFault = departmentAtFault;
        Apology = apology?.Trim();
    }

    public void ClarifyFacts(string facts, DateTime at, string by)
    {
        Require(facts, T("Write the facts that were clarified."));
        Move(ComplaintStage.Acknowledged, ComplaintStage.FactsClarified, at, by, facts);
        Facts = facts.Trim();
    }

    public void TellActionPlan(string plan, DateTime at, string by)
    {
        Require(plan, T("Write the action plan the client was given."));
        Move(ComplaintStage.FactsClarified, ComplaintStage.ActionPlanTold, at, by, plan);
        ActionPlan = plan.Trim();
    }

    public void Route(IReadOnlyCollection<Guid> units, DateTime at, string by)
    {
        if (units.Count == 0)
            throw new DomainRefusalException(T("Choose at least one unit, because the heads of the units concerned find the solution."));
        Move(ComplaintStage.ActionPlanTold, ComplaintStage.Routed, at, by, null);
        tags.RemoveAll(t => t.Kind == TagKind.Unit);
        tags.AddRange(units.Distinct().Select(u => new ComplaintTag { ComplaintId = Id, Kind = TagKind.Unit, Value = u.ToString() }));
    }

    public void ChooseRootCause(string code, string? text, DateTime at, string by)
    {
        Require(code, T("Choose the root cause."));
        Move(ComplaintStage.Routed, ComplaintStage.RootCauseFound, at, by, text);
        RootCauseCode = code;
        RootCauseText = text?.Trim();
    }

    public CorrectiveAction PlanAction(string description, string ownerUserId, DateTime deadlineUtc, DateTime at, string by)
    {
        if (Kind != FeedbackKind.Complaint)
            throw NotAComplaintStep();
        if (Stage is not (ComplaintStage.RootCauseFound or ComplaintStage.ActionsPlanned))
            throw new DomainRefusalException(T("Corrective actions come after the root cause is found, because they must remove that cause."));
        Require(description, T("Describe the corrective action."));
        if (deadlineUtc <= at)
            throw new DomainRefusalException(T("The deadline must be in the future."));
        RefuseDuplicate(description);
        var action = new CorrectiveAction(Guid.CreateVersion7(), Id, description, ownerUserId, deadlineUtc, at, by);
        actions.Add(action);
        if (Stage == ComplaintStage.RootCauseFound)
        {
            Stage = ComplaintStage.ActionsPlanned;
            steps.Add(new ComplaintStep(Id, ComplaintStage.ActionsPlanned, at, by, null));
        }
        return action;
    }

    /// <summary>
    /// The standard officer checks an action once its deadline has passed (12.2). When every action
    /// is verified done, the complaint moves on to informing the client.
    /// </summary>
    public void Verify(Guid actionId, VerificationResult result, string evidence, DateTime at, string by)
    {
        // Improvement actions of a suggestion or praise are checked the same way, but those have no stages to move through.
        if (Kind == FeedbackKind.Complaint && Stage != ComplaintStage.ActionsPlanned)
            throw new DomainRefusalException(T("Actions cannot be verified now, because the complaint is at the step \"{0}\" and actions are verified at the step \"{1}\".",
                StageName(Stage), StageName(ComplaintStage.ActionsPlanned)));
        var action = actions.SingleOrDefault(a => a.Id == actionId) ?? throw new NotFoundException("CorrectiveAction", actionId);
        action.Verify(result, evidence, at, by);
        MoveOnWhenVerified(at, by);
    }

    private void MoveOnWhenVerified(DateTime at, string by)
    {
        if (Kind != FeedbackKind.Complaint)
            return;
        // Withdrawn actions are not waited for; withdrawing every action leaves the complaint waiting for a new one.
        var kept = actions.Where(a => !a.IsWithdrawn).ToList();
        if (kept.Count > 0 && kept.All(a => a.Result == VerificationResult.Done))
        {
            Stage = ComplaintStage.ActionsVerified;
            steps.Add(new ComplaintStep(Id, ComplaintStage.ActionsVerified, at, by, null));
        }
    }

    /// <summary>
    /// Takes back an action that should not be done (planned twice, overtaken by another): it stays in the
    /// history with the reason. When the actions left are all verified done, the complaint moves on.
    /// </summary>
    public void WithdrawAction(Guid actionId, string reason, DateTime at, string by)
    {
        if (Kind == FeedbackKind.Complaint && Stage != ComplaintStage.ActionsPlanned)
            throw new DomainRefusalException(T("Actions cannot be withdrawn now, because the complaint is at the step \"{0}\" and actions are withdrawn at the step \"{1}\".",
                StageName(Stage), StageName(ComplaintStage.ActionsPlanned)));
        var action = actions.SingleOrDefault(a => a.Id == actionId) ?? throw new NotFoundException("CorrectiveAction", actionId);
        action.Withdraw(reason, at, by);
        steps.Add(new ComplaintStep(Id, Stage, at, by, T("Withdrawn: {0}. Reason: {1}", action.Description, action.WithdrawalReason!), action.Id));
        MoveOnWhenVerified(at, by);
    }

    /// <summary>The client is told what was decided and done (touchpoint 10). Anonymous feedback has no one to tell.</summary>
    public void InformClient(string outcome, string how, DateTime at, string by)
    {
        Require(outcome, T("Write what the client was told was decided and done."));
        Require(how, T("Say how the client was told."));
        Move(ComplaintStage.ActionsVerified, ComplaintStage.ClientInformed, at, by, outcome);
        Outcome = outcome.Trim();
        ClientInformedAtUtc = at;
        ClientInformedHow = how.Trim();
    }

    public void Close(DateTime at, string by)
    {
        if (Kind != FeedbackKind.Complaint)
            throw NotAComplaintStep();
        if (Stage != ComplaintStage.ClientInformed)
            throw new DomainRefusalException(Stage < ComplaintStage.ClientInformed
                ? T("The complaint cannot be closed, because the client has not been told what was decided and done.")
                : T("The complaint cannot be closed again, because it is already closed."));
        Move(ComplaintStage.ClientInformed, ComplaintStage.Closed, at, by, null);
        ClosedAtUtc = at;
    }

    /// <summary>A closed complaint reopens at the routing step: new facts need a new look at cause and actions.</summary>
    public void Reopen(string reason, DateTime at, string by)
    {
        Require(reason, T("Say why the complaint is reopened."));
        if (Kind != FeedbackKind.Complaint)
            throw NotAComplaintStep();
        if (Stage != ComplaintStage.Closed)
            throw new DomainRefusalException(T("The complaint cannot be reopened, because it is not closed."));
        Stage = ComplaintStage.Routed;
        ClosedAtUtc = null;
        ClientInformedAtUtc = null;
        ReopenCount++;
        steps.Add(new ComplaintStep(Id, ComplaintStage.Routed, at, by, T("Reopened: {0}", reason.Trim())));
    }

    /// <summary>Suggestions and praise: thank the client (for a suggestion, invite more ideas; 9.2).</summary>
    public void Thank(string how, DateTime at, string by)
    {
        if (Kind == FeedbackKind.Complaint)
            throw new DomainRefusalException(T("A complaint is not thanked, because its receipt is acknowledged to the client instead."));
        if (ThankedAtUtc is not null)
            throw new DomainRefusalException(T("The client cannot be thanked again, because they were already thanked."));
        Require(how, T("Say how the client was thanked."));
        ThankedAtUtc = at;
        steps.Add(new ComplaintStep(Id, ComplaintStage.Acknowledged, at, by, how.Trim()));
    }

    /// <summary>What a suggestion proposes, or what praise shows worth spreading, becomes an action with an owner and a deadline.</summary>
    public CorrectiveAction AddImprovement(string description, string ownerUserId, DateTime deadlineUtc, DateTime at, string by)
    {
        if (Kind == FeedbackKind.Complaint)
            throw new DomainRefusalException(T("A complaint gets no improvement actions, because its corrective actions follow from the root cause."));
        Require(description, T("Describe the corrective action."));
        if (deadlineUtc <= at)
            throw new DomainRefusalException(T("The deadline must be in the future."));
        RefuseDuplicate(description);
        var action = new CorrectiveAction(Guid.CreateVersion7(), Id, description, ownerUserId, deadlineUtc, at, by);
        actions.Add(action);
        return action;
    }

    /// <summary>
    /// The same action twice would be owned, reminded and counted overdue twice. A refusal rather than a
    /// warning: what the user means instead (a new deadline, another owner) has its own way.
    /// </summary>
    private void RefuseDuplicate(string description)
    {
        var same = actions.FirstOrDefault(a => a.IsOpen && SameText(a.Description, description));
        if (same is not null)
            throw new DomainRefusalException(T("The action was not added, because the complaint already has the open action \"{0}\": change its deadline or withdraw it instead.",
                same.Description));
    }

    private static bool SameText(string a, string b) =>
        string.Equals(string.Join(' ', a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            string.Join(' ', b.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.CurrentCultureIgnoreCase);

    /// <summary>Refuses a complaint step for a suggestion or praise, naming which it is.</summary>
    private DomainRefusalException NotAComplaintStep() => new(Kind == FeedbackKind.Praise
        ? T("This step is not for praise, because praise is thanked, not taken through the complaint steps.")
        : T("This step is not for a suggestion, because a suggestion is thanked, not taken through the complaint steps."));

    private void EnsureAt(ComplaintStage from)
    {
        if (Kind != FeedbackKind.Complaint)
            throw NotAComplaintStep();
        if (Stage != from)
            throw new DomainRefusalException(T("This step cannot be taken now, because the complaint is at the step \"{0}\" and must first reach \"{1}\".",
                StageName(Stage), StageName(from)));
    }

    private void Move(ComplaintStage from, ComplaintStage to, DateTime at, string by, string? note)
    {
        EnsureAt(from);
        Stage = to;
        steps.Add(new ComplaintStep(Id, to, at, by, note?.Trim()));
    }

    private static void Require(string? text, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new DomainRefusalException(message);
    }

    public static string StageName(ComplaintStage stage) => stage switch
    {
        ComplaintStage.Registered => T("registered"),
        ComplaintStage.Acknowledged => T("acknowledged to the client"),
        ComplaintStage.FactsClarified => T("facts clarified"),
        ComplaintStage.ActionPlanTold => T("action plan told to the client"),
        ComplaintStage.Routed => T("routed to the heads concerned"),
        ComplaintStage.RootCauseFound => T("root cause found"),
        ComplaintStage.ActionsPlanned => T("corrective actions planned"),
        ComplaintStage.ActionsVerified => T("actions verified"),
        ComplaintStage.ClientInformed => T("client told what was done"),
        _ => T("closed"),
    };
}

public sealed class ComplaintStep
{
    private ComplaintStep() { }

    public ComplaintStep(Guid complaintId, ComplaintStage stage, DateTime atUtc, string byUserId, string? note, Guid? withdrawnActionId = null)
    {
        Id = Guid.CreateVersion7(); ComplaintId = complaintId; Stage = stage; AtUtc = atUtc; ByUserId = byUserId; Note = note;
        WithdrawnActionId = withdrawnActionId;
    }

    public Guid Id { get; private set; }
    public Guid ComplaintId { get; private set; }
    public ComplaintStage Stage { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string ByUserId { get; private set; } = "";
    public string? Note { get; private set; }
    /// <summary>Set when the entry records that this action was withdrawn (the stage does not change).</summary>
    public Guid? WithdrawnActionId { get; private set; }
}

public enum TagKind
{
    Touchpoint = 1,
    Commitment = 2,
    Unit = 3,
}

public sealed class ComplaintTag
{
    public Guid ComplaintId { get; set; }
    public TagKind Kind { get; set; }
    public string Value { get; set; } = "";
}

/// <summary>A corrective (or improvement) action with an owner and a deadline, verified by the standard officer after the deadline.</summary>
public sealed class CorrectiveAction
{
    private CorrectiveAction() { }

    public CorrectiveAction(Guid id, Guid complaintId, string description, string ownerUserId, DateTime deadlineUtc, DateTime createdAtUtc, string createdBy)
    {
        Id = id; ComplaintId = complaintId; Description = description.Trim(); OwnerUserId = ownerUserId; DeadlineUtc = deadlineUtc;
        CreatedAtUtc = createdAtUtc; CreatedByUserId = createdBy;
    }

    public Guid Id { get; private set; }
    public Guid ComplaintId { get; private set; }
    public string Description { get; private set; } = "";
    public string OwnerUserId { get; private set; } = "";
    public DateTime DeadlineUtc { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public string CreatedByUserId { get; private set; } = "";
    public DateTime? ReportedDoneAtUtc { get; private set; }
    public VerificationResult? Result { get; private set; }
    public string? Evidence { get; private set; }
    public DateTime? VerifiedAtUtc { get; private set; }
    public string? VerifiedByUserId { get; private set; }
    /// <summary>A withdrawn action stays in the complaint's history but no longer counts as open or overdue anywhere.</summary>
    public DateTime? WithdrawnAtUtc { get; private set; }
    public string? WithdrawnByUserId { get; private set; }
    public string? WithdrawalReason { get; private set; }

    public bool IsWithdrawn => WithdrawnAtUtc is not null;

    /// <summary>Still to be done or checked: neither verified done nor withdrawn.</summary>
    public bool IsOpen => Result != VerificationResult.Done && !IsWithdrawn;

    public void ReportDone(DateTime at)
    {
        if (IsWithdrawn)
            throw new DomainRefusalException(T("The action cannot be reported done, because it was withdrawn."));
        ReportedDoneAtUtc ??= at;
    }

    public void Withdraw(string reason, DateTime at, string by)
    {
        if (IsWithdrawn)
            throw new DomainRefusalException(T("The action cannot be withdrawn, because it was already withdrawn."));
        if (Result == VerificationResult.Done)
            throw new DomainRefusalException(T("The action cannot be withdrawn, because it was already verified as done."));
        Require(reason, T("Say why the action is withdrawn."));
        WithdrawnAtUtc = at;
        WithdrawnByUserId = by;
        WithdrawalReason = reason.Trim();
    }

    private static void Require(string? text, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new DomainRefusalException(message);
    }

    public void Verify(VerificationResult result, string evidence, DateTime at, string by)
    {
        if (IsWithdrawn)
            throw new DomainRefusalException(T("The action cannot be verified, because it was withdrawn."));
        if (Result == VerificationResult.Done)
            throw new DomainRefusalException(T("The action cannot be verified again, because it was already verified as done."));
        // Verifiable after the deadline, or earlier on the owner's report: before the deadline only the report is missing.
        if (at < DeadlineUtc && ReportedDoneAtUtc is null)
            throw new DomainRefusalException(T("The action cannot be verified before its deadline {0}, because its owner has not reported it done.",
                VilniusTime.ToLocal(DeadlineUtc).ToString("yyyy-MM-dd HH:mm")));
        if (string.IsNullOrWhiteSpace(evidence))
            throw new DomainRefusalException(T("Write the evidence the verification rests on."));
        Result = result;
        Evidence = evidence.Trim();
        VerifiedAtUtc = at;
        VerifiedByUserId = by;
    }

    /// <summary>A "not done" verification gives the owner a new deadline; the officer checks again after it.</summary>
    public void Extend(DateTime newDeadlineUtc, DateTime at)
    {
        if (IsWithdrawn)
            throw new DomainRefusalException(T("The action gets no new deadline, because it was withdrawn."));
        if (Result != VerificationResult.NotDone)
            throw new DomainRefusalException(T("Only an action verified as not done gets a new deadline."));
        if (newDeadlineUtc <= at)
            throw new DomainRefusalException(T("The deadline must be in the future."));
        DeadlineUtc = newDeadlineUtc;
        Result = null;
        ReportedDoneAtUtc = null;
    }
}

/// <summary>The managed taxonomy of root causes (Admin, QualityOfficer).</summary>
public sealed class RootCause
{
    public string Code { get; set; } = "";
    public string NameLt { get; set; } = "";
    public string NameEn { get; set; } = "";
    public bool IsActive { get; set; } = true;
}
