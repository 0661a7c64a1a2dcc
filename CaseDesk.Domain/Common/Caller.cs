namespace CaseDesk.Domain.Common;

/// <summary>Who is running a request. Built from the signed-in principal by the app, or by tests.</summary>
public sealed record Caller(string UserId, string UserName, IReadOnlySet<string> Roles)
{
    public static Caller Anonymous { get; } = new("", "", new HashSet<string>());

    /// <summary>Start-up jobs and seeding run as the system, which passes every role check.</summary>
    public static Caller System { get; } = new("system", "system", new HashSet<string>(Common.Roles.All));

    /// <summary>The public website acting for an anonymous visitor: runs only requests marked <see cref="Public.PublicRequestAttribute"/> (docs/public.md).</summary>
    public static Caller Public { get; } = new("public", "public website", new HashSet<string>());

    public bool IsAuthenticated => UserId.Length > 0;

    public bool IsInRole(string role) => Roles.Contains(role);
}

/// <summary>The caller of the request running in the current DI scope; set once by the sender.</summary>
public sealed class CallerContext
{
    private Caller? _caller;

    public Caller Caller => _caller ?? throw new InvalidOperationException("No caller was set for this request scope.");

    internal void Set(Caller caller)
    {
        if (_caller is not null)
            throw new InvalidOperationException("The caller of a request scope is set once.");
        _caller = caller;
    }
}
