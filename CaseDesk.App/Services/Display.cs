using CaseDesk.Domain.Common;

namespace CaseDesk.App.Services;

/// <summary>How instants and dates read on screen: Europe/Vilnius, ISO-like, the same for both languages.</summary>
public static class Display
{
    public static string Time(DateTime utc) => VilniusTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm");

    public static string Time(DateTime? utc) => utc is null ? "" : Time(utc.Value);

    public static string Date(DateTime utc) => VilniusTime.ToLocal(utc).ToString("yyyy-MM-dd");

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd") ?? "";

    /// <summary>A span of time in words a caseworker reads at a glance: "3 d. 4 val." / "3 d 4 h".</summary>
    public static string Span(TimeSpan span, bool lithuanian)
    {
        var (d, h, m) = ((int)span.TotalDays, span.Hours, span.Minutes);
        var (dd, hh, mm) = lithuanian ? ("d.", "val.", "min.") : ("d", "h", "min");
        if (d > 0) return $"{d} {dd} {h} {hh}";
        if (h > 0) return $"{h} {hh} {m} {mm}";
        return $"{m} {mm}";
    }
}
