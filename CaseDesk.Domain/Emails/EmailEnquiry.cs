using CaseDesk.Domain.Common;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Emails;

public enum EmailStatus
{
    /// <summary>Not yet matched to a client.</summary>
    Unmatched = 1,
    Open = 2,
    Answered = 3,
    /// <summary>A reply is queued (or failed and waits to be tried again): the reply clock runs until the mail server accepts it.</summary>
    ReplySending = 4,
}

/// <summary>Section 11: an e-mail to the department. Every e-mail is answered, by e-mail, as fast as possible.</summary>
public sealed class EmailEnquiry : IVersioned
{
    private EmailEnquiry() { }

    public EmailEnquiry(Guid id, DateTime receivedAtUtc, string fromAddress, string? fromName, string subject, string body,
        Guid? clientId, Guid? caseId, string? assignedToUserId, string registeredBy, DateTime recordedAtUtc)
    {
        Id = id;
        ReceivedAtUtc = receivedAtUtc;
        FromAddress = fromAddress.Trim();
        FromName = fromName?.Trim();
        Subject = subject.Trim();
        Body = body;
        ClientId = clientId;
        CaseId = caseId;
        AssignedToUserId = assignedToUserId;
        RegisteredByUserId = registeredBy;
        RecordedAtUtc = recordedAtUtc;
        Status = clientId is null ? EmailStatus.Unmatched : EmailStatus.Open;
        SearchKey = SearchKeyOf(FromName, FromAddress, Subject);
    }

    /// <summary>What the list search matches: sender's name and address and the subject, folded like the client search (ž→z, Ž→z).</summary>
    public static string SearchKeyOf(string? fromName, string fromAddress, string subject) => Clients.Client.SearchKey($"{fromName} {fromAddress} {subject}");

    /// <summary>For rows written before the key existed (filled at start-up).</summary>
    public void RefreshSearchKey() => SearchKey = SearchKeyOf(FromName, FromAddress, Subject);

    public Guid Id { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public string FromAddress { get; private set; } = "";
    public string? FromName { get; private set; }
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string SearchKey { get; private set; } = "";
    public Guid? ClientId { get; private set; }
    public Guid? CaseId { get; private set; }
    public string? AssignedToUserId { get; private set; }
    public string RegisteredByUserId { get; private set; } = "";
    public EmailStatus Status { get; private set; }
    public DateTime? RepliedAtUtc { get; private set; }
    public string? RepliedByUserId { get; private set; }
    public string? ReplySubject { get; private set; }
    public string? ReplyBody { get; private set; }
    /// <summary>The signature block of section 11 as sent: unit, position, name, surname, phone.</summary>
    public string? ReplySignature { get; private set; }
    public Guid? ReplyContactId { get; private set; }
    /// <summary>The queued reply in the outbox; <see cref="RepliedAtUtc"/> is set when the mail server accepted it.</summary>
    public Guid? ReplyOutboxId { get; private set; }
    /// <summary>The configured mailbox the e-mail was fetched from; null when staff typed it in.</summary>
    public string? Mailbox { get; private set; }
    /// <summary>The incoming Message-Id (without angle brackets), for de-duplication and for threading the reply.</summary>
    public string? MessageId { get; private set; }
    /// <summary>The incoming References chain (message ids, space separated), continued by the reply.</summary>
    public string? ThreadReferences { get; private set; }
    public Guid Version { get; set; }

    /// <summary>Where a fetched e-mail came from: its mailbox and the ids that thread the reply under it.</summary>
    public void SetOrigin(string mailbox, string? messageId, string? threadReferences)
    {
        Mailbox = mailbox;
        MessageId = string.IsNullOrWhiteSpace(messageId) ? null : messageId.Trim();
        ThreadReferences = string.IsNullOrWhiteSpace(threadReferences) ? null : threadReferences.Trim();
    }

    public void EnsureNotAnswered()
    {
        if (Status == EmailStatus.Answered)
            throw new DomainRefusalException(T("The e-mail is closed, because it was already answered."));
    }

    public void EnsureNoReplyInFlight()
    {
        if (Status == EmailStatus.ReplySending)
            throw new DomainRefusalException(T("A reply to this e-mail is already on its way, because it was queued for sending. Wait for it, or try it again if it failed."));
    }

    public void Match(Guid clientId, Guid? caseId, string? assignedTo)
    {
        EnsureNotAnswered();
        EnsureNoReplyInFlight();
        ClientId = clientId;
        CaseId = caseId;
        AssignedToUserId = assignedTo ?? AssignedToUserId;
        Status = EmailStatus.Open;
    }

    public void Assign(string userId)
    {
        EnsureNotAnswered();
        AssignedToUserId = userId;
    }

    /// <summary>
    /// The reply is written fresh: refused when it carries the incoming text or quoted internal
    /// correspondence, because internal history must never reach the client (section 11). Queued, not answered:
    /// the e-mail is answered when the mail server accepts the reply (<see cref="ReplyAccepted"/>).
    /// </summary>
    public void QueueReply(string subject, string body, string signature, Guid contactId, Guid outboxId, string by)
    {
        EnsureCanReply(body);
        ReplySubject = subject.Trim();
        ReplyBody = body.Trim();
        ReplySignature = signature;
        ReplyContactId = contactId;
        ReplyOutboxId = outboxId;
        RepliedByUserId = by;
        Status = EmailStatus.ReplySending;
    }

    /// <summary>A reply sent outside CaseDesk's outbox (the demo's history): answered at once.</summary>
    public void Reply(string subject, string body, string signature, Guid contactId, DateTime atUtc, string by)
    {
        EnsureCanReply(body);
        (ReplySubject, ReplyBody, ReplySignature, ReplyContactId, RepliedByUserId) = (subject.Trim(), body.Trim(), signature, contactId, by);
        RepliedAtUtc = atUtc;
        Status = EmailStatus.Answered;
    }

    /// <summary>A failed reply goes out again; the e-mail itself changes only in its version, so a page showing the failure is stale.</summary>
    public void ReplyRetried() => Version = Guid.NewGuid();

    /// <summary>The mail server accepted the reply: the e-mail is answered at that moment.</summary>
    public void ReplyAccepted(DateTime acceptedAtUtc)
    {
        if (Status != EmailStatus.ReplySending)
            return;
        RepliedAtUtc = acceptedAtUtc;
        Status = EmailStatus.Answered;
    }

    /// <summary>The checks of <see cref="QueueReply"/>, run before the reply's contact is written.</summary>
    public void EnsureCanReply(string body)
    {
        EnsureNotAnswered();
        EnsureNoReplyInFlight();
        if (ClientId is null)
            throw new DomainRefusalException(T("Match the e-mail to a client first, because the reply is recorded on the client's record."));
        if (CarriesThread(body, Body))
            throw new DomainRefusalException(T("The reply cannot be sent, because it quotes earlier correspondence. Write the answer fresh, without the internal thread."));
    }

    private static readonly string[] ThreadMarkers =
    [
        "-----Original Message-----", "----- Original Message -----", "-----Pradinis laiškas-----", "Persiųstas laiškas",
        "Forwarded message", "\nFrom:", "\nNuo:", "\nSent:", "\nSiųsta:",
    ];

    public static bool CarriesThread(string reply, string incoming)
    {
        var text = "\n" + reply.Replace("\r\n", "\n");
        if (ThreadMarkers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)))
            return true;
        if (text.Split('\n').Any(line => line.TrimStart().StartsWith('>')))
            return true;
        // A long stretch of the incoming e-mail pasted back counts as quoting it.
        var incomingText = incoming.Replace("\r\n", "\n").Trim();
        const int window = 80;
        if (incomingText.Length < window)
            return incomingText.Length >= 30 && text.Contains(incomingText, StringComparison.Ordinal);
        for (var i = 0; i + window <= incomingText.Length; i += window / 2)
        {
            if (text.Contains(incomingText.Substring(i, window), StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
