using System.Globalization;
using CaseDesk.App.Components.Layout;

namespace CaseDesk.Tests.Components.Layout;

/// <summary>
/// WCAG 2.x contrast of the theme's text/background pairs, computed from the palette itself (relative luminance of sRGB),
/// so a colour changed in CaseDeskTheme cannot drop a pair below AA unnoticed. Text needs 4.5:1; input borders and other
/// non-text parts 3:1.
/// </summary>
public sealed class ThemeContrastTests
{
    private static readonly MudBlazor.Palette Palette = CaseDeskTheme.Theme.PaletteLight;

    public static TheoryData<string, string, string, double> Pairs() => new()
    {
        { "text on the page background", Palette.TextPrimary.Value, Palette.Background.Value, 4.5 },
        { "text on a surface", Palette.TextPrimary.Value, Palette.Surface.Value, 4.5 },
        { "secondary text on the page background", Palette.TextSecondary.Value, Palette.Background.Value, 4.5 },
        { "secondary text on a surface", Palette.TextSecondary.Value, Palette.Surface.Value, 4.5 },
        { "disabled text and placeholders on a surface", Palette.TextDisabled.Value, Palette.Surface.Value, 4.5 },
        { "primary (links, text buttons) on a surface", Palette.Primary.Value, Palette.Surface.Value, 4.5 },
        { "primary on the page background", Palette.Primary.Value, Palette.Background.Value, 4.5 },
        { "text on a primary button", Palette.PrimaryContrastText.Value, Palette.Primary.Value, 4.5 },
        { "text on a secondary button", Palette.SecondaryContrastText.Value, Palette.Secondary.Value, 4.5 },
        { "error text on a surface", Palette.Error.Value, Palette.Surface.Value, 4.5 },
        { "error text on the page background (overdue dates)", Palette.Error.Value, Palette.Background.Value, 4.5 },
        { "text on an error chip", Palette.ErrorContrastText.Value, Palette.Error.Value, 4.5 },
        { "warning text on a surface", Palette.Warning.Value, Palette.Surface.Value, 4.5 },
        { "warning text on the page background", Palette.Warning.Value, Palette.Background.Value, 4.5 },
        { "text on a warning chip", Palette.WarningContrastText.Value, Palette.Warning.Value, 4.5 },
        { "success text on a surface", Palette.Success.Value, Palette.Surface.Value, 4.5 },
        { "success text on the page background", Palette.Success.Value, Palette.Background.Value, 4.5 },
        { "text on a success chip", Palette.SuccessContrastText.Value, Palette.Success.Value, 4.5 },
        { "info text on a surface", Palette.Info.Value, Palette.Surface.Value, 4.5 },
        { "info text on the page background", Palette.Info.Value, Palette.Background.Value, 4.5 },
        { "text on an info chip", Palette.InfoContrastText.Value, Palette.Info.Value, 4.5 },
        { "app bar text", Palette.AppbarText.Value, Palette.AppbarBackground.Value, 4.5 },
        { "drawer text", Palette.DrawerText.Value, Palette.DrawerBackground.Value, 4.5 },
        { "drawer icons", Palette.DrawerIcon.Value, Palette.DrawerBackground.Value, 3.0 },
        { "input borders on a surface", Palette.LinesInputs.Value, Palette.Surface.Value, 3.0 },
        { "default action icons on a surface", Palette.ActionDefault.Value, Palette.Surface.Value, 3.0 },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_pair_reaches_AA(string pair, string foreground, string background, double minimum)
    {
        var ratio = Contrast(foreground, background);

        Assert.True(ratio >= minimum, $"{pair}: {foreground} on {background} is {ratio:F2}:1, below {minimum}:1");
    }

    [Fact]
    public void The_contrast_formula_gives_the_known_values()
    {
        Assert.Equal(21.0, Contrast("#000000", "#ffffff"), 2);
        Assert.Equal(1.0, Contrast("#777777", "#777777"), 2);
        Assert.Equal(4.48, Contrast("#777777", "#ffffff"), 2); // the classic "grey that just fails"
        // The measurement: today's overdue red on grey.
        Assert.True(Contrast("#f44336", "#f5f5f5") < 4.5);
    }

    [Fact]
    public void The_page_is_typeset_in_the_shipped_roboto()
    {
        Assert.Equal("Roboto", CaseDeskTheme.Theme.Typography.Default.FontFamily![0]);
        Assert.True(File.Exists(Path.Combine(Support.SourceTree.Root, "CaseDesk.App", "wwwroot", "fonts", "roboto-latin-ext-400-normal.woff2")));
    }

    internal static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string colour)
    {
        var hex = colour.TrimStart('#');
        if (hex.Length == 8) hex = hex[..6]; // MudColor's #rrggbbaa: these pairs are opaque
        double Channel(int i)
        {
            var c = int.Parse(hex.AsSpan(i * 2, 2), NumberStyles.HexNumber) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(0) + 0.7152 * Channel(1) + 0.0722 * Channel(2);
    }
}
