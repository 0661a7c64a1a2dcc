using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Privacy;

/// <summary>The retention period in force for every kind of record, every version set, and the latest runs of the retention job.</summary>
[AllowedRoles(Roles.Admin, Roles.Head, Roles.QualityOfficer)]
public sealed record GetRetentionSettings : IQuery<RetentionSettings>;

/// <summary>One kind's period in force. <see cref="VersionId"/> is null while the default applies.</summary>
public sealed record RetentionInForce(RetentionKind Kind, int Months, bool IsDefault, Guid? VersionId, string? SetBy, DateTime? SetAtUtc, string? Note);

public sealed record RetentionVersionRow(Guid Id, RetentionKind Kind, int Months, string SetBy, DateTime SetAtUtc, string? Note);

public sealed record RetentionRunRow(DateTime RanAtUtc, string RanBy, int Anonymized, string Summary);

public sealed record RetentionSettings(IReadOnlyList<RetentionInForce> InForce, IReadOnlyList<RetentionVersionRow> History, IReadOnlyList<RetentionRunRow> LatestRuns);

/// <summary>
/// Sets a new retention period for a kind of record. Versions are kept; <see cref="CurrentVersionId"/> is the
/// version the editor saw (null: the default), so two administrators editing at once do not overwrite each other.
/// </summary>
[AllowedRoles(Roles.Admin)]
public sealed record SetRetentionPeriod(RetentionKind Kind, int Months, string? Note, Guid? CurrentVersionId) : ICommand<Guid>;

internal sealed class SetRetentionPeriodValidator : AbstractValidator<SetRetentionPeriod>
{
    public SetRetentionPeriodValidator()
    {
        RuleFor(r => r.Kind).IsInEnum();
        RuleFor(r => r.Months).InclusiveBetween(RetentionDefaults.MinMonths, RetentionDefaults.MaxMonths)
            .WithMessage(_ => T("A retention period must be between {0} and {1} months.", RetentionDefaults.MinMonths, RetentionDefaults.MaxMonths));
        RuleFor(r => r.Note).MaximumLength(1000).WithMessage(_ => T("At most {0} characters.", 1000));
        RuleFor(r => r.Note).FreeText();
    }
}

internal sealed class RetentionSettingsHandler(CaseDeskDb db, CallerContext callers, TimeProvider clock) :
    IRequestHandler<GetRetentionSettings, RetentionSettings>, IRequestHandler<SetRetentionPeriod, Guid>
{
    public async Task<RetentionSettings> Handle(GetRetentionSettings request, CancellationToken ct)
    {
        var names = db.Users.Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName });
        var history = await db.RetentionPeriods.AsNoTracking().OrderBy(r => r.Kind).ThenByDescending(r => r.SetAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new RetentionVersionRow(r.Id, r.Kind, r.Months,
                names.Where(n => n.Id == r.SetByUserId).Select(n => n.Name).FirstOrDefault() ?? r.SetByUserId, r.SetAtUtc, r.Note))
            .ToListAsync(ct);
        var inForce = Enum.GetValues<RetentionKind>().Select(kind =>
            history.FirstOrDefault(h => h.Kind == kind) is { } v
                ? new RetentionInForce(kind, v.Months, false, v.Id, v.SetBy, v.SetAtUtc, v.Note)
                : new RetentionInForce(kind, RetentionDefaults.Months[kind], true, null, null, null, null)).ToList();
        var runs = await db.RetentionRuns.AsNoTracking().OrderByDescending(r => r.RanAtUtc).Take(10)
            .Select(r => new RetentionRunRow(r.RanAtUtc, names.Where(n => n.Id == r.RanByUserId).Select(n => n.Name).FirstOrDefault() ?? r.RanByUserId,
                r.Anonymized, r.Summary))
            .ToListAsync(ct);
        return new RetentionSettings(inForce, history, runs);
    }

    public async Task<Guid> Handle(SetRetentionPeriod request, CancellationToken ct)
    {
        var current = await RetentionPolicy.CurrentAsync(db, request.Kind, ct);
        if (current?.Id != request.CurrentVersionId)
        {
            throw new ConcurrencyConflictException(nameof(RetentionPeriod), new Dictionary<string, string?>
            {
                [nameof(RetentionPeriod.Months)] = current?.Months.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [nameof(RetentionPeriod.Note)] = current?.Note,
            });
        }
        var version = new RetentionPeriod(Guid.CreateVersion7(), request.Kind, request.Months, callers.Caller.UserId,
            clock.GetUtcNow().UtcDateTime, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim());
        db.RetentionPeriods.Add(version);
        await db.SaveChangesAsync(ct);
        return version.Id;
    }
}

internal static class RetentionPolicy
{
    public static Task<RetentionPeriod?> CurrentAsync(CaseDeskDb db, RetentionKind kind, CancellationToken ct) =>
        db.RetentionPeriods.AsNoTracking().Where(r => r.Kind == kind).OrderByDescending(r => r.SetAtUtc).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);

    public static async Task<int> MonthsAsync(CaseDeskDb db, RetentionKind kind, CancellationToken ct) =>
        (await CurrentAsync(db, kind, ct))?.Months ?? RetentionDefaults.Months[kind];
}
