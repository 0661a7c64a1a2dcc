using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Audit;

[AllowedRoles(Roles.Admin, Roles.QualityOfficer)]
public sealed record ListAuditEntries(ListWindow Window, AuditKind? Kind = null) : IQuery<Page<AuditRow>>;

public sealed record AuditRow(long Id, DateTime AtUtc, string UserName, string Action, AuditKind Kind,
    string? EntityType, string? EntityId, string? Fields, string? Reason);

internal sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntries>
{
    public ListAuditEntriesValidator() => RuleFor(r => r.Window).ValidWindow();
}

internal sealed class ListAuditEntriesHandler(CaseDeskDb db) : IRequestHandler<ListAuditEntries, Page<AuditRow>>
{
    public async Task<Page<AuditRow>> Handle(ListAuditEntries request, CancellationToken ct)
    {
        var w = request.Window;
        var query = db.AuditEntries.AsNoTracking();
        if (request.Kind is { } kind)
            query = query.Where(a => a.Kind == kind);
        if (!string.IsNullOrWhiteSpace(w.Search))
        {
            var s = w.Search.Trim();
            query = query.Where(a => a.UserName.Contains(s) || a.Action.Contains(s) || (a.EntityId != null && a.EntityId.Contains(s)));
        }
        var total = await query.CountAsync(ct);
        query = w.Descending || w.SortBy is null ? query.OrderByDescending(a => a.Id) : query.OrderBy(a => a.Id);
        var items = await query.Skip(w.Skip).Take(w.Take)
            .Select(a => new AuditRow(a.Id, a.AtUtc, a.UserName, a.Action, a.Kind, a.EntityType, a.EntityId, a.Fields, a.Reason))
            .ToListAsync(ct);
        return new Page<AuditRow>(items, total);
    }
}
