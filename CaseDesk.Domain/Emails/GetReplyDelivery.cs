using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Mail;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Emails;

/// <summary>Where an e-mail's reply is on its way out: queued, sent (accepted by the mail server) or failed with the server's reason.</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head)]
public sealed record GetReplyDelivery(Guid EmailId) : IQuery<ReplyDelivery?>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

public sealed record ReplyDelivery(OutboxStatus Status, DateTime QueuedAtUtc, DateTime? SentAtUtc, int Attempts, DateTime? NextAttemptAtUtc,
    string? LastError, string ToAddress);

internal sealed class GetReplyDeliveryHandler(CaseDeskDb db) : IRequestHandler<GetReplyDelivery, ReplyDelivery?>
{
    public async Task<ReplyDelivery?> Handle(GetReplyDelivery request, CancellationToken ct)
    {
        var outboxId = await db.EmailEnquiries.Where(e => e.Id == request.EmailId).Select(e => e.ReplyOutboxId).SingleOrDefaultAsync(ct);
        return outboxId is null
            ? null
            : await Outbox.Messages(db).AsNoTracking().Where(m => m.Id == outboxId)
                .Select(m => new ReplyDelivery(m.Status, m.CreatedAtUtc, m.SentAtUtc, m.Attempts, m.NextAttemptAtUtc, m.LastError, m.ToAddress))
                .SingleOrDefaultAsync(ct);
    }
}
