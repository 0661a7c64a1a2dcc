using CaseDesk.Domain.Common;

namespace CaseDesk.Domain.Contacts;

public enum ContactChannel
{
    PhoneIn = 1,
    PhoneOut = 2,
    EmailIn = 3,
    EmailOut = 4,
    OfficeVisit = 5,
    HomeVisit = 6,
    Letter = 7,
    WebsiteForm = 8,
    SocialNetwork = 9,
}

public enum ContactDirection
{
    FromClient = 1,
    ToClient = 2,
    FaceToFace = 3,
}

/// <summary>One contact with a client, on the touchpoint of the standard where it happened, with the closing summary of 8.4.</summary>
public sealed class Contact : IVersioned
{
    private Contact() { }

    public Contact(Guid id, Guid clientId, Guid? caseId, int touchpoint, ContactChannel channel, ContactDirection direction,
        DateTime occurredAtUtc, string employeeUserId, string summary, DateTime recordedAtUtc)
    {
        Id = id;
        ClientId = clientId;
        CaseId = caseId;
        Touchpoint = touchpoint;
        Channel = channel;
        Direction = direction;
        OccurredAtUtc = occurredAtUtc;
        EmployeeUserId = employeeUserId;
        Summary = summary.Trim();
        RecordedAtUtc = recordedAtUtc;
    }

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid? CaseId { get; private set; }
    /// <summary>1-10, the touchpoints of section 5.</summary>
    public int Touchpoint { get; private set; }
    public ContactChannel Channel { get; private set; }
    public ContactDirection Direction { get; private set; }
    public DateTime OccurredAtUtc { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public string EmployeeUserId { get; private set; } = "";
    public string Summary { get; set; } = "";
    // 8.4: what was discussed, decided, done, what happens next, and the next meeting.
    public string? Discussed { get; set; }
    public string? Decided { get; set; }
    public string? Done { get; set; }
    public string? NextStep { get; set; }
    public DateTime? NextMeetingAtUtc { get; set; }
    public string? NextMeetingPlace { get; set; }
    /// <summary>What this contact answered, if anything: a phone message, an e-mail, a visit.</summary>
    public string? SourceKind { get; set; }
    public Guid? SourceId { get; set; }
    public Guid Version { get; set; }
}

/// <summary>Something promised to the client (10: "every promise made on the phone is checked off").</summary>
public sealed class Promise : IVersioned
{
    private Promise() { }

    public Promise(Guid id, Guid clientId, Guid? caseId, Guid? contactId, string text, DateTime dueAtUtc, string ownerUserId, DateTime createdAtUtc)
    {
        Id = id;
        ClientId = clientId;
        CaseId = caseId;
        ContactId = contactId;
        Text = text.Trim();
        DueAtUtc = dueAtUtc;
        OwnerUserId = ownerUserId;
        CreatedAtUtc = createdAtUtc;
    }

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid? CaseId { get; private set; }
    public Guid? ContactId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTime DueAtUtc { get; private set; }
    public string OwnerUserId { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? DoneAtUtc { get; private set; }
    public string? DoneByUserId { get; private set; }
    public string? DoneNote { get; private set; }
    public Guid Version { get; set; }

    public bool IsOpen => DoneAtUtc is null;

    public void CheckOff(DateTime atUtc, string by, string? note)
    {
        if (!IsOpen)
            throw new DomainRefusalException(DomainText.T("This promise was already checked off."));
        DoneAtUtc = atUtc;
        DoneByUserId = by;
        DoneNote = note?.Trim();
    }
}
