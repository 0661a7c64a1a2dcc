namespace CaseDesk.Domain.Common;

/// <summary>The caller may not run this request. Nothing was read or written.</summary>
public sealed class AccessDeniedException(string requestName, string reason)
    : Exception($"{requestName}: {reason}")
{
    public string RequestName { get; } = requestName;
    public string Reason { get; } = reason;
}

/// <summary>Input failed validation; errors are keyed by the request's property names so forms show them at the field.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join("; ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>A domain rule refused the action. <see cref="Because"/> says why, in words the user reads.</summary>
public sealed class DomainRefusalException(string because) : Exception(because)
{
    public string Because { get; } = because;
}

public sealed class NotFoundException(string what, object id) : Exception($"{what} {id} was not found.")
{
    public string What { get; } = what;
}

/// <summary>
/// Someone else saved the record after it was loaded. Carries the stored values so the second saver can see
/// what changed and choose; nothing was overwritten. Who saved last and when come from the audit log, when it knows.
/// </summary>
public sealed class ConcurrencyConflictException(string what, IReadOnlyDictionary<string, string?> storedValues,
    string? recordId = null)
    : Exception($"{what} was changed by someone else after you opened it.")
{
    public string What { get; } = what;
    public IReadOnlyDictionary<string, string?> StoredValues { get; } = storedValues;
    public string? RecordId { get; } = recordId;
    public string? ChangedBy { get; private init; }
    public DateTime? ChangedAtUtc { get; private init; }

    public ConcurrencyConflictException ChangedLastBy(string userName, DateTime atUtc) =>
        new(What, StoredValues, RecordId) { ChangedBy = userName, ChangedAtUtc = atUtc };
}
