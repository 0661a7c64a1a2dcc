using System.Globalization;

namespace CaseDesk.App.Services;

/// <summary>
/// The user's culture as the circuit rendered with it. Work that arrives from elsewhere (a singleton notifier's thread)
/// runs with that thread's culture even through InvokeAsync, so a component captures this while it initializes and
/// applies it before recomputing and rendering pushed data; otherwise localized text comes out in the default language.
/// </summary>
public readonly record struct CircuitCulture(CultureInfo Culture, CultureInfo UiCulture)
{
    public static CircuitCulture Current => new(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    /// <summary>For the rest of the calling async flow (its awaits and the render it triggers).</summary>
    public void Apply()
    {
        CultureInfo.CurrentCulture = Culture;
        CultureInfo.CurrentUICulture = UiCulture;
    }
}
