namespace CaseDesk.Tests.ScaleOut;

/// <summary>
/// The tests' side of <see cref="LocalCluster"/>: without PostgreSQL or redis-server a test skips with the reason, unless
/// CASEDESK_REQUIRE_SCALEOUT=1 or CASEDESK_REQUIRE_REDIS=1 (CI), where that is a failure.
/// </summary>
public sealed partial class LocalCluster
{
    public const string RequireVariable = "CASEDESK_REQUIRE_SCALEOUT";

    static partial void OnUnavailable(string reason)
    {
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1" || Environment.GetEnvironmentVariable(RedisServer.RequireVariable) == "1")
            throw new InvalidOperationException($"{reason} {RequireVariable}=1 or {RedisServer.RequireVariable}=1, so this is a failure, not a skip.");
        Skip.If(true, reason);
    }
}
