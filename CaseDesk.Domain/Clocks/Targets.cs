using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Clocks;

/// <summary>
/// Every clock's target in force, its full version history and when the targets were last reviewed (12.3): the later of
/// the last targets review and the last recorded review of the standard.
/// </summary>
[AnyStaff]
public sealed record GetTargets : IQuery<TargetsOverview>;

public sealed record TargetVersion(Guid Id, ClockKind Kind, int Minutes, TargetUnit Unit, int AtRiskPercent, string Commitment, int? Touchpoint,
    DateTime EffectiveFromUtc, string SetBy, DateTime SetAtUtc, string? Note);

public sealed record TargetsOverview(IReadOnlyList<TargetVersion> InForce, IReadOnlyList<TargetVersion> History,
    DateTime? LastReviewedAtUtc, string? LastReviewedBy, bool ReviewDue);

internal sealed class GetTargetsHandler(CaseDeskDb db, TimeProvider clock) : IRequestHandler<GetTargets, TargetsOverview>
{
    public async Task<TargetsOverview> Handle(GetTargets request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var names = db.Users.Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName });
        var all = await db.CommitmentTargets.AsNoTracking()
            .OrderBy(t => t.Kind).ThenByDescending(t => t.EffectiveFromUtc).ThenByDescending(t => t.SetAtUtc)
            .Select(t => new TargetVersion(t.Id, t.Kind, t.Minutes, t.Unit, t.AtRiskPercent, t.Commitment, t.Touchpoint, t.EffectiveFromUtc,
                names.Where(n => n.Id == t.SetByUserId).Select(n => n.Name).FirstOrDefault() ?? t.SetByUserId, t.SetAtUtc, t.Note))
            .ToListAsync(ct);
        var inForce = all.GroupBy(t => t.Kind).Select(g => g.Where(t => t.EffectiveFromUtc <= now).FirstOrDefault() ?? g.Last()).ToList();
        var targetsReview = await db.TargetReviews.AsNoTracking().OrderByDescending(r => r.ReviewedAtUtc)
            .Select(r => new LastReview(r.ReviewedAtUtc, names.Where(n => n.Id == r.ByUserId).Select(n => n.Name).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);
        // The yearly review of the whole standard (12.3) covers its targets too, so whichever was recorded last counts.
        var standardReview = await db.StandardReviews.AsNoTracking().OrderByDescending(r => r.RecordedAtUtc)
            .Select(r => new LastReview(r.RecordedAtUtc, names.Where(n => n.Id == r.RecordedByUserId).Select(n => n.Name).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);
        var review = new[] { targetsReview, standardReview }.Where(r => r is not null).MaxBy(r => r!.AtUtc);
        return new TargetsOverview(inForce, all, review?.AtUtc, review?.By, ReviewIsDue(review?.AtUtc, now));
    }

    private sealed record LastReview(DateTime AtUtc, string? By);

    /// <summary>12.3: at least once a year. Never reviewed counts as due.</summary>
    public static bool ReviewIsDue(DateTime? lastReviewUtc, DateTime nowUtc) => lastReviewUtc is null || lastReviewUtc.Value.AddYears(1) <= nowUtc;
}

/// <summary>
/// Sets a new version of a clock's target, effective from a moment (now or later). Earlier versions
/// stay; clocks already started keep the target they started with.
/// </summary>
[AllowedRoles(Roles.Head, Roles.Admin)]
public sealed record SetTarget(ClockKind Kind, int Minutes, int AtRiskPercent, DateTime EffectiveFromUtc, string? Note) : ICommand<Guid>;

internal sealed class SetTargetValidator : AbstractValidator<SetTarget>
{
    public SetTargetValidator(TimeProvider clock)
    {
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.Kind).NotEqual(ClockKind.RescheduleNotice).WithMessage(_ => T("This target is a rule (before the agreed time), not a number."));
        RuleFor(r => r.Kind).NotEqual(ClockKind.Promise).WithMessage(_ => T("This target is a rule (by the promised time), not a number."));
        RuleFor(r => r.Minutes).InclusiveBetween(1, 200 * WorkingCalendar.MinutesPerWorkingDay).WithMessage(_ => T("A target must be a positive number of minutes."));
        RuleFor(r => r.AtRiskPercent).InclusiveBetween(1, 99).WithMessage(_ => T("The at-risk share must be between 1 and 99 percent."));
        RuleFor(r => r.EffectiveFromUtc).Must(d => d >= clock.GetUtcNow().UtcDateTime.AddMinutes(-5))
            .WithMessage(_ => T("A new target takes effect now or later; history is never rewritten."))
            .Must(d => d.Year <= 2100).WithMessage(_ => T("The date is out of range."));
        RuleFor(r => r.Note).MaximumLength(1000).WithMessage(_ => T("At most {0} characters.", 1000));
        RuleFor(r => r.Note).FreeText();
    }
}

internal sealed class SetTargetHandler(CaseDeskDb db, ClockBook book, CallerContext callers, TimeProvider clock) : IRequestHandler<SetTarget, Guid>
{
    public async Task<Guid> Handle(SetTarget request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var current = await book.TargetAtAsync(request.Kind, request.EffectiveFromUtc, ct);
        var target = new CommitmentTarget(Guid.CreateVersion7(), request.Kind, request.Minutes, current.Unit, request.AtRiskPercent, current.Commitment,
            current.Touchpoint, request.EffectiveFromUtc < now ? now : request.EffectiveFromUtc, callers.Caller.UserId, now, request.Note?.Trim());
        db.CommitmentTargets.Add(target);
        await db.SaveChangesAsync(ct);
        return target.Id;
    }
}

/// <summary>Records the yearly review of the standard's targets (12.3) and that staff were told.</summary>
[AllowedRoles(Roles.Head, Roles.Admin, Roles.QualityOfficer)]
public sealed record MarkTargetsReviewed(string? Note) : ICommand<Guid>;

internal sealed class MarkTargetsReviewedValidator : AbstractValidator<MarkTargetsReviewed>
{
    public MarkTargetsReviewedValidator()
    {
        RuleFor(r => r.Note).MaximumLength(2000).WithMessage(_ => T("At most {0} characters.", 2000));
        RuleFor(r => r.Note).FreeText();
    }
}

internal sealed class MarkTargetsReviewedHandler(CaseDeskDb db, CallerContext callers, TimeProvider clock) : IRequestHandler<MarkTargetsReviewed, Guid>
{
    public async Task<Guid> Handle(MarkTargetsReviewed request, CancellationToken ct)
    {
        var review = new TargetReview { Id = Guid.CreateVersion7(), ReviewedAtUtc = clock.GetUtcNow().UtcDateTime, ByUserId = callers.Caller.UserId, Note = request.Note?.Trim() };
        db.TargetReviews.Add(review);
        await db.SaveChangesAsync(ct);
        return review.Id;
    }
}
