namespace CaseDesk.Tests.ScaleOut;

/// <summary>The tests' side of <see cref="RedisServer"/>: skip without redis-server, unless CASEDESK_REQUIRE_REDIS=1.</summary>
public sealed partial class RedisServer
{
    public static void Check()
    {
        if (MissingReason() is not { } reason)
            return;
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            throw new InvalidOperationException($"{reason} {RequireVariable}=1, so this is a failure, not a skip.");
        Skip.If(true, reason);
    }

    public static Task<RedisServer> StartAsync()
    {
        Check();
        return StartOnFreePortAsync();
    }
}
