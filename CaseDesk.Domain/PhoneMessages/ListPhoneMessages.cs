using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.PhoneMessages;

public enum PhoneMessageFilter
{
    /// <summary>Waiting for a call-back.</summary>
    Open = 1,
    All = 2,
}

/// <summary>The department's phone messages, newest call first: the open ones by default, or all. Search by caller, phone or organisation.</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record ListPhoneMessages(PhoneMessageFilter Filter, ListWindow Window) : IQuery<Page<PhoneMessageRow>>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

public sealed record PhoneMessageRow(Guid Id, DateTime CalledAtUtc, string CallerName, string? Organisation, string Phone, string Message,
    string AddresseeUserId, string Addressee, Guid? ClientId, string? ClientName, DateTime? CalledBackAtUtc)
{
    public bool IsOpen => CalledBackAtUtc is null;
}

internal sealed class ListPhoneMessagesValidator : AbstractValidator<ListPhoneMessages>
{
    public ListPhoneMessagesValidator()
    {
        RuleFor(r => r.Filter).IsInEnum();
        RuleFor(r => r.Window).ValidWindow();
    }
}

internal sealed class ListPhoneMessagesHandler(CaseDeskDb db) : IRequestHandler<ListPhoneMessages, Page<PhoneMessageRow>>
{
    public async Task<Page<PhoneMessageRow>> Handle(ListPhoneMessages request, CancellationToken ct)
    {
        var w = request.Window;
        var query = db.PhoneMessages.AsNoTracking();
        if (request.Filter == PhoneMessageFilter.Open)
            query = query.Where(m => m.CalledBackAtUtc == null);
        var search = w.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            // SQLite's lower() folds ASCII only; the stored key is folded in .NET, so "žem" and "ŽEM" both find "Žemaitis".
            var key = Clients.Client.SearchKey(search);
            query = query.Where(m => m.SearchKey.Contains(key) || m.Phone.Contains(search));
        }

        var total = await query.CountAsync(ct);
        query = (w.SortBy, w.Descending) switch
        {
            (nameof(PhoneMessageRow.CallerName), false) => query.OrderBy(m => EF.Functions.Collate(m.CallerName, CaseDeskDb.LithuanianCollation)),
            (nameof(PhoneMessageRow.CallerName), true) => query.OrderByDescending(m => EF.Functions.Collate(m.CallerName, CaseDeskDb.LithuanianCollation)),
            (nameof(PhoneMessageRow.CalledAtUtc), false) => query.OrderBy(m => m.CalledAtUtc),
            _ => query.OrderByDescending(m => m.CalledAtUtc),
        };
        var rows = await query.Skip(w.Skip).Take(w.Take)
            .Select(m => new PhoneMessageRow(m.Id, m.CalledAtUtc, m.CallerName, m.Organisation, m.Phone, m.Message, m.AddresseeUserId,
                db.Users.Where(u => u.Id == m.AddresseeUserId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault() ?? "",
                m.ClientId, db.Clients.Where(c => c.Id == m.ClientId).Select(c => c.FirstName + " " + c.LastName).FirstOrDefault(),
                m.CalledBackAtUtc))
            .ToListAsync(ct);
        return new Page<PhoneMessageRow>(rows, total);
    }
}
