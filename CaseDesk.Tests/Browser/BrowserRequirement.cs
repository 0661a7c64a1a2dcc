namespace CaseDesk.Tests.Browser;

/// <summary>
/// The one place that decides whether browser tests run, skip or fail. Chromium comes from
/// Debian's package (Playwright cannot download browsers here): /usr/bin/chromium, or the path in
/// CASEDESK_CHROMIUM. Without it the tests skip with the reason, unless CASEDESK_REQUIRE_BROWSER=1
/// (CI), where a missing browser is a failure.
/// </summary>
public static class BrowserRequirement
{
    public const string ChromiumVariable = "CASEDESK_CHROMIUM";
    public const string RequireVariable = "CASEDESK_REQUIRE_BROWSER";
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured ? configured : DefaultChromiumPath;

    public static bool IsAvailable => File.Exists(ChromiumPath);

    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public static string MissingReason =>
        $"Chromium not found at {ChromiumPath}; install with apt-get install chromium (or set {ChromiumVariable} to its path).";

    /// <summary>Call first in every browser test: returns when Chromium is there, otherwise skips or fails the test.</summary>
    public static void Check()
    {
        if (IsAvailable)
            return;
        if (IsRequired)
            throw new BrowserMissingException($"{MissingReason} {RequireVariable}=1, so this is a failure, not a skip.");
        Skip.If(true, MissingReason);
    }
}

public sealed class BrowserMissingException(string message) : Exception(message);
