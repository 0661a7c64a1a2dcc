using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Mail;

/// <summary>
/// Tries a complaint's acknowledgement or outcome e-mail the mail server finally refused again: the same message, with the same
/// Message-Id, goes back to the outbox for a fresh round of attempts. The step's clock keeps running until the server accepts it.
/// </summary>
[AllowedRoles(Roles.QualityOfficer, Roles.Head, Roles.Caseworker)]
public sealed record ResendComplaintMessage(Guid OutboxId) : ICommand<MediatR.Unit>;

internal sealed class ResendComplaintMessageHandler(CaseDeskDb db, TimeProvider clock) : IRequestHandler<ResendComplaintMessage, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(ResendComplaintMessage request, CancellationToken ct)
    {
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == request.OutboxId, ct);
        if (message is null || !ComplaintMail.IsComplaintKind(message.SourceKind))
            throw new NotFoundException(nameof(OutboxMessage), request.OutboxId);
        if (message.Status != OutboxStatus.Failed)
            throw new DomainRefusalException(T("The message cannot be tried again, because it has not failed."));
        message.Retry(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return MediatR.Unit.Value;
    }
}
