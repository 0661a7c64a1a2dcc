using CaseDesk.Domain.Common;
using CaseDesk.Domain.Common.Pipeline;
using CaseDesk.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Privacy;

/// <summary>
/// A read that opens one client's record (the card, a case). A caseworker may open it without a reason
/// when the client has a case in the caseworker's unit or assigned to them, or no case yet; otherwise
/// the read needs a stated <see cref="IHasAccessReason.AccessReason"/> and its audit row is flagged.
/// </summary>
public interface IUnitScopedRead : IHasAccessReason
{
    /// <summary>The client opened, when the request names one.</summary>
    Guid? ScopeClientId { get; }

    /// <summary>The case opened, when the request names a case rather than a client.</summary>
    Guid? ScopeCaseId { get; }
}

/// <summary>Opening a client outside the caller's unit without a reason. Nothing was read.</summary>
public sealed class AccessReasonRequiredException(string because) : Exception(because)
{
    public string Because { get; } = because;
}

public static class UnitScope
{
    /// <summary>
    /// Only a caseworker is held to their unit. Reception routes every client, the head and the standard
    /// officer oversee the whole department, so a caller who also holds one of those roles is not.
    /// </summary>
    public static bool AppliesTo(Caller caller) =>
        caller.IsInRole(Roles.Caseworker)
        && !caller.IsInRole(Roles.Reception) && !caller.IsInRole(Roles.Head) && !caller.IsInRole(Roles.QualityOfficer);

    /// <summary>True when the caller is a caseworker and every case of the client belongs to another unit and someone else.</summary>
    internal static async Task<bool> IsOutsideAsync(CaseDeskDb db, Caller caller, IUnitScopedRead read, CancellationToken ct)
    {
        if (!AppliesTo(caller))
            return false;
        var clientId = read.ScopeClientId
            ?? await db.Cases.AsNoTracking().Where(c => c.Id == read.ScopeCaseId).Select(c => (Guid?)c.ClientId).FirstOrDefaultAsync(ct);
        if (clientId is null)
            return false; // no such case: the handler says so
        var cases = db.Cases.AsNoTracking().Where(c => c.ClientId == clientId);
        if (!await cases.AnyAsync(ct))
            return false; // a client without cases (just registered) is nobody's unit's yet
        var unit = await db.Users.AsNoTracking().Where(u => u.Id == caller.UserId).Select(u => u.UnitId).FirstOrDefaultAsync(ct);
        return !await cases.AnyAsync(c => (unit != null && c.UnitId == unit) || c.AssignedToUserId == caller.UserId, ct);
    }
}
