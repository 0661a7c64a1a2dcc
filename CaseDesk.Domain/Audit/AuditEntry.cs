namespace CaseDesk.Domain.Audit;

public enum AuditKind
{
    /// <summary>A command ran and committed.</summary>
    Change = 1,
    /// <summary>Someone read a client's personal data.</summary>
    Read = 2,
    /// <summary>The caller's role did not allow the request; nothing ran.</summary>
    Denied = 3,
    /// <summary>A domain rule refused the command; nothing was written.</summary>
    Refused = 4,
}

/// <summary>One row per request that changed or read personal data, or was denied. Append-only: a database trigger refuses UPDATE and DELETE.</summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(DateTime atUtc, string userId, string userName, string action, AuditKind kind,
        string? entityType = null, string? entityId = null, string? fields = null, string? reason = null, bool outsideUnit = false)
    {
        OutsideUnit = outsideUnit;
        AtUtc = atUtc;
        UserId = userId;
        UserName = userName;
        Action = action;
        Kind = kind;
        EntityType = entityType;
        EntityId = entityId;
        Fields = fields;
        Reason = reason;
    }

    public long Id { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public string Action { get; private set; } = "";
    public AuditKind Kind { get; private set; }
    public string? EntityType { get; private set; }
    public string? EntityId { get; private set; }
    /// <summary>Which records and fields changed, e.g. "Client 0191…: Phone, Email; CaseNote 0191…: created".</summary>
    public string? Fields { get; private set; }
    public string? Reason { get; private set; }
    /// <summary>A caseworker read (or tried to read) a client whose cases all belong to another unit: flagged for review.</summary>
    public bool OutsideUnit { get; private set; }
}
