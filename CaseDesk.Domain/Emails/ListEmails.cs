using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Emails;

public enum EmailInboxFilter
{
    /// <summary>Not yet answered: unmatched and open together.</summary>
    Unanswered = 1,
    Unmatched = 2,
    Open = 3,
    Answered = 4,
    All = 5,
}

/// <summary>The department's e-mail inbox, sorted by the time received (newest first unless asked otherwise). Search by sender or subject.</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head)]
public sealed record ListEmails(EmailInboxFilter Filter, ListWindow Window) : IQuery<Page<EmailRow>>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

public sealed record EmailRow(Guid Id, DateTime ReceivedAtUtc, string FromAddress, string? FromName, string Subject, EmailStatus Status,
    Guid? ClientId, string? ClientName, string? AssignedTo, DateTime? RepliedAtUtc);

internal sealed class ListEmailsValidator : AbstractValidator<ListEmails>
{
    public ListEmailsValidator()
    {
        RuleFor(r => r.Filter).IsInEnum();
        RuleFor(r => r.Window).ValidWindow();
    }
}

internal sealed class ListEmailsHandler(CaseDeskDb db) : IRequestHandler<ListEmails, Page<EmailRow>>
{
    public async Task<Page<EmailRow>> Handle(ListEmails request, CancellationToken ct)
    {
        var w = request.Window;
        var query = request.Filter switch
        {
            EmailInboxFilter.Unanswered => db.EmailEnquiries.Where(e => e.Status != EmailStatus.Answered),
            EmailInboxFilter.Unmatched => db.EmailEnquiries.Where(e => e.Status == EmailStatus.Unmatched),
            EmailInboxFilter.Open => db.EmailEnquiries.Where(e => e.Status == EmailStatus.Open),
            EmailInboxFilter.Answered => db.EmailEnquiries.Where(e => e.Status == EmailStatus.Answered),
            _ => db.EmailEnquiries.AsQueryable(),
        };
        query = query.AsNoTracking();
        var search = w.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            // SQLite's lower() folds ASCII only; the stored key is folded in .NET, so "žem" and "ŽEM" both find "Žemaitis".
            var key = Clients.Client.SearchKey(search);
            query = query.Where(e => e.SearchKey.Contains(key));
        }

        var total = await query.CountAsync(ct);
        query = (w.SortBy, w.Descending) switch
        {
            (nameof(EmailRow.FromAddress), false) => query.OrderBy(e => e.FromAddress),
            (nameof(EmailRow.FromAddress), true) => query.OrderByDescending(e => e.FromAddress),
            (nameof(EmailRow.Subject), false) => query.OrderBy(e => e.Subject),
            (nameof(EmailRow.Subject), true) => query.OrderByDescending(e => e.Subject),
            (nameof(EmailRow.ReceivedAtUtc), false) => query.OrderBy(e => e.ReceivedAtUtc),
            _ => query.OrderByDescending(e => e.ReceivedAtUtc),
        };
        var rows = await query.Skip(w.Skip).Take(w.Take)
            .Select(e => new EmailRow(e.Id, e.ReceivedAtUtc, e.FromAddress, e.FromName, e.Subject, e.Status, e.ClientId,
                db.Clients.Where(c => c.Id == e.ClientId).Select(c => c.FirstName + " " + c.LastName).FirstOrDefault(),
                db.Users.Where(u => u.Id == e.AssignedToUserId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault(),
                e.RepliedAtUtc))
            .ToListAsync(ct);
        return new Page<EmailRow>(rows, total);
    }
}
