using CaseDesk.Domain.Common;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Privacy;

/// <summary>The kinds of record with their own retention period (docs/privacy.md).</summary>
public enum RetentionKind
{
    /// <summary>A client whose cases are all closed: the client and the whole record, counted from the last case closed or contact.</summary>
    ClientsAndClosedCases = 1,
    Contacts = 2,
    PhoneMessages = 3,
    Emails = 4,
    Letters = 5,
    HomeVisits = 6,
    Complaints = 7,
    AuditLog = 8,
}

/// <summary>
/// One version of a retention period: months after the record's end, after which the record is
/// anonymized in place. Versions are never edited; a change adds a version, and the newest is in force.
/// </summary>
public sealed class RetentionPeriod
{
    private RetentionPeriod() { }

    public RetentionPeriod(Guid id, RetentionKind kind, int months, string setBy, DateTime setAtUtc, string? note)
    {
        if (months is < RetentionDefaults.MinMonths or > RetentionDefaults.MaxMonths)
            throw new DomainRefusalException(T("A retention period must be between {0} and {1} months.", RetentionDefaults.MinMonths, RetentionDefaults.MaxMonths));
        Id = id; Kind = kind; Months = months; SetByUserId = setBy; SetAtUtc = setAtUtc; Note = note;
    }

    public Guid Id { get; private set; }
    public RetentionKind Kind { get; private set; }
    public int Months { get; private set; }
    public string SetByUserId { get; private set; } = "";
    public DateTime SetAtUtc { get; private set; }
    public string? Note { get; private set; }
}

/// <summary>The periods in force until an administrator sets others (documented in docs/privacy.md).</summary>
public static class RetentionDefaults
{
    public const int MinMonths = 1;
    public const int MaxMonths = 50 * 12;

    public static readonly IReadOnlyDictionary<RetentionKind, int> Months = new Dictionary<RetentionKind, int>
    {
        [RetentionKind.ClientsAndClosedCases] = 10 * 12,
        [RetentionKind.Contacts] = 5 * 12,
        [RetentionKind.PhoneMessages] = 12,
        [RetentionKind.Emails] = 3 * 12,
        [RetentionKind.Letters] = 5 * 12,
        [RetentionKind.HomeVisits] = 5 * 12,
        [RetentionKind.Complaints] = 3 * 12,
        [RetentionKind.AuditLog] = 5 * 12,
    };
}

/// <summary>A run of the retention job: when, and how many records of each kind it anonymized.</summary>
public sealed class RetentionRun
{
    public Guid Id { get; set; }
    public DateTime RanAtUtc { get; set; }
    public string RanByUserId { get; set; } = "";
    public int Anonymized { get; set; }
    /// <summary>Counts per kind, e.g. "Contacts=12; Emails=3".</summary>
    public string Summary { get; set; } = "";
}
