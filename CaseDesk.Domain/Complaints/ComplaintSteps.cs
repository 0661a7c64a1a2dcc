using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Complaints;

// One record per step of the complaint's path; each carries the version the user saw and returns the new one.

/// <summary>
/// The acknowledgement (commitment XI). With <paramref name="SendByEmail"/> the apology/acknowledgement text goes to the client by
/// e-mail through the outbox in the same transaction, and the acknowledgement clock stops when the mail server accepts it
/// (docs/mail.md); otherwise it was given another way and the clock stops now.
/// </summary>
[AllowedRoles(Roles.QualityOfficer, Roles.Head, Roles.Caseworker)]
public sealed record AcknowledgeComplaint(Guid Id, Guid Version, bool DepartmentAtFault, string? Apology, bool SendByEmail = false) : ICommand<Guid>;

[AllowedRoles(Roles.QualityOfficer, Roles.Head, Roles.Caseworker)]
public sealed record ClarifyComplaintFacts(Guid Id, Guid Version, string Facts) : ICommand<Guid>;

[AllowedRoles(Roles.QualityOfficer, Roles.Head, Roles.Caseworker)]
public sealed record TellComplaintActionPlan(Guid Id, Guid Version, string Plan) : ICommand<Guid>;

/// <summary>Routes the complaint to the heads of the units concerned (9.2).</summary>
[AllowedRoles(Roles.QualityOfficer)]
public sealed record RouteComplaint(Guid Id, Guid Version, IReadOnlyList<Guid> Units) : ICommand<Guid>;

[AllowedRoles(Roles.Head, Roles.QualityOfficer)]
public sealed record ChooseRootCause(Guid Id, Guid Version, string Code, string? Text) : ICommand<Guid>;

[AllowedRoles(Roles.Head, Roles.QualityOfficer)]
public sealed record PlanCorrectiveAction(Guid Id, Guid Version, string Description, string OwnerUserId, DateTime DeadlineUtc) : ICommand<Guid>;

/// <summary>12.2: after the deadline the standard officer, and only the officer, checks the action was done.</summary>
/// <summary>Takes back a corrective (or improvement) action with the reason; it stays in the history and no longer counts as open.</summary>
[AllowedRoles(Roles.Head, Roles.QualityOfficer)]
public sealed record WithdrawCorrectiveAction(Guid Id, Guid Version, Guid ActionId, string Reason) : ICommand<Guid>;

[AllowedRoles(Roles.QualityOfficer)]
public sealed record VerifyCorrectiveAction(Guid Id, Guid Version, Guid ActionId, VerificationResult Result, string Evidence) : ICommand<Guid>;

[AllowedRoles(Roles.QualityOfficer)]
public sealed record ExtendCorrectiveAction(Guid Id, Guid Version, Guid ActionId, DateTime NewDeadlineUtc) : ICommand<Guid>;

/// <summary>
/// The client is told what was decided and done: required before closing; stops the resolution clock. With
/// <paramref name="SendByEmail"/> the outcome text goes to the client by e-mail through the outbox (How is then "by e-mail")
/// and the clock stops when the mail server accepts it.
/// </summary>
[AllowedRoles(Roles.QualityOfficer, Roles.Head, Roles.Caseworker)]
public sealed record InformComplainant(Guid Id, Guid Version, string Outcome, string How, bool SendByEmail = false) : ICommand<Guid>;

[AllowedRoles(Roles.QualityOfficer)]
public sealed record CloseComplaint(Guid Id, Guid Version) : ICommand<Guid>;

[AllowedRoles(Roles.QualityOfficer, Roles.Head)]
public sealed record ReopenComplaint(Guid Id, Guid Version, string Reason) : ICommand<Guid>;

[AllowedRoles(Roles.QualityOfficer, Roles.Head, Roles.Caseworker, Roles.Reception)]
public sealed record ThankForSuggestion(Guid Id, Guid Version, string How) : ICommand<Guid>;

[AllowedRoles(Roles.QualityOfficer, Roles.Head)]
public sealed record AddImprovementAction(Guid Id, Guid Version, string Description, string OwnerUserId, DateTime DeadlineUtc) : ICommand<Guid>;

/// <summary>The action's owner (anyone on staff) reports it done, so the officer may verify before the deadline.</summary>
[AllowedRoles(Roles.Caseworker, Roles.Head, Roles.QualityOfficer, Roles.Reception, Roles.Admin)]
public sealed record ReportActionDone(Guid ActionId) : ICommand<MediatR.Unit>;

/// <summary>Corrects the touchpoints and commitments a complaint or suggestion is tagged with (the analysis counts by them).</summary>
[AllowedRoles(Roles.QualityOfficer, Roles.Head)]
public sealed record TagComplaint(Guid Id, Guid Version, IReadOnlyList<int> Touchpoints, IReadOnlyList<string> Commitments) : ICommand<Guid>;

/// <summary>
/// Who may own a corrective or improvement action: whoever may read the complaint (the owner reads the action's text in
/// "My work" and in notifications) and report the action done. Derived from those requests' [AllowedRoles].
/// </summary>
public static class ActionOwners
{
    public static IReadOnlyList<string> Roles { get; } = Owners.RolesAllowedAll(typeof(GetComplaint), typeof(ReportActionDone));

    /// <summary>Refuses at the owner field, saying why: "... because the role Trainer may not see complaints and suggestions."</summary>
    internal static IRuleBuilderOptionsConditions<TRequest, string> MayOwnAction<TRequest>(this IRuleBuilder<TRequest, string> rule, CaseDeskDb db) =>
        rule.CustomAsync(async (id, context, ct) =>
        {
            if (await Owners.WhyNotAsync(db, id, Roles,
                    roles => T("This employee cannot own the action, because the role {0} may not see complaints and suggestions.", roles),
                    T("This employee cannot own the action, because an account without a role may not see complaints and suggestions."), ct) is { } why)
                context.AddFailure(why);
        });
}

// Step texts are checked at the field, so an empty box shows under the box; the entity still refuses them on its own.

internal sealed class AcknowledgeComplaintValidator : AbstractValidator<AcknowledgeComplaint>
{
    public AcknowledgeComplaintValidator(CaseDeskDb db)
    {
        RuleFor(r => r.SendByEmail).MustAsync(async (r, send, ct) => !send || await Mail.ComplaintMail.AddressAsync(db, r.Id, ct) is not null)
            .WithMessage(_ => T("It cannot be sent by e-mail, because no e-mail address of the client is known."));
        RuleFor(r => r.Apology).NotEmpty().When(r => r.SendByEmail && !r.DepartmentAtFault)
            .WithMessage(_ => T("Write the acknowledgement the client will receive by e-mail."));
        RuleFor(r => r.Apology).NotEmpty().When(r => r.DepartmentAtFault)
            .WithMessage(_ => T("Record the apology, because the department was at fault (commitment X)."));
        RuleFor(r => r.Apology).MaximumLength(4000).WithMessage(_ => T("At most {0} characters.", 4000));
        RuleFor(r => r.Apology).FreeText();
    }
}

internal sealed class ClarifyComplaintFactsValidator : AbstractValidator<ClarifyComplaintFacts>
{
    public ClarifyComplaintFactsValidator()
    {
        RuleFor(r => r.Facts).NotEmpty().WithMessage(_ => T("Write the facts that were clarified."))
            .MaximumLength(8000).WithMessage(_ => T("At most {0} characters.", 8000));
        RuleFor(r => r.Facts).FreeText();
    }
}

internal sealed class TellComplaintActionPlanValidator : AbstractValidator<TellComplaintActionPlan>
{
    public TellComplaintActionPlanValidator()
    {
        RuleFor(r => r.Plan).NotEmpty().WithMessage(_ => T("Write the action plan the client was given."))
            .MaximumLength(4000).WithMessage(_ => T("At most {0} characters.", 4000));
        RuleFor(r => r.Plan).FreeText();
    }
}

internal sealed class ReopenComplaintValidator : AbstractValidator<ReopenComplaint>
{
    public ReopenComplaintValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().WithMessage(_ => T("Say why the complaint is reopened."))
            .MaximumLength(2000).WithMessage(_ => T("At most {0} characters.", 2000));
        RuleFor(r => r.Reason).FreeText();
    }
}

internal sealed class ThankForSuggestionValidator : AbstractValidator<ThankForSuggestion>
{
    public ThankForSuggestionValidator()
    {
        RuleFor(r => r.How).NotEmpty().WithMessage(_ => T("Say how the client was thanked."))
            .MaximumLength(2000).WithMessage(_ => T("At most {0} characters.", 2000));
        RuleFor(r => r.How).FreeText();
    }
}

internal sealed class ExtendCorrectiveActionValidator : AbstractValidator<ExtendCorrectiveAction>
{
    public ExtendCorrectiveActionValidator(TimeProvider clock) =>
        RuleFor(r => r.NewDeadlineUtc).Must(d => d > clock.GetUtcNow().UtcDateTime).WithMessage(_ => T("The deadline must be in the future."))
            .Must(d => d.Year <= 2100).WithMessage(_ => T("The date is out of range."));
}

internal sealed class TagComplaintValidator : AbstractValidator<TagComplaint>
{
    public TagComplaintValidator()
    {
        RuleFor(r => r.Touchpoints).Must(t => t.All(n => n is >= 1 and <= 10)).WithMessage(_ => T("Choose the touchpoint (1-10)."));
        RuleFor(r => r.Commitments).Must(c => c.All(n => ComplaintRules.Numerals.Contains(n))).WithMessage(_ => T("Unknown commitment."));
        RuleForEach(r => r.Commitments).SingleLine();
    }
}

internal sealed class PlanCorrectiveActionValidator : AbstractValidator<PlanCorrectiveAction>
{
    public PlanCorrectiveActionValidator(CaseDeskDb db, TimeProvider clock)
    {
        RuleFor(r => r.Description).NotEmpty().WithMessage(_ => T("Describe the corrective action."))
            .MaximumLength(2000).WithMessage(_ => T("At most {0} characters.", 2000));
        RuleFor(r => r.OwnerUserId).NotEmpty().WithMessage(_ => T("Choose who owns the action.")).MayOwnAction(db);
        RuleFor(r => r.DeadlineUtc).Must(d => d > clock.GetUtcNow().UtcDateTime).WithMessage(_ => T("The deadline must be in the future."))
            .Must(d => d.Year <= 2100).WithMessage(_ => T("The date is out of range."));
        RuleFor(r => r.Description).FreeText();
        RuleFor(r => r.OwnerUserId).SingleLine();
    }
}

internal sealed class AddImprovementActionValidator : AbstractValidator<AddImprovementAction>
{
    public AddImprovementActionValidator(CaseDeskDb db, TimeProvider clock)
    {
        RuleFor(r => r.Description).NotEmpty().WithMessage(_ => T("Describe the corrective action."))
            .MaximumLength(2000).WithMessage(_ => T("At most {0} characters.", 2000));
        RuleFor(r => r.OwnerUserId).NotEmpty().WithMessage(_ => T("Choose who owns the action.")).MayOwnAction(db);
        RuleFor(r => r.DeadlineUtc).Must(d => d > clock.GetUtcNow().UtcDateTime).WithMessage(_ => T("The deadline must be in the future."))
            .Must(d => d.Year <= 2100).WithMessage(_ => T("The date is out of range."));
        RuleFor(r => r.Description).FreeText();
        RuleFor(r => r.OwnerUserId).SingleLine();
    }
}

internal sealed class ChooseRootCauseValidator : AbstractValidator<ChooseRootCause>
{
    public ChooseRootCauseValidator(CaseDeskDb db)
    {
        RuleFor(r => r.Code).MustAsync((code, ct) => db.RootCauses.AnyAsync(c => c.Code == code && c.IsActive, ct)).WithMessage(_ => T("Choose the root cause."));
        RuleFor(r => r.Text).MaximumLength(4000).WithMessage(_ => T("At most {0} characters.", 4000));
        RuleFor(r => r.Code).SingleLine();
        RuleFor(r => r.Text).FreeText();
    }
}

internal sealed class RouteComplaintValidator : AbstractValidator<RouteComplaint>
{
    public RouteComplaintValidator(CaseDeskDb db) =>
        RuleFor(r => r.Units).NotEmpty().WithMessage(_ => T("Choose at least one unit, because the heads of the units concerned find the solution."))
            .MustAsync(async (units, ct) => await db.OrgUnits.CountAsync(u => units.Contains(u.Id), ct) == units.Distinct().Count())
            .WithMessage(_ => T("Unknown unit."));
}

internal sealed class VerifyCorrectiveActionValidator : AbstractValidator<VerifyCorrectiveAction>
{
    public VerifyCorrectiveActionValidator()
    {
        RuleFor(r => r.Result).IsInEnum();
        RuleFor(r => r.Evidence).NotEmpty().WithMessage(_ => T("Write the evidence the verification rests on."))
            .MaximumLength(4000).WithMessage(_ => T("At most {0} characters.", 4000));
        RuleFor(r => r.Evidence).FreeText();
    }
}

internal sealed class WithdrawCorrectiveActionValidator : AbstractValidator<WithdrawCorrectiveAction>
{
    public WithdrawCorrectiveActionValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().WithMessage(_ => T("Say why the action is withdrawn."))
            .MaximumLength(1000).WithMessage(_ => T("At most {0} characters.", 1000));
        RuleFor(r => r.Reason).FreeText();
    }
}

internal sealed class InformComplainantValidator : AbstractValidator<InformComplainant>
{
    public InformComplainantValidator(CaseDeskDb db)
    {
        RuleFor(r => r.SendByEmail).MustAsync(async (r, send, ct) => !send || await Mail.ComplaintMail.AddressAsync(db, r.Id, ct) is not null)
            .WithMessage(_ => T("It cannot be sent by e-mail, because no e-mail address of the client is known."));
        RuleFor(r => r.Outcome).NotEmpty().WithMessage(_ => T("Write what the client was told was decided and done."))
            .MaximumLength(4000).WithMessage(_ => T("At most {0} characters.", 4000));
        RuleFor(r => r.How).NotEmpty().When(r => !r.SendByEmail).WithMessage(_ => T("Say how the client was told.")).MaximumLength(200).WithMessage(_ => T("At most {0} characters.", 200));
        RuleFor(r => r.Outcome).FreeText();
        RuleFor(r => r.How).SingleLine();
    }
}

internal sealed class ComplaintStepsHandler(CaseDeskDb db, ClockBook clocks, CallerContext callers, TimeProvider clock) :
    IRequestHandler<AcknowledgeComplaint, Guid>, IRequestHandler<ClarifyComplaintFacts, Guid>, IRequestHandler<TellComplaintActionPlan, Guid>,
    IRequestHandler<RouteComplaint, Guid>, IRequestHandler<ChooseRootCause, Guid>, IRequestHandler<PlanCorrectiveAction, Guid>,
    IRequestHandler<VerifyCorrectiveAction, Guid>, IRequestHandler<ExtendCorrectiveAction, Guid>, IRequestHandler<InformComplainant, Guid>,
    IRequestHandler<CloseComplaint, Guid>, IRequestHandler<ReopenComplaint, Guid>, IRequestHandler<ThankForSuggestion, Guid>,
    IRequestHandler<AddImprovementAction, Guid>, IRequestHandler<ReportActionDone, MediatR.Unit>, IRequestHandler<TagComplaint, Guid>,
    IRequestHandler<WithdrawCorrectiveAction, Guid>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private string Me => callers.Caller.UserId;

    public Task<Guid> Handle(AcknowledgeComplaint r, CancellationToken ct) => Step(r.Id, r.Version, ct, async c =>
    {
        c.Acknowledge(r.DepartmentAtFault, r.Apology, Now, Me);
        if (r.SendByEmail)
            // The clock runs until the mail server accepts the message (RecordMailAccepted).
            await Mail.ComplaintMail.QueueAsync(db, c, Mail.ComplaintMail.AcknowledgementKind, r.Apology ?? "", Me, Now, ct);
        else
            await clocks.StopAsync(ClockKind.ComplaintAcknowledged, c.Id, Now, ct);
    });

    public Task<Guid> Handle(ClarifyComplaintFacts r, CancellationToken ct) => Step(r.Id, r.Version, ct, c => c.ClarifyFacts(r.Facts, Now, Me));

    public Task<Guid> Handle(TellComplaintActionPlan r, CancellationToken ct) => Step(r.Id, r.Version, ct, c => c.TellActionPlan(r.Plan, Now, Me));

    public Task<Guid> Handle(RouteComplaint r, CancellationToken ct) => Step(r.Id, r.Version, ct, async c =>
    {
        c.Route(r.Units, Now, Me);
        // 9.2: the complaint goes to the heads of the units concerned; they are told in the app.
        var heads = await db.UserRoles.Join(db.Roles.Where(x => x.Name == Roles.Head), ur => ur.RoleId, x => x.Id, (ur, x) => ur.UserId)
            .Join(db.Users.Where(u => u.UnitId != null && r.Units.Contains(u.UnitId.Value)), id => id, u => u.Id, (id, u) => u.Id)
            .Distinct().ToListAsync(ct);
        foreach (var head in heads)
            Notify(head, T("Complaint {0} was routed to your unit: find its root cause and plan corrective actions.", c.Number), c.Id);
    });

    public Task<Guid> Handle(TagComplaint r, CancellationToken ct) => Step(r.Id, r.Version, ct, c => c.Retag(r.Touchpoints, r.Commitments));

    public Task<Guid> Handle(ChooseRootCause r, CancellationToken ct) => Step(r.Id, r.Version, ct, c => c.ChooseRootCause(r.Code, r.Text, Now, Me));

    public Task<Guid> Handle(PlanCorrectiveAction r, CancellationToken ct) =>
        Step(r.Id, r.Version, ct, c => AddAction(c, c.PlanAction(r.Description, r.OwnerUserId, r.DeadlineUtc, Now, Me)));

    public Task<Guid> Handle(VerifyCorrectiveAction r, CancellationToken ct) => Step(r.Id, r.Version, ct, c => c.Verify(r.ActionId, r.Result, r.Evidence, Now, Me));

    public Task<Guid> Handle(WithdrawCorrectiveAction r, CancellationToken ct) => Step(r.Id, r.Version, ct, c => c.WithdrawAction(r.ActionId, r.Reason, Now, Me));

    public Task<Guid> Handle(ExtendCorrectiveAction r, CancellationToken ct) => Step(r.Id, r.Version, ct, c =>
        (c.Actions.SingleOrDefault(a => a.Id == r.ActionId) ?? throw new NotFoundException("CorrectiveAction", r.ActionId)).Extend(r.NewDeadlineUtc, Now));

    public Task<Guid> Handle(InformComplainant r, CancellationToken ct) => Step(r.Id, r.Version, ct, async c =>
    {
        c.InformClient(r.Outcome, r.SendByEmail ? Mail.ComplaintMail.ByEmail : r.How, Now, Me);
        if (r.SendByEmail)
            await Mail.ComplaintMail.QueueAsync(db, c, Mail.ComplaintMail.OutcomeKind, r.Outcome, Me, Now, ct);
        else
            await clocks.StopAsync(ClockKind.ComplaintResolved, c.Id, Now, ct);
    });

    public Task<Guid> Handle(CloseComplaint r, CancellationToken ct) => Step(r.Id, r.Version, ct, async c =>
    {
        // Told by e-mail means told once the mail server accepted it: until then the resolution clock runs and the complaint stays open.
        if (await Mail.ComplaintMail.LatestAsync(db, c.Id, Mail.ComplaintMail.OutcomeKind, ct) is { Status: not Mail.OutboxStatus.Sent } pending
            && c.Stage == ComplaintStage.ClientInformed)
            throw new DomainRefusalException(pending.Status == Mail.OutboxStatus.Failed
                ? T("The complaint cannot be closed, because the e-mail telling the client the outcome was not delivered: {0}. Try it again first.", pending.LastError ?? "")
                : T("The complaint cannot be closed yet, because the e-mail telling the client the outcome has not been accepted by the mail server."));
        c.Close(Now, Me);
    });

    public Task<Guid> Handle(ReopenComplaint r, CancellationToken ct) => Step(r.Id, r.Version, ct, async c =>
    {
        c.Reopen(r.Reason, Now, Me);
        // The client must again be told what was done: a fresh resolution clock runs from the reopening.
        await clocks.StartAsync(ClockKind.ComplaintResolved, nameof(Complaint), c.Id, null, c.ClientId, c.CaseId, Now, ct);
    });

    public Task<Guid> Handle(ThankForSuggestion r, CancellationToken ct) => Step(r.Id, r.Version, ct, c => c.Thank(r.How, Now, Me));

    public Task<Guid> Handle(AddImprovementAction r, CancellationToken ct) =>
        Step(r.Id, r.Version, ct, c => AddAction(c, c.AddImprovement(r.Description, r.OwnerUserId, r.DeadlineUtc, Now, Me)));

    public async Task<MediatR.Unit> Handle(ReportActionDone r, CancellationToken ct)
    {
        var action = await db.CorrectiveActions.SingleOrDefaultAsync(a => a.Id == r.ActionId, ct) ?? throw new NotFoundException("CorrectiveAction", r.ActionId);
        if (action.OwnerUserId != Me && !callers.Caller.IsInRole(Roles.QualityOfficer))
            throw new DomainRefusalException(T("Only the action's owner can report it done, because the officer relies on that report."));
        action.ReportDone(Now);
        await db.SaveChangesAsync(ct);
        return MediatR.Unit.Value;
    }

    private void AddAction(Complaint complaint, CorrectiveAction action)
    {
        db.Entry(action).State = EntityState.Added;
        if (action.OwnerUserId != Me)
            Notify(action.OwnerUserId, T("You own an action of {0}, due {1}: {2}. Report it done when it is.", complaint.Number,
                VilniusTime.ToLocal(action.DeadlineUtc).ToString("yyyy-MM-dd HH:mm"), Shorten(action.Description)), complaint.Id);
    }

    private void Notify(string userId, string text, Guid complaintId) =>
        db.Notifications.Add(new Notification
        {
            Id = Guid.CreateVersion7(), UserId = userId, CreatedAtUtc = Now, Text = text, Link = $"complaints/{complaintId}",
        });

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..119] + "…";

    private Task<Guid> Step(Guid id, Guid version, CancellationToken ct, Action<Complaint> step) =>
        Step(id, version, ct, c => { step(c); return Task.CompletedTask; });

    private async Task<Guid> Step(Guid id, Guid version, CancellationToken ct, Func<Complaint, Task> step)
    {
        var complaint = await ComplaintRules.LoadAsync(db, id, version, ct);
        await step(complaint);
        await db.SaveChangesAsync(ct);
        return complaint.Version;
    }
}
