using System.Globalization;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Dashboard;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace CaseDesk.App.Services;

/// <summary>Addresses of the dashboard and of the records behind each of its numbers: the filter lives in the address, so back and bookmarks work.</summary>
public static class DashboardLinks
{
    public static string DashboardUrl(DashboardScope scope, DashboardWindow window) =>
        QueryHelpers.AddQueryString("dashboard", new Dictionary<string, string?> { ["scope"] = scope.ToString(), ["window"] = WindowKey(window) });

    public static string WindowKey(DashboardWindow window) => window switch
    {
        DashboardWindow.Today => "today",
        DashboardWindow.Last7Days => "7d",
        _ => "30d",
    };

    public static DashboardWindow ParseWindow(string? key) => key switch
    {
        "7d" => DashboardWindow.Last7Days,
        "30d" => DashboardWindow.Last30Days,
        _ => DashboardWindow.Today,
    };

    public static DashboardScope ParseScope(string? text)
    {
        try
        {
            return DashboardScope.Parse(text);
        }
        catch (FormatException)
        {
            return DashboardScope.Department;
        }
    }

    public static string DetailsUrl(GetDashboardDetails q)
    {
        var query = new Dictionary<string, string?>
        {
            ["scope"] = q.Scope.ToString(),
            ["window"] = WindowKey(q.Window),
            ["detail"] = q.Detail.ToString(),
            ["commitment"] = q.Commitment,
            ["touchpoint"] = q.Touchpoint?.ToString(CultureInfo.InvariantCulture),
            ["kind"] = q.ClockKind?.ToString(),
            ["met"] = q.Met is { } met ? (met ? "true" : "false") : null,
            ["status"] = q.Status?.ToString(),
            ["stage"] = q.Stage?.ToString(),
            ["age"] = q.Age?.ToString(),
            ["took"] = q.Took?.ToString(),
        };
        return QueryHelpers.AddQueryString("dashboard/details", query.Where(p => p.Value is not null));
    }

    /// <summary>The details request an address names; unknown values are left out rather than failing the page.</summary>
    public static GetDashboardDetails ParseDetails(string? scope, string? window, string? detail, string? commitment, int? touchpoint,
        string? kind, string? met, string? status, string? stage, string? age, string? took = null) =>
        new(ParseScope(scope), ParseWindow(window),
            Enum.TryParse<DashboardDetail>(detail, out var d) && Enum.IsDefined(d) ? d : DashboardDetail.OpenClocks,
            string.IsNullOrWhiteSpace(commitment) ? null : commitment,
            touchpoint,
            Parse<ClockKind>(kind),
            met switch { "true" => true, "false" => false, _ => null },
            Parse<ClockStatus>(status),
            Parse<ComplaintStage>(stage),
            Parse<ComplaintAgeBand>(age))
        {
            Took = Parse<ResponseBand>(took),
        };

    private static T? Parse<T>(string? text) where T : struct, Enum =>
        Enum.TryParse<T>(text, out var value) && Enum.IsDefined(value) ? value : null;

    public static GetDashboardDetails Finished(DashboardFigures f, ClockKind? kind = null, string? commitment = null, int? touchpoint = null, bool? met = null) =>
        new(f.Scope, f.Window, DashboardDetail.FinishedClocks, commitment, touchpoint, kind, met);

    /// <summary>The finished clocks of one channel whose time fell in one band, over the window.</summary>
    public static GetDashboardDetails Took(DashboardScope scope, DashboardWindow window, ClockKind kind, ResponseBand band) =>
        new(scope, window, DashboardDetail.FinishedClocks, ClockKind: kind, Took: band);

    public static GetDashboardDetails Open(DashboardFigures f, ClockKind? kind = null, ClockStatus? status = null) =>
        new(f.Scope, f.Window, DashboardDetail.OpenClocks, ClockKind: kind, Status: status);

    public static GetDashboardDetails Complaints(DashboardFigures f, ComplaintStage? stage = null, ComplaintAgeBand? age = null) =>
        new(f.Scope, f.Window, DashboardDetail.OpenComplaints, Stage: stage, Age: age);

    public static GetDashboardDetails OverdueActions(DashboardFigures f) => new(f.Scope, f.Window, DashboardDetail.OverdueActions);

    /// <summary>A response time as people say it: "45 min", "2 h 15 min", "1.5 working days" (the clocks count working time).</summary>
    public static string Duration(double? minutes, IStringLocalizer L)
    {
        if (minutes is not { } m) return "–";
        if (double.IsPositiveInfinity(m)) return L["over 60 working days"];
        if (m < 60) return L["{0} min", Math.Round(m)];
        if (m < WorkingCalendar.MinutesPerWorkingDay) return L["{0} h {1} min", (int)(m / 60), (int)Math.Round(m % 60)];
        return L["{0} working days", Math.Round(m / WorkingCalendar.MinutesPerWorkingDay, 1, MidpointRounding.AwayFromZero)];
    }

    /// <summary>English name of a response band (pass it through the localizer).</summary>
    public static string NameOf(ResponseBand band) => band switch
    {
        ResponseBand.UpToAnHour => "Within 1 h",
        ResponseBand.UpToFourHours => "1-4 h",
        ResponseBand.UpToAWorkingDay => "4 h to 1 working day",
        ResponseBand.UpToThreeWorkingDays => "1-3 working days",
        _ => "Over 3 working days",
    };

    /// <summary>Share met in whole percent, or a dash when nothing finished.</summary>
    public static string Percent(MetShare share) => share.Share is { } s ? $"{Math.Round(s * 100)}\u00a0%" : "–";
}
