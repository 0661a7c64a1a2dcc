using CaseDesk.Domain.Common;
using CaseDesk.Domain.Visits;
using Microsoft.Extensions.Localization;
using MudBlazor;

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

    /// <summary>The status chip's colour; the word and the icon carry the meaning, the colour only repeats it.</summary>
    public static Color StatusColor(VisitStatus status) => status switch
    {
        VisitStatus.Offered => Color.Warning,
        VisitStatus.Agreed => Color.Info,
        VisitStatus.Done => Color.Success,
        _ => Color.Default,
    };

    public static string StatusIcon(VisitStatus status) => status switch
    {
        VisitStatus.Offered => Icons.Material.Filled.HourglassEmpty,
        VisitStatus.Agreed => Icons.Material.Filled.EventAvailable,
        VisitStatus.Done => Icons.Material.Filled.CheckCircle,
        _ => Icons.Material.Filled.EventBusy,
    };

    /// <summary>Lengths offered when agreeing a time, in minutes.</summary>
    public static readonly int[] Lengths = [30, 45, 60, 90, 120, 180];

    public static IReadOnlyList<LengthOption> LengthOptions(IStringLocalizer L, int current) =>
        Lengths.Append(current).Distinct().Order().Select(m => new LengthOption(m, L["{0} min", m])).ToList();

    /// <summary>How the client was told of a change (commitment VIII); free text is kept as chosen.</summary>
    public static IReadOnlyList<string> ToldHowOptions(IStringLocalizer L) =>
        [L["By phone"], L["By text message"], L["By e-mail"], L["In person"]];

    /// <summary>
    /// A Vilnius wall-clock time as UTC. The hour the clocks skip in spring does not exist; a time typed into it is
    /// read as the hour after, as a person setting a watch would, instead of failing the save.
    /// </summary>
    public static DateTime ToUtc(DateTime vilniusLocal) =>
        VilniusTime.ToUtc(VilniusTime.Zone.IsInvalidTime(vilniusLocal) ? vilniusLocal.AddHours(1) : vilniusLocal);

    public static DateTime? ToUtc(DateTime? vilniusLocal) => vilniusLocal is { } local ? ToUtc(local) : null;

    /// <summary>"Name · address · purpose" without empty parts, so no double separators.</summary>
    public static string Join(params string?[] parts) => string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>The parts that follow something already shown, each after a separator: " · address · purpose", or "".</summary>
    public static string After(params string?[] parts) => Join(parts) is { Length: > 0 } rest ? " · " + rest : "";

    /// <summary>The agreed time as "2026-12-07 10:00–11:00" (the end on the same day shows only its hour).</summary>
    public static string TimeRange(DateTime? startUtc, DateTime? endUtc)
    {
        if (startUtc is not { } start)
            return "";
        if (endUtc is not { } end)
            return Services.Display.Time(start);
        var (from, to) = (VilniusTime.ToLocal(start), VilniusTime.ToLocal(end));
        return from.Date == to.Date ? $"{from:yyyy-MM-dd HH:mm}–{to:HH:mm}" : $"{from:yyyy-MM-dd HH:mm} – {to:yyyy-MM-dd HH:mm}";
    }
}

public sealed record LengthOption(int Minutes, string Text);
