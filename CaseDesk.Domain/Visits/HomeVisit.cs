using CaseDesk.Domain.Common;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Visits;

public enum VisitStatus
{
    /// <summary>Offered to the client; no time agreed yet.</summary>
    Offered = 1,
    Agreed = 2,
    Done = 3,
    Cancelled = 4,
}

/// <summary>
/// Touchpoint 7: a specialist's visit to the client's home. The time is agreed as early as
/// possible (unless it is an inspection or a complaint check), the specialist arrives at the
/// agreed time, and a change is told to the client before the agreed time (commitment VIII).
/// </summary>
public sealed class HomeVisit : IVersioned
{
    private readonly List<VisitReschedule> reschedules = [];

    private HomeVisit() { }

    public HomeVisit(Guid id, Guid caseId, Guid clientId, string caseworkerUserId, string purpose, bool isInspection,
        DateTime offeredAtUtc, string offeredBy)
    {
        Id = id;
        CaseId = caseId;
        ClientId = clientId;
        CaseworkerUserId = caseworkerUserId;
        Purpose = purpose.Trim();
        IsInspection = isInspection;
        OfferedAtUtc = offeredAtUtc;
        OfferedByUserId = offeredBy;
        Status = VisitStatus.Offered;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid ClientId { get; private set; }
    public string CaseworkerUserId { get; private set; } = "";
    /// <summary>9.6: a second employee goes along when the client is flagged.</summary>
    public string? SecondEmployeeUserId { get; private set; }
    public string Purpose { get; private set; } = "";
    /// <summary>An inspection or complaint check: the time need not suit the client.</summary>
    public bool IsInspection { get; private set; }
    public DateTime OfferedAtUtc { get; private set; }
    public string OfferedByUserId { get; private set; } = "";
    public DateTime? AgreedAtUtc { get; private set; }
    public DateTime? AgreedStartUtc { get; private set; }
    public DateTime? AgreedEndUtc { get; private set; }
    public DateTime? ArrivedAtUtc { get; private set; }
    public DateTime? DepartedAtUtc { get; private set; }
    public VisitStatus Status { get; private set; }
    public string? CancelReason { get; private set; }
    public Guid? ContactId { get; private set; }
    public Guid Version { get; set; }

    public IReadOnlyList<VisitReschedule> Reschedules => reschedules;

    /// <summary>Minutes late on arrival (negative when early); null until the arrival is recorded.</summary>
    public double? ArrivalDelayMinutes => ArrivedAtUtc is { } arrived && AgreedStartUtc is { } agreed ? (arrived - agreed).TotalMinutes : null;

    /// <param name="clientMeetsTwoEmployees">9.6: the client is flagged to be met by two employees.</param>
    public void Agree(DateTime startUtc, DateTime endUtc, string? secondEmployee, bool clientMeetsTwoEmployees, DateTime nowUtc)
    {
        EnsureActive();
        if (Status != VisitStatus.Offered)
            throw new DomainRefusalException(T("A time cannot be agreed again, because one is already agreed; reschedule the visit instead."));
        if (clientMeetsTwoEmployees && string.IsNullOrEmpty(secondEmployee))
            throw new DomainRefusalException(T("Choose a second employee, because this client is to be met by two employees (standard 9.6)."));
        if (secondEmployee is not null && secondEmployee == CaseworkerUserId)
            throw new DomainRefusalException(T("The second employee must be someone other than the visiting caseworker."));
        CheckTimes(startUtc, endUtc, nowUtc);
        AgreedStartUtc = startUtc;
        AgreedEndUtc = endUtc;
        AgreedAtUtc = nowUtc;
        SecondEmployeeUserId = secondEmployee;
        Status = VisitStatus.Agreed;
    }

    /// <summary>Moves an agreed visit; records when and how the client was told.</summary>
    public void Reschedule(DateTime newStartUtc, DateTime newEndUtc, string reason, DateTime clientToldAtUtc, string clientToldHow,
        DateTime nowUtc, string by)
    {
        EnsureActive();
        if (Status != VisitStatus.Agreed)
            throw new DomainRefusalException(T("The visit cannot be rescheduled, because no time has been agreed for it yet; agree a time first."));
        if (ArrivedAtUtc is not null)
            throw new DomainRefusalException(T("The visit cannot be moved, because the arrival is already recorded."));
        if (clientToldAtUtc > nowUtc.AddMinutes(1))
            throw new DomainRefusalException(T("The time the client was told cannot be in the future."));
        CheckTimes(newStartUtc, newEndUtc, nowUtc);
        reschedules.Add(new VisitReschedule
        {
            Id = Guid.CreateVersion7(), VisitId = Id, RecordedAtUtc = nowUtc, ByUserId = by,
            PreviousStartUtc = AgreedStartUtc!.Value, NewStartUtc = newStartUtc, Reason = reason.Trim(),
            ClientToldAtUtc = clientToldAtUtc, ClientToldHow = clientToldHow.Trim(),
            ToldBeforeAgreedTime = clientToldAtUtc < AgreedStartUtc!.Value,
        });
        AgreedStartUtc = newStartUtc;
        AgreedEndUtc = newEndUtc;
    }

    public void RecordArrival(DateTime arrivedUtc, DateTime nowUtc)
    {
        EnsureActive();
        if (Status != VisitStatus.Agreed)
            throw new DomainRefusalException(T("The arrival cannot be recorded, because no time has been agreed for the visit yet."));
        if (arrivedUtc > nowUtc.AddMinutes(1))
            throw new DomainRefusalException(T("The arrival cannot be recorded in advance, because it must say when the specialist really arrived."));
        ArrivedAtUtc = arrivedUtc;
    }

    public void RecordDeparture(DateTime departedUtc, Guid contactId, DateTime nowUtc)
    {
        CheckDeparture(departedUtc, nowUtc);
        DepartedAtUtc = departedUtc;
        ContactId = contactId;
        Status = VisitStatus.Done;
    }

    /// <summary>Refuses a departure that cannot be recorded, before the visit's contact is written.</summary>
    public void CheckDeparture(DateTime departedUtc, DateTime nowUtc)
    {
        EnsureActive();
        if (ArrivedAtUtc is null)
            throw new DomainRefusalException(T("Record the arrival first, because the visit's length is counted from it."));
        if (departedUtc < ArrivedAtUtc)
            throw new DomainRefusalException(T("The departure cannot be before the arrival, because the visit's length is counted from the arrival."));
        if (departedUtc > nowUtc.AddMinutes(1))
            throw new DomainRefusalException(T("The departure cannot be recorded in advance, because it must say when the specialist really left."));
    }

    public void Cancel(string reason)
    {
        EnsureActive();
        if (ArrivedAtUtc is not null)
            throw new DomainRefusalException(T("The visit cannot be cancelled, because the arrival is already recorded; record the departure instead."));
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRefusalException(T("Say why the visit is cancelled, because the client must be told the reason."));
        CancelReason = reason.Trim();
        Status = VisitStatus.Cancelled;
    }

    private void EnsureActive()
    {
        if (Status is VisitStatus.Done or VisitStatus.Cancelled)
            throw new DomainRefusalException(T("The visit cannot be changed, because it is finished or cancelled."));
    }

    private static void CheckTimes(DateTime startUtc, DateTime endUtc, DateTime nowUtc)
    {
        if (endUtc <= startUtc)
            throw new DomainRefusalException(T("The visit must end after it starts."));
        if (startUtc < nowUtc.AddMinutes(-5))
            throw new DomainRefusalException(T("The time cannot be in the past, because a visit is agreed for a time still to come."));
    }
}

public sealed class VisitReschedule
{
    public Guid Id { get; set; }
    public Guid VisitId { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public string ByUserId { get; set; } = "";
    public DateTime PreviousStartUtc { get; set; }
    public DateTime NewStartUtc { get; set; }
    public string Reason { get; set; } = "";
    public DateTime ClientToldAtUtc { get; set; }
    public string ClientToldHow { get; set; } = "";
    /// <summary>Commitment VIII: the client was told before the time that had been agreed.</summary>
    public bool ToldBeforeAgreedTime { get; set; }
}
