using PdfSharp.Fonts;

namespace CaseDesk.App.Components.Pages.Letters;

/// <summary>
/// The letter PDF's font: DejaVu Sans from Debian's fonts-dejavu-core, which has every Lithuanian letter (ąčęėįšųūž) and Cyrillic.
/// PDFsharp's core build finds no system fonts by itself, so it reads them through this resolver.
/// </summary>
public sealed class LetterFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu/";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock Setting = new();
    private readonly string directory;

    private LetterFonts(string directory) => this.directory = directory;

    /// <summary>Installs the resolver once per process (PDFsharp's setting is global), after checking the files are there.</summary>
    public static void Install(string directory = DefaultDirectory)
    {
        Check(directory);
        lock (Setting)
        {
            if (GlobalFontSettings.FontResolver is not LetterFonts)
                GlobalFontSettings.FontResolver = new LetterFonts(directory);
        }
    }

    /// <summary>Fails with what to install when a font file is missing, instead of a PDF without its letters.</summary>
    public static void Check(string directory)
    {
        foreach (var face in new[] { Regular, Bold })
        {
            var path = Path.Combine(directory, face + ".ttf");
            if (!File.Exists(path))
                throw new LetterFontMissingException(
                    $"The letter PDF needs the font file {path}, which is missing: install the Debian package fonts-dejavu-core (apt-get install fonts-dejavu-core).");
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase) ? new FontResolverInfo(bold ? Bold : Regular) : null;

    public byte[]? GetFont(string faceName) =>
        faceName is Regular or Bold ? File.ReadAllBytes(Path.Combine(directory, faceName + ".ttf")) : null;
}

public sealed class LetterFontMissingException(string message) : InvalidOperationException(message);
