using System.Globalization;
using System.Resources;

namespace CaseDesk.Domain.Common;

/// <summary>
/// Messages the domain shows to people (validation and refusals). The English text is the key;
/// translations live in Resources/DomainText.lt.resx. The caller's UI culture flows into the
/// request, so messages come out in the user's language.
/// </summary>
public static class DomainText
{
    private static readonly ResourceManager Resources =
        new("CaseDesk.Domain.Resources.DomainText", typeof(DomainText).Assembly);

    public static string T(string english) =>
        Resources.GetString(english, CultureInfo.CurrentUICulture) ?? english;

    public static string T(string englishFormat, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, T(englishFormat), args);
}
