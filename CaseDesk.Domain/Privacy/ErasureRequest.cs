using CaseDesk.Domain.Common;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Privacy;

public enum ErasureStatus
{
    Requested = 1,
    Refused = 2,
    /// <summary>Approved and carried out: the client's record is anonymized.</summary>
    Executed = 3,
}

/// <summary>GDPR art. 17(1): the ground on which the client's data is to be erased.</summary>
public enum ErasureGround
{
    ClientRequest = 1,
    NoLongerNeeded = 2,
    ConsentWithdrawn = 3,
    Objection = 4,
    UnlawfullyProcessed = 5,
    LegalObligation = 6,
}

/// <summary>
/// A request to erase a client's personal data by anonymizing the record. Four eyes: someone other
/// than the requester approves or refuses (with a "because", 9.1). Once executed, the request keeps
/// who and when and the ground, but its free-text reason is redacted like the record it erased.
/// </summary>
public sealed class ErasureRequest : IVersioned
{
    private ErasureRequest() { }

    public ErasureRequest(Guid id, Guid clientId, ErasureGround ground, string reason, DateTime requestedAtUtc, string requestedBy)
    {
        Id = id; ClientId = clientId; Ground = ground; Reason = reason.Trim(); RequestedAtUtc = requestedAtUtc; RequestedByUserId = requestedBy;
        Status = ErasureStatus.Requested;
    }

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public ErasureGround Ground { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTime RequestedAtUtc { get; private set; }
    public string RequestedByUserId { get; private set; } = "";
    public ErasureStatus Status { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public string? RefusalBecause { get; private set; }
    public DateTime? ExecutedAtUtc { get; private set; }
    /// <summary>How many records were anonymized, per kind ("Contacts=4; Emails=1"): counts, no content.</summary>
    public string? ExecutionSummary { get; private set; }
    public Guid Version { get; set; }

    public void Refuse(string because, DateTime atUtc, string by)
    {
        EnsureDecidable(by);
        if (string.IsNullOrWhiteSpace(because))
            throw new DomainRefusalException(T("Say why the erasure is refused (\"because ...\"), because the client must be told the reason."));
        Status = ErasureStatus.Refused;
        RefusalBecause = because.Trim();
        DecidedAtUtc = atUtc;
        DecidedByUserId = by;
    }

    public void EnsureDecidable(string by)
    {
        if (Status != ErasureStatus.Requested)
            throw new DomainRefusalException(T("This request was already decided."));
        if (by == RequestedByUserId)
            throw new DomainRefusalException(T("You cannot decide your own erasure request, because a second person must check it (four eyes)."));
    }

    /// <summary>Approved and carried out in one step; the reason text goes, the ground and the counts stay.</summary>
    public void Executed(DateTime atUtc, string by, string summary)
    {
        EnsureDecidable(by);
        Status = ErasureStatus.Executed;
        DecidedAtUtc = atUtc;
        DecidedByUserId = by;
        ExecutedAtUtc = atUtc;
        ExecutionSummary = summary;
        Reason = Anonymization.Redacted;
    }
}
