using MudBlazor;

namespace CaseDesk.App.Components.Layout;

/// <summary>
/// The one theme of CaseDesk: a restrained municipal palette in which every text colour reaches WCAG AA
/// (4.5:1) on the backgrounds it is used on. Pages take colours from here (Color.Primary, Color.Error...),
/// never hex codes; status is always text and an icon too, never colour alone. Contrast is checked in
/// <c>ThemeContrastTests</c> and in the browser by axe.
/// </summary>
public static class CaseDeskTheme
{
    public const string Background = "#f6f7f9";
    public const string Surface = "#ffffff";

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",          // 8.6:1 on white, white on it 8.6:1
            PrimaryContrastText = "#ffffff",
            Secondary = "#5a4a78",
            SecondaryContrastText = "#ffffff",
            Tertiary = "#1b5e5a",
            Info = "#0b5394",
            Success = "#1e6b2e",          // 6.4:1 on white
            Warning = "#8a4b00",          // 6.1:1 on white (an amber that can carry text)
            WarningContrastText = "#ffffff",
            Error = "#b3261e",            // 6.5:1 on white, 6.0:1 on the page background
            Dark = "#263238",
            Background = Background,
            Surface = Surface,
            AppbarBackground = "#1f4e79",
            AppbarText = "#ffffff",
            DrawerBackground = Surface,
            DrawerText = "#1f2933",
            DrawerIcon = "#3d4852",
            TextPrimary = "#1f2933",      // 14.8:1
            TextSecondary = "#4a5560",    // 7.4:1 on white, 7.0:1 on the page background
            TextDisabled = "#6b7280",     // 4.8:1: placeholders and hints stay readable
            ActionDefault = "#3d4852",
            ActionDisabled = "#6b7280",
            ActionDisabledBackground = "#e5e7eb",
            LinesDefault = "#d0d5db",
            LinesInputs = "#6b7280",      // 3:1 against the field background (non-text contrast)
            TableLines = "#e1e5ea",
            TableStriped = "#f3f5f7",
            Divider = "#d0d5db",
            OverlayDark = "rgba(17,24,39,0.5)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Arial", "sans-serif"] },
            H4 = new H4Typography { FontSize = "1.75rem", FontWeight = "500", LineHeight = "1.3" },
            H5 = new H5Typography { FontSize = "1.35rem", FontWeight = "500", LineHeight = "1.35" },
            H6 = new H6Typography { FontSize = "1.1rem", FontWeight = "500", LineHeight = "1.4" },
            // Buttons in sentence case: Lithuanian words in capitals are long and harder to read all day.
            Button = new ButtonTypography { TextTransform = "none", FontWeight = "500" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px", DrawerWidthLeft = "260px" },
    };
}
