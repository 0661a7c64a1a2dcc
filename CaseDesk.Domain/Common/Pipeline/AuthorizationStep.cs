using System.Collections.Concurrent;
using System.Reflection;
using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Data;
using MediatR;

namespace CaseDesk.Domain.Common.Pipeline;

/// <summary>
/// Runs first: checks the caller's roles against the request type's declared policy before
/// anything else runs. No declared policy means nobody may run it (fail closed).
/// Denials are recorded in the audit log.
/// </summary>
internal sealed class AuthorizationStep<TRequest, TResponse>(CallerContext callers, CaseDeskDb db, TimeProvider clock)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var caller = callers.Caller;
        var refusal = RequestPolicy.Check(typeof(TRequest), caller);
        if (refusal is null)
            return await next();

        db.ChangeTracker.Clear();
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, caller.UserId, caller.UserName,
            typeof(TRequest).Name, AuditKind.Denied, reason: refusal));
        await db.SaveChangesAsync(cancellationToken);
        throw new AccessDeniedException(typeof(TRequest).Name, refusal);
    }
}

/// <summary>The declared role policy of each request type, read once per type.</summary>
public static class RequestPolicy
{
    private sealed record Policy(bool AnyStaff, IReadOnlySet<string>? Roles, bool Public = false, bool SystemOnly = false);

    private static readonly ConcurrentDictionary<Type, Policy?> Policies = new();

    /// <summary>Null when allowed; otherwise the reason for refusal.</summary>
    public static string? Check(Type requestType, Caller caller)
    {
        if (!caller.IsAuthenticated)
            return "not signed in";
        var policy = Policies.GetOrAdd(requestType, Read);
        if (policy is null)
            return "the request declares no access policy";
        // The public website's requests and nothing else: narrow both ways (docs/public.md).
        if (policy.Public || ReferenceEquals(caller, Caller.Public))
            return policy.Public && ReferenceEquals(caller, Caller.Public) ? null : policy.Public ? "only the public website runs it" : "the public website may not run it";
        if (ReferenceEquals(caller, Caller.System))
            return null;
        if (policy.SystemOnly)
            return "only the app itself runs it";
        // A signed-in account without any role (all roles taken away) is no longer staff: even any-staff requests are refused.
        if (caller.Roles.Count == 0)
            return "the account holds no role";
        if (policy.AnyStaff)
            return null;
        return policy.Roles!.Overlaps(caller.Roles)
            ? null
            : $"role {string.Join(", ", caller.Roles.DefaultIfEmpty("(none)"))} may not run it";
    }

    /// <summary>The roles that may run a request; all roles for any-staff requests, none when undeclared.</summary>
    public static IReadOnlyCollection<string> AllowedRoles(Type requestType)
    {
        var policy = Policies.GetOrAdd(requestType, Read);
        if (policy is null) return [];
        return policy.AnyStaff ? Roles.All : policy.Roles!;
    }

    private static Policy? Read(Type type)
    {
        if (type.GetCustomAttribute<Public.PublicRequestAttribute>() is not null)
            return new Policy(false, new HashSet<string>(), Public: true);
        if (type.GetCustomAttribute<SystemOnlyAttribute>() is not null)
            return new Policy(false, new HashSet<string>(), SystemOnly: true);
        if (type.GetCustomAttribute<AnyStaffAttribute>() is not null)
            return new Policy(true, null);
        var roles = type.GetCustomAttribute<AllowedRolesAttribute>();
        return roles is null ? null : new Policy(false, roles.Roles.ToHashSet());
    }
}
