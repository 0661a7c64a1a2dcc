using System.Net;
using System.Text.RegularExpressions;

namespace CaseDesk.Tests.Support;

/// <summary>Just enough HTML reading for host tests: form fields and visible text.</summary>
public static partial class HtmlPage
{
    /// <summary>Name → value of every &lt;input&gt; that has a name, decoded.</summary>
    public static Dictionary<string, string> Inputs(string html)
    {
        var inputs = new Dictionary<string, string>();
        foreach (Match input in InputTag().Matches(html))
        {
            var attributes = Attribute().Matches(input.Value).ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value));
            if (attributes.TryGetValue("name", out var name))
                inputs[name] = attributes.GetValueOrDefault("value", "");
        }
        return inputs;
    }

    /// <summary>The decoded text of the element carrying <c>data-testid</c>, or null when there is none.</summary>
    public static string? TextOf(string html, string testId)
    {
        var match = Regex.Match(html, $"""<(\w+)[^>]*data-testid="{Regex.Escape(testId)}"[^>]*>(.*?)</\1>""", RegexOptions.Singleline);
        return match.Success ? WebUtility.HtmlDecode(Regex.Replace(match.Groups[2].Value, "<[^>]+>", "")).Trim() : null;
    }

    [GeneratedRegex(@"<input\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex(@"([\w.:-]+)=""([^""]*)""")]
    private static partial Regex Attribute();
}
