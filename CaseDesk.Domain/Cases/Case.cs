using CaseDesk.Domain.Common;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Cases;

public enum CaseStatus
{
    /// <summary>Opened (often by reception), not yet with a caseworker.</summary>
    Registered = 1,
    /// <summary>Routed to a caseworker who administers it.</summary>
    Assigned = 2,
    /// <summary>The service is being delivered.</summary>
    ServiceStarted = 3,
    Closed = 4,
}

public enum CaseOutcome
{
    ServiceGranted = 1,
    ServiceRefused = 2,
    Withdrawn = 3,
    ReferredElsewhere = 4,
    InformationOnly = 5,
}

/// <summary>A client's request for a service, from first contact to its outcome.</summary>
public sealed class Case : IVersioned
{
    private readonly List<CaseStatusChange> history = [];

    private Case() { }

    public Case(Guid id, string number, Guid clientId, string serviceRequested, Guid unitId, DateTime openedAtUtc, string openedBy, DateTime dueAtUtc)
    {
        Id = id;
        Number = number;
        ClientId = clientId;
        ServiceRequested = serviceRequested.Trim();
        ServiceKey = Clients.Client.SearchKey(ServiceRequested);
        UnitId = unitId;
        OpenedAtUtc = openedAtUtc;
        OpenedByUserId = openedBy;
        DueAtUtc = dueAtUtc;
        Status = CaseStatus.Registered;
        history.Add(new CaseStatusChange(Id, openedAtUtc, openedBy, null, CaseStatus.Registered, null, null));
    }

    /// <summary>Fills the key of a case stored before migration CaseAndTrainingSearchKeys.</summary>
    public void RefreshSearchKey() => ServiceKey = Clients.Client.SearchKey(ServiceRequested);

    public Guid Id { get; private set; }
    /// <summary>Human reference, e.g. "SP-2026-000123".</summary>
    public string Number { get; private set; } = "";
    public Guid ClientId { get; private set; }
    public string ServiceRequested { get; private set; } = "";
    /// <summary>The service folded for search (lower case, no diacritics): finds "pašalpa" by "pasalpa" on SQLite and PostgreSQL alike.</summary>
    public string ServiceKey { get; private set; } = "";
    public Guid UnitId { get; private set; }
    public CaseStatus Status { get; private set; }
    public string? AssignedToUserId { get; private set; }
    public DateTime OpenedAtUtc { get; private set; }
    public string OpenedByUserId { get; private set; } = "";
    /// <summary>When the next action on the case is due; the caseworker's list is sorted by it.</summary>
    public DateTime DueAtUtc { get; private set; }
    public DateTime? ServiceStartedAtUtc { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public CaseOutcome? Outcome { get; private set; }
    public string? OutcomeNote { get; private set; }
    public Guid Version { get; set; }

    public IReadOnlyList<CaseStatusChange> History => history;

    public bool IsClosed => Status == CaseStatus.Closed;

    public void Assign(string caseworkerId, Guid unitId, DateTime atUtc, string by, string? note)
    {
        EnsureOpen();
        if (AssignedToUserId == caseworkerId)
            throw new DomainRefusalException(T("The case is already with this caseworker."));
        var from = Status;
        AssignedToUserId = caseworkerId;
        UnitId = unitId;
        if (Status == CaseStatus.Registered)
            Status = CaseStatus.Assigned;
        history.Add(new CaseStatusChange(Id, atUtc, by, from, Status, caseworkerId, note));
    }

    public void Reschedule(DateTime dueAtUtc)
    {
        EnsureOpen();
        DueAtUtc = dueAtUtc;
    }

    public void StartService(DateTime atUtc, string by)
    {
        EnsureOpen();
        if (AssignedToUserId is null)
            throw new DomainRefusalException(T("The service cannot start, because the case has no caseworker yet."));
        if (Status == CaseStatus.ServiceStarted)
            throw new DomainRefusalException(T("The service has already started."));
        ServiceStartedAtUtc = atUtc;
        history.Add(new CaseStatusChange(Id, atUtc, by, Status, CaseStatus.ServiceStarted, AssignedToUserId, null));
        Status = CaseStatus.ServiceStarted;
    }

    /// <summary>Closing with promises still open is refused: commitment VIII says every promise is kept or the client told.</summary>
    public void Close(CaseOutcome outcome, string? note, int openPromises, DateTime atUtc, string by)
    {
        EnsureOpen();
        if (openPromises > 0)
            throw new DomainRefusalException(T("The case cannot be closed, because {0} promise(s) to the client are still open. Mark them done or tell the client what changed.", openPromises));
        if (outcome == CaseOutcome.ServiceRefused && string.IsNullOrWhiteSpace(note))
            throw new DomainRefusalException(T("A refusal must say why (\"because ...\"): write the reason in the note."));
        Outcome = outcome;
        OutcomeNote = note?.Trim();
        ClosedAtUtc = atUtc;
        history.Add(new CaseStatusChange(Id, atUtc, by, Status, CaseStatus.Closed, AssignedToUserId, note));
        Status = CaseStatus.Closed;
    }

    public void EnsureOpen()
    {
        if (IsClosed)
            throw new DomainRefusalException(T("The case is closed, so it cannot be changed."));
    }
}

/// <summary>Who moved the case, when, from which status to which, and to whom.</summary>
public sealed class CaseStatusChange
{
    private CaseStatusChange() { }

    public CaseStatusChange(Guid caseId, DateTime atUtc, string byUserId, CaseStatus? from, CaseStatus to, string? assignedTo, string? note)
    {
        Id = Guid.CreateVersion7();
        CaseId = caseId;
        AtUtc = atUtc;
        ByUserId = byUserId;
        From = from;
        To = to;
        AssignedToUserId = assignedTo;
        Note = note;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string ByUserId { get; private set; } = "";
    public CaseStatus? From { get; private set; }
    public CaseStatus To { get; private set; }
    public string? AssignedToUserId { get; private set; }
    public string? Note { get; private set; }
}
