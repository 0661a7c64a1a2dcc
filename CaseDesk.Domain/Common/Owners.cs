using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Common.Pipeline;
using CaseDesk.Domain.Data;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Common;

/// <summary>
/// Who may be made the owner of a record (issue 17, "a wall with a door in it"): only someone who may read it, because the
/// owner reads the record's text in "My work" and in notifications. The roles are taken from the [AllowedRoles] of the
/// requests that read the record and that the owner must run, never from a second list, so the two cannot drift apart.
/// </summary>
public static class Owners
{
    /// <summary>The roles allowed to run every one of <paramref name="requests"/>, in <see cref="Roles.All"/> order.</summary>
    public static IReadOnlyList<string> RolesAllowedAll(params Type[] requests) =>
        Roles.All.Where(role => requests.All(r => RequestPolicy.AllowedRoles(r).Contains(role))).ToList();

    /// <summary>Whether a staff member holding <paramref name="roles"/> may own: at least one of them is eligible.</summary>
    public static bool MayOwn(IEnumerable<string> roles, IReadOnlyList<string> eligible) => roles.Any(eligible.Contains);

    /// <summary>
    /// Null when the user may own; otherwise why not: <paramref name="becauseRoles"/> given the names of the user's roles
    /// ("... because the role Trainer may not see complaints"), or <paramref name="becauseNoRole"/> for an account without a role.
    /// </summary>
    public static async Task<string?> WhyNotAsync(CaseDeskDb db, string? userId, IReadOnlyList<string> eligible,
        Func<string, string> becauseRoles, string becauseNoRole, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(userId))
            return null; // the required rule says "Choose ..."
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
            return T("Unknown employee.");
        var held = await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync(ct);
        if (MayOwn(held, eligible))
            return null;
        return held.Count == 0 ? becauseNoRole : becauseRoles(string.Join(", ", Roles.All.Where(held.Contains).Select(AuditNames.Role)));
    }
}
