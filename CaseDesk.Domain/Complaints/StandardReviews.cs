using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Complaints;

/// <summary>12.3: the review of the standard (at least once a year): the period looked at, findings, decisions, changes to the standard or its targets.</summary>
[AllowedRoles(Roles.QualityOfficer)]
public sealed record RecordStandardReview(DateOnly ReviewDate, DateOnly PeriodFrom, DateOnly PeriodTo, string Findings, string Decisions, string? ChangesToStandard)
    : ICommand<Guid>;

/// <summary>12.3: employees are told of the changes; the review keeps when and how.</summary>
[AllowedRoles(Roles.QualityOfficer)]
public sealed record MarkStaffInformed(Guid ReviewId, string How) : ICommand<MediatR.Unit>;

[AllowedRoles(Roles.QualityOfficer, Roles.Head)]
public sealed record ListStandardReviews : IQuery<IReadOnlyList<StandardReviewRow>>;

public sealed record StandardReviewRow(Guid Id, DateOnly ReviewDate, DateOnly PeriodFrom, DateOnly PeriodTo, string Findings, string Decisions,
    string? ChangesToStandard, DateTime RecordedAtUtc, string RecordedBy, DateTime? StaffInformedAtUtc, string? StaffInformedHow);

internal sealed class RecordStandardReviewValidator : AbstractValidator<RecordStandardReview>
{
    public RecordStandardReviewValidator(TimeProvider clock)
    {
        RuleFor(r => r.ReviewDate).Must(d => d <= DateOnly.FromDateTime(VilniusTime.Now(clock))).WithMessage(_ => T("The review date cannot be in the future."))
            .Must(d => d.Year >= 2000).WithMessage(_ => T("The date is out of range."));
        RuleFor(r => r.PeriodTo).Must((r, to) => to >= r.PeriodFrom).WithMessage(_ => T("The period must not end before it starts."));
        RuleFor(r => r.Findings).NotEmpty().WithMessage(_ => T("Write what the review found."))
            .MaximumLength(20_000).WithMessage(_ => T("At most {0} characters.", 20_000));
        RuleFor(r => r.Decisions).NotEmpty().WithMessage(_ => T("Write what was decided."))
            .MaximumLength(20_000).WithMessage(_ => T("At most {0} characters.", 20_000));
        RuleFor(r => r.ChangesToStandard).MaximumLength(20_000).WithMessage(_ => T("At most {0} characters.", 20_000));
        RuleFor(r => r.Findings).FreeText();
        RuleFor(r => r.Decisions).FreeText();
        RuleFor(r => r.ChangesToStandard).FreeText();
    }
}

internal sealed class MarkStaffInformedValidator : AbstractValidator<MarkStaffInformed>
{
    public MarkStaffInformedValidator()
    {
        RuleFor(r => r.How).NotEmpty().WithMessage(_ => T("Say how the staff were informed."))
            .MaximumLength(500).WithMessage(_ => T("At most {0} characters.", 500));
        RuleFor(r => r.How).FreeText();
    }
}

internal sealed class StandardReviewHandler(CaseDeskDb db, CallerContext callers, TimeProvider clock) :
    IRequestHandler<RecordStandardReview, Guid>, IRequestHandler<MarkStaffInformed, MediatR.Unit>, IRequestHandler<ListStandardReviews, IReadOnlyList<StandardReviewRow>>
{
    public async Task<Guid> Handle(RecordStandardReview r, CancellationToken ct)
    {
        var review = new StandardReview
        {
            Id = Guid.CreateVersion7(), ReviewDate = r.ReviewDate, PeriodFrom = r.PeriodFrom, PeriodTo = r.PeriodTo, Findings = r.Findings.Trim(),
            Decisions = r.Decisions.Trim(), ChangesToStandard = string.IsNullOrWhiteSpace(r.ChangesToStandard) ? null : r.ChangesToStandard.Trim(),
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime, RecordedByUserId = callers.Caller.UserId,
        };
        db.StandardReviews.Add(review);
        await db.SaveChangesAsync(ct);
        return review.Id;
    }

    public async Task<MediatR.Unit> Handle(MarkStaffInformed r, CancellationToken ct)
    {
        var review = await db.StandardReviews.SingleOrDefaultAsync(x => x.Id == r.ReviewId, ct) ?? throw new NotFoundException("StandardReview", r.ReviewId);
        if (review.StaffInformedAtUtc is not null)
            throw new DomainRefusalException(T("The staff were already informed of this review."));
        review.StaffInformedAtUtc = clock.GetUtcNow().UtcDateTime;
        review.StaffInformedHow = r.How.Trim();
        await db.SaveChangesAsync(ct);
        return MediatR.Unit.Value;
    }

    public async Task<IReadOnlyList<StandardReviewRow>> Handle(ListStandardReviews request, CancellationToken ct) =>
        await db.StandardReviews.AsNoTracking().OrderByDescending(x => x.ReviewDate).ThenByDescending(x => x.RecordedAtUtc)
            .Select(x => new StandardReviewRow(x.Id, x.ReviewDate, x.PeriodFrom, x.PeriodTo, x.Findings, x.Decisions, x.ChangesToStandard, x.RecordedAtUtc,
                db.Users.Where(u => u.Id == x.RecordedByUserId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault() ?? x.RecordedByUserId,
                x.StaffInformedAtUtc, x.StaffInformedHow))
            .ToListAsync(ct);
}
