namespace CaseDesk.Domain.Mail;

public enum OutboxStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending = 1,
    /// <summary>The mail server accepted it (or it was written to the pick-up folder).</summary>
    Sent = 2,
    /// <summary>Refused for good (a 5xx reply) or out of attempts; waits for someone to try again.</summary>
    Failed = 3,
}

/// <summary>
/// One e-mail to a client, queued in the transaction of the change that wrote it and delivered later by the app's
/// sender. Its Message-Id is fixed when queued, so every attempt (and a resend after a crash) carries the same one.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    internal OutboxMessage(Guid id, string toAddress, string? toName, string subject, string textBody, string messageId,
        string? inReplyTo, string? references, string sourceKind, Guid sourceId, string createdBy, DateTime createdAtUtc)
    {
        Id = id;
        ToAddress = toAddress.Trim();
        ToName = string.IsNullOrWhiteSpace(toName) ? null : toName.Trim();
        Subject = subject;
        TextBody = textBody;
        MessageId = messageId;
        InReplyTo = inReplyTo;
        References = references;
        SourceKind = sourceKind;
        SourceId = sourceId;
        CreatedByUserId = createdBy;
        CreatedAtUtc = createdAtUtc;
        Status = OutboxStatus.Pending;
        NextAttemptAtUtc = createdAtUtc;
    }

    public Guid Id { get; private set; }
    public string ToAddress { get; private set; } = "";
    public string? ToName { get; private set; }
    public string Subject { get; private set; } = "";
    /// <summary>The whole text as sent: the answer, the signature and the quote the composer added.</summary>
    public string TextBody { get; private set; } = "";
    /// <summary>Without angle brackets.</summary>
    public string MessageId { get; private set; } = "";
    public string? InReplyTo { get; private set; }
    /// <summary>Message ids without angle brackets, space separated, oldest first.</summary>
    public string? References { get; private set; }
    /// <summary>What the message belongs to (e.g. "EmailEnquiry") and its id: what the outcome is reported to.</summary>
    public string SourceKind { get; private set; } = "";
    public Guid SourceId { get; private set; }
    public string CreatedByUserId { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime? NextAttemptAtUtc { get; private set; }
    /// <summary>The mail server's reply (or the connection error) of the last failed attempt; never a setting or password.</summary>
    public string? LastError { get; private set; }
    public DateTime? LastAttemptAtUtc { get; private set; }
    /// <summary>When the mail server accepted it.</summary>
    public DateTime? SentAtUtc { get; private set; }

    public void MarkSent(DateTime acceptedAtUtc)
    {
        Attempts++;
        Status = OutboxStatus.Sent;
        SentAtUtc = acceptedAtUtc;
        LastAttemptAtUtc = acceptedAtUtc;
        NextAttemptAtUtc = null;
    }

    /// <summary>A failed attempt: permanent (5xx) or the last allowed one fails the message; otherwise the next attempt waits its back-off.</summary>
    public void RecordFailure(string reason, bool permanent, DateTime atUtc)
    {
        Attempts++;
        LastAttemptAtUtc = atUtc;
        LastError = reason.Length <= Outbox.ErrorLength ? reason : reason[..(Outbox.ErrorLength - 1)] + "…";
        if (permanent || Attempts >= Outbox.MaxAttempts)
        {
            Status = OutboxStatus.Failed;
            NextAttemptAtUtc = null;
        }
        else
        {
            NextAttemptAtUtc = atUtc + Outbox.BackOff(Attempts);
        }
    }

    /// <summary>
    /// A message whose text must not stay in the database once it has gone or cannot go (a visitor's tracking code,
    /// <see cref="Public.PublicCodeMail"/>): the text is blanked, the row and its outcome stay.
    /// </summary>
    public void ForgetText() => TextBody = Privacy.Anonymization.Redacted;

    /// <summary>Someone asked to try a failed message again: a fresh round of attempts, same Message-Id.</summary>
    public void Retry(DateTime atUtc)
    {
        if (Status != OutboxStatus.Failed)
            throw new InvalidOperationException($"Only a failed message is tried again; this one is {Status}.");
        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAtUtc = atUtc;
    }
}
