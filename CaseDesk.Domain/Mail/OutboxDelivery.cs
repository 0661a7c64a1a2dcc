using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Emails;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Mail;

/// <summary>What the sender needs to compose one queued message.</summary>
public sealed record OutboxMessageToSend(Guid Id, string ToAddress, string? ToName, string Subject, string TextBody, string MessageId,
    string? InReplyTo, string? References, DateTime CreatedAtUtc, int Attempts);

/// <summary>The pending messages whose (next) attempt is due, oldest due first. The app's sender only (no role may run it).</summary>
[AllowedRoles]
public sealed record GetDueOutboxMessages(int Take) : IQuery<IReadOnlyList<OutboxMessageToSend>>;

/// <summary>
/// The mail server accepted a queued message at <paramref name="AcceptedAtUtc"/> (or it was written to the pick-up folder):
/// the message is sent, and what it belongs to learns so (an e-mail's reply: answered, its clock stopped at that moment).
/// Reported by the app's sender as the system; a message already recorded as sent is left as it is.
/// </summary>
[AllowedRoles]
public sealed record RecordMailAccepted(Guid OutboxId, DateTime AcceptedAtUtc) : ICommand<bool>;

/// <summary>An attempt failed with the server's reason: permanent (5xx) fails the message at once, otherwise it waits its back-off.</summary>
[AllowedRoles]
public sealed record RecordMailFailure(Guid OutboxId, string Reason, bool Permanent, DateTime AtUtc) : ICommand<OutboxStatus>;

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

internal sealed class RecordMailAcceptedHandler(CaseDeskDb db, ClockBook clocks) : IRequestHandler<RecordMailAccepted, bool>
{
    public async Task<bool> Handle(RecordMailAccepted request, CancellationToken ct)
    {
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == request.OutboxId, ct)
            ?? throw new NotFoundException(nameof(OutboxMessage), request.OutboxId);
        if (message.Status == OutboxStatus.Sent)
            return false;
        message.MarkSent(request.AcceptedAtUtc);
        if (message.SourceKind == ReplyToEmailHandler.SourceKind)
        {
            var email = await db.EmailEnquiries.SingleOrDefaultAsync(e => e.Id == message.SourceId, ct);
            // An e-mail erased since the reply was queued has nothing left to close.
            if (email is not null)
            {
                email.ReplyAccepted(request.AcceptedAtUtc);
                await clocks.StopAsync(ClockKind.EmailReply, email.Id, request.AcceptedAtUtc, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}

internal sealed class RecordMailFailureHandler(CaseDeskDb db) : IRequestHandler<RecordMailFailure, OutboxStatus>
{
    public async Task<OutboxStatus> Handle(RecordMailFailure request, CancellationToken ct)
    {
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == request.OutboxId, ct)
            ?? throw new NotFoundException(nameof(OutboxMessage), request.OutboxId);
        if (message.Status != OutboxStatus.Pending)
            return message.Status;
        message.RecordFailure(request.Reason, request.Permanent, request.AtUtc);
        await db.SaveChangesAsync(ct);
        return message.Status;
    }
}
