using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Audit;

/// <summary>
/// What the audit screen and its CSV export filter by. <see cref="User"/> and <see cref="Record"/> match parts of the
/// user name and of the record's type or id; <see cref="From"/>/<see cref="To"/> are whole Vilnius days, both included.
/// </summary>
public sealed record AuditFilter(string? User = null, AuditKind? Kind = null, string? Record = null,
    DateOnly? From = null, DateOnly? To = null, bool FlaggedOnly = false)
{
    public static AuditFilter None { get; } = new();
}

/// <summary>The audit trail names clients and holds stated reasons, so reading it is itself audited.</summary>
[AllowedRoles(Roles.Admin, Roles.QualityOfficer)]
public sealed record ListAuditEntries(ListWindow Window, AuditFilter Filter) : IQuery<Page<AuditRow>>, IAuditedRead
{
    string IAuditedRead.AuditedRecordType => nameof(AuditEntry);
    string? IAuditedRead.AuditedRecordId => null;
}

public sealed record AuditRow(long Id, DateTime AtUtc, string UserName, string Action, AuditKind Kind,
    string? EntityType, string? EntityId, string? Fields, string? Reason, bool OutsideUnit);

internal sealed class AuditFilterValidator : AbstractValidator<AuditFilter>
{
    public AuditFilterValidator()
    {
        RuleFor(f => f.User).MaximumLength(256);
        RuleFor(f => f.Record).MaximumLength(120);
        RuleFor(f => f.To).GreaterThanOrEqualTo(f => f.From).When(f => f.From is not null && f.To is not null)
            .WithMessage(_ => DomainText.T("The end date comes before the start date."));
    }
}

internal sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntries>
{
    public ListAuditEntriesValidator()
    {
        RuleFor(r => r.Window).NotNull().ValidWindow();
        RuleFor(r => r.Filter).NotNull().SetValidator(new AuditFilterValidator());
    }
}

internal static class AuditQuery
{
    public static IQueryable<AuditEntry> Filtered(this IQueryable<AuditEntry> query, AuditFilter f)
    {
        if (f.Kind is { } kind)
            query = query.Where(a => a.Kind == kind);
        if (!string.IsNullOrWhiteSpace(f.User))
        {
            var user = f.User.Trim();
            query = query.Where(a => a.UserName.Contains(user));
        }
        if (!string.IsNullOrWhiteSpace(f.Record))
        {
            var record = f.Record.Trim();
            query = query.Where(a => (a.EntityId != null && a.EntityId.Contains(record)) || (a.EntityType != null && a.EntityType.Contains(record))
                || (a.Fields != null && a.Fields.Contains(record)));
        }
        if (f.From is { } from)
        {
            var start = VilniusTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(a => a.AtUtc >= start);
        }
        if (f.To is { } to)
        {
            var end = VilniusTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(a => a.AtUtc < end);
        }
        if (f.FlaggedOnly)
            query = query.Where(a => a.OutsideUnit);
        return query;
    }

    public static IQueryable<AuditRow> Rows(this IQueryable<AuditEntry> query) =>
        query.Select(a => new AuditRow(a.Id, a.AtUtc, a.UserName, a.Action, a.Kind, a.EntityType, a.EntityId, a.Fields, a.Reason, a.OutsideUnit));
}

internal sealed class ListAuditEntriesHandler(CaseDeskDb db) : IRequestHandler<ListAuditEntries, Page<AuditRow>>
{
    public async Task<Page<AuditRow>> Handle(ListAuditEntries request, CancellationToken ct)
    {
        var w = request.Window;
        var query = db.AuditEntries.AsNoTracking().Filtered(request.Filter);
        if (!string.IsNullOrWhiteSpace(w.Search))
        {
            var s = w.Search.Trim();
            query = query.Where(a => a.UserName.Contains(s) || a.Action.Contains(s) || (a.EntityId != null && a.EntityId.Contains(s)));
        }
        var total = await query.CountAsync(ct);
        query = w.Descending || w.SortBy is null ? query.OrderByDescending(a => a.Id) : query.OrderBy(a => a.Id);
        var items = await query.Skip(w.Skip).Take(w.Take).Rows().ToListAsync(ct);
        return new Page<AuditRow>(items, total);
    }
}
