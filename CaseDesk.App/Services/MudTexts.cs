using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CaseDesk.App.Services;

/// <summary>
/// MudBlazor's own words (pager, date picker, "Close", "Required"...) in the user's language: the library's
/// English text is looked up in the app's resources like any other UI text, so one translation file holds
/// every word a person reads.
/// </summary>
public sealed class MudTexts(IStringLocalizer<SharedResource> L) : ILocalizationInterceptor
{
    private static readonly ResourceManager Library = new("MudBlazor.Resources.LanguageResource", typeof(MudButton).Assembly);

    public LocalizedString Handle(string key, params object[] arguments)
    {
        var english = English(key);
        var ours = L[english];
        var text = ours.ResourceNotFound ? english : ours.Value;
        return new LocalizedString(key, arguments.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, arguments), false);
    }

    public static string English(string key) => Library.GetString(key, CultureInfo.InvariantCulture) ?? key;
}
