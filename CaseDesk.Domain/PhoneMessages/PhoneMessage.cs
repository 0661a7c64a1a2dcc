using CaseDesk.Domain.Common;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.PhoneMessages;

/// <summary>
/// Section 10: a call for an absent colleague, written down with the date and time of the call,
/// the caller's name, organisation and position, phone number and a detailed message. It waits in
/// the addressee's "My work" until the call-back is logged as a contact.
/// </summary>
public sealed class PhoneMessage : IVersioned
{
    private PhoneMessage() { }

    public PhoneMessage(Guid id, DateTime calledAtUtc, string callerName, string? organisation, string? position, string phone,
        string message, string addresseeUserId, string takenByUserId, Guid? clientId, Guid? caseId, DateTime recordedAtUtc)
    {
        Id = id;
        CalledAtUtc = calledAtUtc;
        CallerName = callerName.Trim();
        Organisation = organisation?.Trim();
        Position = position?.Trim();
        Phone = phone.Trim();
        Message = message.Trim();
        AddresseeUserId = addresseeUserId;
        TakenByUserId = takenByUserId;
        ClientId = clientId;
        CaseId = caseId;
        RecordedAtUtc = recordedAtUtc;
        SearchKey = SearchKeyOf(CallerName, Organisation);
    }

    /// <summary>What the list search matches: caller and organisation, folded like the client search (ž→z, Ž→z).</summary>
    public static string SearchKeyOf(string callerName, string? organisation) => Clients.Client.SearchKey($"{callerName} {organisation}");

    /// <summary>For rows written before the key existed (filled at start-up).</summary>
    public void RefreshSearchKey() => SearchKey = SearchKeyOf(CallerName, Organisation);

    public Guid Id { get; private set; }
    public DateTime CalledAtUtc { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public string CallerName { get; private set; } = "";
    public string? Organisation { get; private set; }
    public string? Position { get; private set; }
    public string Phone { get; private set; } = "";
    public string Message { get; private set; } = "";
    public string SearchKey { get; private set; } = "";
    public string AddresseeUserId { get; private set; } = "";
    public string TakenByUserId { get; private set; } = "";
    public Guid? ClientId { get; private set; }
    public Guid? CaseId { get; private set; }
    public DateTime? CalledBackAtUtc { get; private set; }
    public Guid? CallBackContactId { get; private set; }
    /// <summary>Who was called back when the caller is not a registered client (a relative, an organisation, an anonymous caller).</summary>
    public string? CalledBackWho { get; private set; }
    public string? CallBackSummary { get; private set; }
    /// <summary>When that call-back happened; a client's call-back keeps its time on the contact instead.</summary>
    public DateTime? CallBackOccurredAtUtc { get; private set; }
    public Guid Version { get; set; }

    public bool IsOpen => CalledBackAtUtc is null;

    /// <summary>A called-back message is closed: its contact is on the client's record and must stay as it was.</summary>
    public void EnsureOpen()
    {
        if (!IsOpen)
            throw new DomainRefusalException(T("The message is closed, because the caller was already called back."));
    }

    public void Forward(string addresseeUserId)
    {
        EnsureOpen();
        if (addresseeUserId == AddresseeUserId)
            throw new DomainRefusalException(T("The message was not forwarded, because it is already addressed to this employee."));
        AddresseeUserId = addresseeUserId;
    }

    public void LinkClient(Guid clientId, Guid? caseId)
    {
        EnsureOpen();
        // Another client's case would put the call-back on the wrong record.
        CaseId = caseId ?? (clientId == ClientId ? CaseId : null);
        ClientId = clientId;
    }

    public void CalledBack(Guid contactId, DateTime atUtc)
    {
        EnsureOpen();
        if (ClientId is null)
            throw new DomainRefusalException(T("Link the message to a client first, because the call-back is logged on the client's record."));
        CalledBackAtUtc = atUtc;
        CallBackContactId = contactId;
    }

    /// <summary>
    /// The caller is not a registered client, so there is no record to put a contact on: the message
    /// keeps who was called and what was said, and closes. Inventing a client for it would be worse.
    /// </summary>
    public void CalledBackWithoutClient(string who, string summary, DateTime occurredAtUtc, DateTime atUtc)
    {
        EnsureOpen();
        if (ClientId is not null)
            throw new DomainRefusalException(T("The call-back was not logged without a client, because the message is linked to a client: log it on the client's record."));
        CalledBackAtUtc = atUtc;
        CalledBackWho = who.Trim();
        CallBackSummary = summary.Trim();
        CallBackOccurredAtUtc = occurredAtUtc;
    }
}
