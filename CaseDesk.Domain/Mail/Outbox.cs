using CaseDesk.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Mail;

/// <summary>
/// The outgoing mail queue (docs/mail.md). A command queues a message with <see cref="Enqueue"/> before its own SaveChanges,
/// so the message exists exactly when the change does; the app's sender delivers it and reports the outcome back through
/// <see cref="RecordMailAccepted"/> or <see cref="RecordMailFailure"/>. Nothing is sent from a request.
/// </summary>
public static class Outbox
{
    public const int MaxAttempts = 10;
    public const int ErrorLength = 1000;

    /// <summary>The right-hand side of the Message-Ids CaseDesk makes: unique per message by the id on its left.</summary>
    public const string MessageIdHost = "casedesk";

    private static readonly TimeSpan[] Waits =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60)];

    /// <summary>How long to wait after the n-th failed attempt: 1, 2, 5, 15, 30 minutes, then every hour.</summary>
    public static TimeSpan BackOff(int failedAttempts) => Waits[Math.Clamp(failedAttempts, 1, Waits.Length) - 1];

    public static IQueryable<OutboxMessage> Messages(CaseDeskDb db) => db.Set<OutboxMessage>();

    /// <summary>
    /// Erasure and retention of what the messages belong to: their addresses and texts are blanked in place (the row stays, so a
    /// reply's history still says when it was sent), and a message not yet sent will not be, failing with the reason "erased".
    /// </summary>
    public static Task<int> RedactAsync(CaseDeskDb db, string sourceKind, IQueryable<Guid> sourceIds, CancellationToken ct) =>
        db.Set<OutboxMessage>().Where(m => m.SourceKind == sourceKind && sourceIds.Contains(m.SourceId)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ToAddress, "")
            .SetProperty(m => m.ToName, (string?)null)
            .SetProperty(m => m.Subject, Privacy.Anonymization.Redacted)
            .SetProperty(m => m.TextBody, Privacy.Anonymization.Redacted)
            .SetProperty(m => m.LastError, m => m.Status == OutboxStatus.Sent && m.LastError == null ? null : Privacy.Anonymization.Redacted)
            .SetProperty(m => m.NextAttemptAtUtc, m => m.Status == OutboxStatus.Sent ? m.NextAttemptAtUtc : null)
            .SetProperty(m => m.Status, m => m.Status == OutboxStatus.Sent ? OutboxStatus.Sent : OutboxStatus.Failed), ct);

    /// <summary>Adds a message to the change tracker; it is written by the caller's SaveChanges, in the caller's transaction.</summary>
    public static OutboxMessage Enqueue(CaseDeskDb db, string toAddress, string? toName, string subject, string textBody,
        string? inReplyTo, string? references, string sourceKind, Guid sourceId, string createdBy, DateTime nowUtc)
    {
        var id = Guid.CreateVersion7();
        var message = new OutboxMessage(id, toAddress, toName, subject, textBody, $"{id:N}@{MessageIdHost}", inReplyTo, references,
            sourceKind, sourceId, createdBy, nowUtc);
        db.Set<OutboxMessage>().Add(message);
        return message;
    }
}
