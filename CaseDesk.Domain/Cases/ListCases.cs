using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Cases;

public enum CaseScope
{
    /// <summary>Open cases assigned to the caller.</summary>
    Mine = 1,
    /// <summary>Open cases waiting for a caseworker.</summary>
    Unassigned = 2,
    /// <summary>All open cases.</summary>
    Open = 3,
    /// <summary>Everything, closed included.</summary>
    All = 4,
}

/// <summary>Server-side paged, sorted and filtered case list; "Mine" sorted by due date is the caseworker's daily list.</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record ListCases(CaseScope Scope, ListWindow Window) : IQuery<Page<CaseRow>>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

public sealed record CaseRow(Guid Id, string Number, Guid ClientId, string ClientName, bool MeetWithTwoEmployees, string ServiceRequested,
    CaseStatus Status, string? AssignedTo, DateTime OpenedAtUtc, DateTime DueAtUtc) : IHasClientId;

internal sealed class ListCasesValidator : AbstractValidator<ListCases>
{
    public ListCasesValidator()
    {
        RuleFor(r => r.Window).ValidWindow();
        RuleFor(r => r.Scope).IsInEnum();
    }
}

internal sealed class ListCasesHandler(CaseDeskDb db, CallerContext callers) : IRequestHandler<ListCases, Page<CaseRow>>
{
    public async Task<Page<CaseRow>> Handle(ListCases request, CancellationToken ct)
    {
        var w = request.Window;
        var me = callers.Caller.UserId;
        var query = request.Scope switch
        {
            // Written to match the partial index IX_Cases_OpenByAssignee (AssignedToUserId, DueAtUtc) WHERE Status <> 4.
            CaseScope.Mine => db.Cases.Where(c => c.AssignedToUserId == me && c.Status != CaseStatus.Closed),
            CaseScope.Unassigned => db.Cases.Where(c => c.Status == CaseStatus.Registered),
            CaseScope.Open => db.Cases.Where(c => c.Status != CaseStatus.Closed),
            _ => db.Cases.AsQueryable(),
        };
        query = query.AsNoTracking();

        var search = w.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            if (search.StartsWith("SP-", StringComparison.OrdinalIgnoreCase))
            {
                var number = search.ToUpperInvariant();
                query = query.Where(c => string.Compare(c.Number, number) >= 0 && string.Compare(c.Number, number + "\uffff") < 0);
            }
            else
            {
                // A fragment of the number ("87", "000087"), of the service asked for (folded: "pasalpa" finds "pašalpa"), or the
                // start of the client's name; all in SQL, on the folded keys, so both engines compare the same bytes.
                var key = Clients.Client.SearchKey(search);
                var upper = key + "\uffff";
                var number = search.ToUpperInvariant();
                var clients = db.Clients.Where(k => (string.Compare(k.NameKey, key) >= 0 && string.Compare(k.NameKey, upper) < 0)
                    || (string.Compare(k.FirstNameKey, key) >= 0 && string.Compare(k.FirstNameKey, upper) < 0)).Select(k => k.Id);
                query = query.Where(c => c.Number.Contains(number)
                    || c.ServiceKey.Contains(key)
                    || clients.Contains(c.ClientId));
            }
        }

        var total = await query.CountAsync(ct);
        query = (w.SortBy, w.Descending) switch
        {
            (nameof(CaseRow.Number), false) => query.OrderBy(c => c.Number),
            (nameof(CaseRow.Number), true) => query.OrderByDescending(c => c.Number),
            (nameof(CaseRow.OpenedAtUtc), false) => query.OrderBy(c => c.OpenedAtUtc),
            (nameof(CaseRow.OpenedAtUtc), true) => query.OrderByDescending(c => c.OpenedAtUtc),
            (nameof(CaseRow.Status), false) => query.OrderBy(c => c.Status).ThenBy(c => c.DueAtUtc),
            (nameof(CaseRow.Status), true) => query.OrderByDescending(c => c.Status).ThenBy(c => c.DueAtUtc),
            (_, true) => query.OrderByDescending(c => c.DueAtUtc),
            _ => query.OrderBy(c => c.DueAtUtc),
        };

        // A plain join on the client's key: a correlated First() here became a ROW_NUMBER() pass over every client.
        var rows = await query.Skip(w.Skip).Take(w.Take)
            .Join(db.Clients, c => c.ClientId, k => k.Id, (c, k) => new CaseRow(c.Id, c.Number, c.ClientId, k.FirstName + " " + k.LastName,
                k.MeetWithTwoEmployees, c.ServiceRequested, c.Status,
                db.Users.Where(u => u.Id == c.AssignedToUserId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault(),
                c.OpenedAtUtc, c.DueAtUtc))
            .ToListAsync(ct);
        return new Page<CaseRow>(rows, total);
    }
}
