using CaseDesk.Domain.Visits;
using Microsoft.Extensions.Localization;
using Radzen;

namespace CaseDesk.App.Components.Pages.Visits;

/// <summary>How a visit's state reads on screen; literal keys, so the translation test sees them.</summary>
public static class VisitTexts
{
    public static string Status(IStringLocalizer L, VisitStatus status) => status switch
    {
        VisitStatus.Offered => L["Offered, no time yet"],
        VisitStatus.Agreed => L["Time agreed"],
        VisitStatus.Done => L["Visited"],
        _ => L["Cancelled"],
    };

    public static BadgeStyle Badge(VisitStatus status) => status switch
    {
        VisitStatus.Offered => BadgeStyle.Warning,
        VisitStatus.Agreed => BadgeStyle.Info,
        VisitStatus.Done => BadgeStyle.Success,
        _ => BadgeStyle.Secondary,
    };

    /// <summary>Lengths offered when agreeing a time, in minutes.</summary>
    public static readonly int[] Lengths = [30, 45, 60, 90, 120, 180];

    public static IReadOnlyList<LengthOption> LengthOptions(IStringLocalizer L, int current) =>
        Lengths.Append(current).Distinct().Order().Select(m => new LengthOption(m, L["{0} min", m])).ToList();

    /// <summary>How the client was told of a change (commitment VIII); free text is kept as chosen.</summary>
    public static IReadOnlyList<string> ToldHowOptions(IStringLocalizer L) =>
        [L["By phone"], L["By text message"], L["By e-mail"], L["In person"]];
}

public sealed record LengthOption(int Minutes, string Text);
