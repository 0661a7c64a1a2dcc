using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Complaints;

/// <summary>The root-cause taxonomy, for the picker (active only) and for its upkeep (all).</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head, Roles.QualityOfficer, Roles.Admin)]
public sealed record ListRootCauses(bool IncludeRetired = false) : IQuery<IReadOnlyList<RootCauseRow>>;

public sealed record RootCauseRow(string Code, string Name, string NameLt, string NameEn, bool IsActive);

/// <summary>
/// Adds a root cause or renames or retires one. Codes are kept for ever (complaints and the analysis
/// point at them), so a cause is retired, never deleted.
/// </summary>
[AllowedRoles(Roles.QualityOfficer, Roles.Admin)]
public sealed record SaveRootCause(string Code, string NameLt, string NameEn, bool IsActive) : ICommand<MediatR.Unit>;

internal sealed class SaveRootCauseValidator : AbstractValidator<SaveRootCause>
{
    public SaveRootCauseValidator()
    {
        // The maximum too, so the form can stop at it (InputLimits reads MaximumLength, not the pattern).
        RuleFor(r => r.Code).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(_ => T("Enter a short code."))
            .MaximumLength(40).WithMessage(_ => T("The code is 2-40 lower-case letters, digits or dashes."))
            .Matches("^[a-z0-9-]{2,40}$").WithMessage(_ => T("The code is 2-40 lower-case letters, digits or dashes."))
            .NotEqual(ComplaintFilter.None).WithMessage(_ => T("The code is 2-40 lower-case letters, digits or dashes."));
        RuleFor(r => r.NameLt).NotEmpty().WithMessage(_ => T("Enter the name in Lithuanian."))
            .MaximumLength(200).WithMessage(_ => T("At most {0} characters.", 200));
        RuleFor(r => r.NameEn).NotEmpty().WithMessage(_ => T("Enter the name in English."))
            .MaximumLength(200).WithMessage(_ => T("At most {0} characters.", 200));
        RuleFor(r => r.Code).SingleLine();
        RuleFor(r => r.NameLt).SingleLine();
        RuleFor(r => r.NameEn).SingleLine();
    }
}

internal sealed class RootCauseHandler(CaseDeskDb db) :
    IRequestHandler<ListRootCauses, IReadOnlyList<RootCauseRow>>, IRequestHandler<SaveRootCause, MediatR.Unit>
{
    public async Task<IReadOnlyList<RootCauseRow>> Handle(ListRootCauses request, CancellationToken ct)
    {
        var causes = await db.RootCauses.AsNoTracking().Where(r => request.IncludeRetired || r.IsActive).ToListAsync(ct);
        // "Other" last: it is the fallback, not a cause to pick first.
        return causes.OrderBy(r => r.Code == "other").ThenBy(r => ComplaintQueries.Localized(r.NameLt, r.NameEn), LithuanianOrder.Instance)
            .Select(r => new RootCauseRow(r.Code, ComplaintQueries.Localized(r.NameLt, r.NameEn), r.NameLt, r.NameEn, r.IsActive)).ToList();
    }

    public async Task<MediatR.Unit> Handle(SaveRootCause r, CancellationToken ct)
    {
        var cause = await db.RootCauses.SingleOrDefaultAsync(x => x.Code == r.Code, ct);
        if (cause is null)
        {
            cause = new RootCause { Code = r.Code };
            db.RootCauses.Add(cause);
        }
        cause.NameLt = r.NameLt.Trim();
        cause.NameEn = r.NameEn.Trim();
        cause.IsActive = r.IsActive;
        await db.SaveChangesAsync(ct);
        return MediatR.Unit.Value;
    }
}
