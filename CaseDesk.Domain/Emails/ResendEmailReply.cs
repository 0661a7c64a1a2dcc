using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Mail;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Emails;

/// <summary>
/// Tries a reply the mail server finally refused (or that ran out of attempts) again: the same message, with the same
/// Message-Id, goes back to the outbox for a fresh round of attempts. The e-mail stays unanswered until the server accepts it.
/// </summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head)]
public sealed record ResendEmailReply(Guid EmailId, Guid Version) : ICommand<Guid>;

internal sealed class ResendEmailReplyHandler(CaseDeskDb db, TimeProvider clock) : IRequestHandler<ResendEmailReply, Guid>
{
    public async Task<Guid> Handle(ResendEmailReply request, CancellationToken ct)
    {
        var email = await db.EmailEnquiries.SingleOrDefaultAsync(e => e.Id == request.EmailId, ct)
            ?? throw new NotFoundException("EmailEnquiry", request.EmailId);
        db.ExpectVersion(email, request.Version);
        var message = email.ReplyOutboxId is { } outboxId
            ? await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == outboxId, ct)
            : null;
        if (email.Status != EmailStatus.ReplySending || message is not { Status: OutboxStatus.Failed })
            throw new DomainRefusalException(T("The reply cannot be tried again, because it has not failed."));
        message.Retry(clock.GetUtcNow().UtcDateTime);
        email.ReplyRetried();
        await db.SaveChangesAsync(ct);
        return email.Version;
    }
}
