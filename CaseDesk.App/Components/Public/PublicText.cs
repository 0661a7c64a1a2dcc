using System.Globalization;

namespace CaseDesk.App;

/// <summary>
/// Anchor for the public website's strings (Resources/PublicText.*.resx): English keys, with Lithuanian (the default), Russian and
/// Polish (standard 9.4). Kept apart from the staff strings so the public side's words are checked on their own (PublicTextTests).
/// </summary>
public sealed class PublicText
{
    /// <summary>The public site's languages, Lithuanian first (the default). Chosen by <c>?lang=</c> in the URL, never by a cookie.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Languages =
        [("lt", "Lietuvių"), ("en", "English"), ("ru", "Русский"), ("pl", "Polski")];

    public const string QueryKey = "lang";

    public static readonly CultureInfo[] Cultures = [.. Languages.Select(l => new CultureInfo(l.Code))];

    /// <summary>The language the page is in (set from the URL by the public site's request localization).</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var code && Languages.Any(l => l.Code == code) ? code : "lt";
}
