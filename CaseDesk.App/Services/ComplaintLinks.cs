using System.Globalization;
using CaseDesk.Domain.Complaints;
using Microsoft.AspNetCore.WebUtilities;

namespace CaseDesk.App.Services;

/// <summary>
/// The complaint list's filter as a link, and back: every figure of the analysis links to the list
/// with exactly the complaints behind it, and the list reads its filter from the address.
/// </summary>
public static class ComplaintLinks
{
    public const string List = "complaints";

    public static string ListUrl(ComplaintFilter f)
    {
        var query = new Dictionary<string, string?>
        {
            ["scope"] = f.Scope == ComplaintScope.Open ? null : f.Scope.ToString(),
            ["kind"] = f.Kind?.ToString(),
            ["stage"] = f.Stage?.ToString(),
            ["cause"] = f.RootCause,
            ["touchpoint"] = f.Touchpoint?.ToString(CultureInfo.InvariantCulture),
            ["commitment"] = f.Commitment,
            ["unit"] = f.Unit?.ToString(),
            ["from"] = f.ReceivedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = f.ReceivedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString(List, query.Where(p => p.Value is not null));
    }

    /// <summary>Reads what <see cref="ListUrl"/> wrote; anything unreadable is left out rather than guessed.</summary>
    public static ComplaintFilter Parse(string? scope, string? kind, string? stage, string? cause, int? touchpoint, string? commitment, string? unit,
        string? from, string? to) =>
        new(Enum.TryParse<ComplaintScope>(scope, out var s) && Enum.IsDefined(s) ? s : ComplaintScope.Open,
            Enum.TryParse<FeedbackKind>(kind, out var k) && Enum.IsDefined(k) ? k : null,
            Enum.TryParse<ComplaintStage>(stage, out var st) && Enum.IsDefined(st) ? st : null,
            string.IsNullOrWhiteSpace(cause) ? null : cause,
            touchpoint,
            string.IsNullOrWhiteSpace(commitment) ? null : commitment,
            Guid.TryParse(unit, out var u) ? u : null,
            DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f) ? f : null,
            DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null);

    public static string AnalysisCsvUrl(DateOnly from, DateOnly to) =>
        $"complaints/analysis.csv?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
}
