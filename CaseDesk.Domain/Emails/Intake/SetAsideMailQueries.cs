using System.Text;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Emails.Intake;

/// <summary>Incoming messages kept aside (newest first), for reception and heads to deal with by hand. Audited: it shows senders and subjects.</summary>
[AllowedRoles(Roles.Reception, Roles.Head)]
public sealed record ListSetAsideMail(ListWindow Window) : IQuery<Page<SetAsideRow>>, IAuditedListRead;

public sealed record SetAsideRow(Guid Id, string Mailbox, SetAsideReason Reason, string? From, string? Subject, DateTime ArrivedAtUtc,
    DateTime SetAsideAtUtc, Guid? EmailId);

internal sealed class ListSetAsideMailValidator : AbstractValidator<ListSetAsideMail>
{
    public ListSetAsideMailValidator() => RuleFor(r => r.Window).ValidWindow();
}

internal sealed class ListSetAsideMailHandler(CaseDeskDb db) : IRequestHandler<ListSetAsideMail, Page<SetAsideRow>>
{
    public async Task<Page<SetAsideRow>> Handle(ListSetAsideMail request, CancellationToken ct)
    {
        var query = db.Set<SetAsideMail>().AsNoTracking();
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(m => m.SetAsideAtUtc).ThenByDescending(m => m.Id)
            .Skip(request.Window.Skip).Take(request.Window.Take)
            .Select(m => new SetAsideRow(m.Id, m.Mailbox, m.Reason, m.From, m.Subject, m.ArrivedAtUtc, m.SetAsideAtUtc, m.EmailEnquiryId))
            .ToListAsync(ct);
        return new Page<SetAsideRow>(rows, total);
    }
}

/// <summary>One set-aside message with its raw text (as text, never rendered): an audited read.</summary>
[AllowedRoles(Roles.Reception, Roles.Head)]
public sealed record GetSetAsideMail(Guid Id) : IQuery<SetAsideDetails>, IAuditedRead
{
    string IAuditedRead.AuditedRecordType => nameof(SetAsideMail);
    string? IAuditedRead.AuditedRecordId => Id.ToString();
}

public sealed record SetAsideDetails(Guid Id, string Mailbox, long Uid, string? MessageId, SetAsideReason Reason, string? Detail, string? From,
    string? Subject, DateTime ArrivedAtUtc, DateTime SetAsideAtUtc, Guid? EmailId, long RawSize, string RawText, bool RawCut);

internal sealed class GetSetAsideMailHandler(CaseDeskDb db) : IRequestHandler<GetSetAsideMail, SetAsideDetails>
{
    /// <summary>The page shows the start of the raw message; the rest stays in the database.</summary>
    public const int ShownChars = 50_000;

    public async Task<SetAsideDetails> Handle(GetSetAsideMail request, CancellationToken ct)
    {
        var m = await db.Set<SetAsideMail>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == request.Id, ct)
            ?? throw new NotFoundException(nameof(SetAsideMail), request.Id);
        // Raw mail is 7-bit or UTF-8 almost always; anything else shows as replacement characters, which is enough to see what it was.
        var text = Encoding.UTF8.GetString(m.Raw);
        var cut = text.Length > ShownChars || m.RawSize > m.Raw.Length;
        if (text.Length > ShownChars)
            text = text[..ShownChars];
        return new SetAsideDetails(m.Id, m.Mailbox, m.Uid, m.MessageId, m.Reason, m.Detail, m.From, m.Subject, m.ArrivedAtUtc, m.SetAsideAtUtc,
            m.EmailEnquiryId, m.RawSize, text, cut);
    }
}
