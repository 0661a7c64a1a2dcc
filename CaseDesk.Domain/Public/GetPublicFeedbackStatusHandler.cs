using System.Globalization;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Public;

/// <summary>A code as typed: one line, not a page of text (a code that cannot be one is simply not found).</summary>
internal sealed class GetPublicFeedbackStatusValidator : AbstractValidator<GetPublicFeedbackStatus>
{
    public GetPublicFeedbackStatusValidator() =>
        RuleFor(r => r.Code).NotNull().WithMessage(_ => DomainText.T("Write the tracking code.")).MaxLength(200).SingleLine();
}

/// <summary>
/// The status behind a tracking code. A wrong code and an expired one take the same query and give the same null; the status
/// of feedback is shown until <see cref="PublicFeedbackRules.ShownAfterDone"/> after it is done. Only what the department wrote
/// to the person leaves: the acknowledgement, the action plan, the outcome (once told) and the thanks; never facts, causes,
/// actions, evidence, notes, names, the person's own text or contact details.
/// </summary>
internal sealed class GetPublicFeedbackStatusHandler(CaseDeskDb db, TimeProvider clock) : IRequestHandler<GetPublicFeedbackStatus, PublicFeedbackStatus?>
{
    public async Task<PublicFeedbackStatus?> Handle(GetPublicFeedbackStatus request, CancellationToken ct)
    {
        var normalized = TrackingCode.Normalize(request.Code);
        if (normalized is null)
            return null;
        var hash = TrackingCode.Hash(normalized);
        var c = await db.Complaints.AsNoTracking()
            .Where(x => db.PublicFeedbackTickets.Any(t => t.CodeHash == hash && t.ComplaintId == x.Id))
            .Select(x => new Found(x.Id, x.Kind, x.Stage, x.ReceivedAtUtc, x.Apology, x.ActionPlan, x.Outcome, x.ClientInformedAtUtc, x.ThankedAtUtc, x.ClosedAtUtc,
                x.Steps.Where(s => s.WithdrawnActionId == null).Select(s => new FoundStep(s.Id, s.Stage, s.AtUtc, s.Note)).ToList(),
                x.Actions.Select(a => new FoundAction(a.CreatedAtUtc, a.Result, a.VerifiedAtUtc, a.WithdrawnAtUtc)).ToList(),
                x.Tags.Where(t => t.Kind == TagKind.Touchpoint).Select(t => t.Value).ToList()))
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);
        if (c is null)
            return null;

        var now = clock.GetUtcNow().UtcDateTime;
        if (DoneAt(c) is { } done && now - done > PublicFeedbackRules.ShownAfterDone)
            return null;

        request.ShownComplaintId = c.Id;
        var steps = c.Steps.OrderBy(s => s.AtUtc).ThenBy(s => s.Id).ToList();
        var touchpoint = c.Touchpoints.Select(v => int.Parse(v, CultureInfo.InvariantCulture)).Order().Cast<int?>().FirstOrDefault();
        return c.Kind == FeedbackKind.Complaint ? ComplaintStatus(c, steps, touchpoint) : ThankedStatus(c, steps, touchpoint);
    }

    private static PublicFeedbackStatus ComplaintStatus(Found c, List<FoundStep> steps, int? touchpoint)
    {
        // Each public stage dated when first reached on the present path: a reopening forgets the stages after the one it goes back to.
        var dates = new SortedDictionary<PublicStage, DateTime>();
        foreach (var step in steps)
        {
            var stage = Public(step.Stage);
            foreach (var later in dates.Keys.Where(k => k > stage).ToList())
                dates.Remove(later);
            dates.TryAdd(stage, step.AtUtc);
        }

        var replies = new List<PublicReply>();
        if (!string.IsNullOrWhiteSpace(c.Apology) && steps.FirstOrDefault(s => s.Stage == ComplaintStage.Acknowledged) is { } acknowledged)
            replies.Add(new PublicReply(PublicReplyKind.Acknowledgement, acknowledged.AtUtc, c.Apology));
        if (!string.IsNullOrWhiteSpace(c.ActionPlan) && steps.LastOrDefault(s => s.Stage == ComplaintStage.ActionPlanTold) is { } planned)
            replies.Add(new PublicReply(PublicReplyKind.ActionPlan, planned.AtUtc, c.ActionPlan));
        if (c.Stage >= ComplaintStage.ClientInformed && !string.IsNullOrWhiteSpace(c.Outcome))
            replies.Add(new PublicReply(PublicReplyKind.Outcome, c.ClientInformedAtUtc ?? steps.Last(s => s.Stage == ComplaintStage.ClientInformed).AtUtc, c.Outcome));

        return new PublicFeedbackStatus(c.Kind, touchpoint, c.ReceivedAtUtc, Public(c.Stage),
            dates.Select(d => new PublicStageDate(d.Key, d.Value)).ToList(), replies);
    }

    /// <summary>A suggestion or praise: registered until thanked, then done, unless improvement actions are still open.</summary>
    private static PublicFeedbackStatus ThankedStatus(Found c, List<FoundStep> steps, int? touchpoint)
    {
        var dates = new List<PublicStageDate> { new(PublicStage.Registered, steps.FirstOrDefault()?.AtUtc ?? c.ReceivedAtUtc) };
        var replies = new List<PublicReply>();
        var stage = PublicStage.Registered;
        if (c.ThankedAtUtc is { } thanked)
        {
            if (steps.FirstOrDefault(s => s.Stage == ComplaintStage.Acknowledged) is { Note: { Length: > 0 } note })
                replies.Add(new PublicReply(PublicReplyKind.Thanks, thanked, note));
            if (c.Actions.Count > 0)
            {
                var decided = c.Actions.Min(a => a.CreatedAtUtc);
                dates.Add(new PublicStageDate(PublicStage.ActionsDecided, decided > thanked ? decided : thanked));
            }
            stage = c.Actions.Any(a => a.IsOpen) ? PublicStage.ActionsDecided : PublicStage.Done;
            if (stage == PublicStage.Done)
                dates.Add(new PublicStageDate(PublicStage.Done, DoneAt(c)!.Value));
        }
        return new PublicFeedbackStatus(c.Kind, touchpoint, c.ReceivedAtUtc, stage, dates, replies);
    }

    /// <summary>When the feedback was done: a complaint when closed; a suggestion or praise when thanked with no action left open (the last one settled).</summary>
    private static DateTime? DoneAt(Found c)
    {
        if (c.Kind == FeedbackKind.Complaint)
            return c.Stage == ComplaintStage.Closed ? c.ClosedAtUtc : null;
        if (c.ThankedAtUtc is not { } thanked || c.Actions.Any(a => a.IsOpen))
            return null;
        return c.Actions.Select(a => a.SettledAtUtc ?? thanked).Append(thanked).Max();
    }

    private static PublicStage Public(ComplaintStage stage) => stage switch
    {
        ComplaintStage.Registered => PublicStage.Registered,
        ComplaintStage.ActionsPlanned or ComplaintStage.ActionsVerified => PublicStage.ActionsDecided,
        ComplaintStage.ClientInformed or ComplaintStage.Closed => PublicStage.Done,
        _ => PublicStage.BeingLookedInto,
    };

    private sealed record Found(Guid Id, FeedbackKind Kind, ComplaintStage Stage, DateTime ReceivedAtUtc, string? Apology, string? ActionPlan, string? Outcome,
        DateTime? ClientInformedAtUtc, DateTime? ThankedAtUtc, DateTime? ClosedAtUtc, List<FoundStep> Steps, List<FoundAction> Actions, List<string> Touchpoints);

    private sealed record FoundStep(Guid Id, ComplaintStage Stage, DateTime AtUtc, string? Note);

    private sealed record FoundAction(DateTime CreatedAtUtc, VerificationResult? Result, DateTime? VerifiedAtUtc, DateTime? WithdrawnAtUtc)
    {
        public bool IsOpen => Result != VerificationResult.Done && WithdrawnAtUtc is null;
        public DateTime? SettledAtUtc => WithdrawnAtUtc ?? (Result == VerificationResult.Done ? VerifiedAtUtc : null);
    }
}
