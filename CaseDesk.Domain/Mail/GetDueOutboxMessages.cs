using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Mail;

/// <summary>What the sender needs to compose one queued message.</summary>
public sealed record OutboxMessageToSend(Guid Id, string ToAddress, string? ToName, string Subject, string TextBody, string MessageId,
    string? InReplyTo, string? References, DateTime CreatedAtUtc, int Attempts);

/// <summary>The pending messages whose (next) attempt is due, oldest due first. The app's sender only (no role may run it).</summary>
[SystemOnly]
public sealed record GetDueOutboxMessages(int Take) : IQuery<IReadOnlyList<OutboxMessageToSend>>;

internal sealed class GetDueOutboxMessagesHandler(CaseDeskDb db, TimeProvider clock) : IRequestHandler<GetDueOutboxMessages, IReadOnlyList<OutboxMessageToSend>>
{
    public async Task<IReadOnlyList<OutboxMessageToSend>> Handle(GetDueOutboxMessages request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Matches IX_OutboxMessages_Due.
        return await Outbox.Messages(db).AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now)
            .OrderBy(m => m.NextAttemptAtUtc).Take(Math.Clamp(request.Take, 1, 100))
            .Select(m => new OutboxMessageToSend(m.Id, m.ToAddress, m.ToName, m.Subject, m.TextBody, m.MessageId, m.InReplyTo, m.References, m.CreatedAtUtc, m.Attempts))
            .ToListAsync(ct);
    }
}
