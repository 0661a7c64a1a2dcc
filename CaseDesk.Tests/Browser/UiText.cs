using System.Globalization;
using System.Resources;
using CaseDesk.App;
using CaseDesk.Domain.Common;

namespace CaseDesk.Tests.Browser;

/// <summary>
/// The app's own Lithuanian texts (SharedResource.lt.resx for the UI, DomainText.lt.resx for the
/// domain's messages), so tests expect what the app ships instead of keeping a second copy.
/// </summary>
public static class UiText
{
    private static readonly ResourceManager Ui = new("CaseDesk.App.Resources.SharedResource", typeof(SharedResource).Assembly);
    private static readonly ResourceManager Domain = new("CaseDesk.Domain.Resources.DomainText", typeof(DomainText).Assembly);
    private static readonly ResourceManager PublicSite = new("CaseDesk.App.Resources.PublicText", typeof(PublicText).Assembly);
    private static readonly CultureInfo Lithuanian = new("lt");

    /// <summary>The Lithuanian UI text for an English key; fails when the translation is missing.</summary>
    public static string Lt(string english) => Translate(Ui, "SharedResource.lt.resx", english);

    /// <summary>The Lithuanian domain message (validation, refusals) for an English key.</summary>
    public static string DomainLt(string english) => Translate(Domain, "DomainText.lt.resx", english);

    /// <summary>
    /// The public site's text for an English key in one of its languages (PublicText.lt/ru/pl.resx). English is the key itself, once the
    /// Lithuanian file knows the key (so a key the pages do not use fails here too).
    /// </summary>
    public static string Public(string language, string english)
    {
        var lithuanian = PublicTranslation("lt", english);
        return language switch { "en" => english, "lt" => lithuanian, _ => PublicTranslation(language, english) };
    }

    private static string PublicTranslation(string language, string english) =>
        PublicSite.GetResourceSet(new CultureInfo(language), createIfNotExists: true, tryParents: false)?.GetString(english)
        ?? throw new InvalidOperationException($"PublicText.{language}.resx has no translation for \"{english}\".");

    private static string Translate(ResourceManager resources, string file, string english) =>
        resources.GetResourceSet(Lithuanian, createIfNotExists: true, tryParents: false)?.GetString(english)
        ?? throw new InvalidOperationException($"{file} has no translation for \"{english}\".");
}
