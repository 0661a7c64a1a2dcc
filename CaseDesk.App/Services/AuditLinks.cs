using System.Globalization;
using CaseDesk.Domain.Audit;
using Microsoft.AspNetCore.WebUtilities;

namespace CaseDesk.App.Services;

/// <summary>The audit screen's filter as the CSV link's query string, and back, so the export holds exactly the rows on screen.</summary>
public static class AuditLinks
{
    public const string Csv = "admin/audit.csv";

    public static string CsvUrl(AuditFilter f) => QueryHelpers.AddQueryString(Csv, new Dictionary<string, string?>
    {
        ["user"] = string.IsNullOrWhiteSpace(f.User) ? null : f.User.Trim(),
        ["kind"] = f.Kind?.ToString(),
        ["action"] = string.IsNullOrWhiteSpace(f.Action) ? null : f.Action.Trim(),
        ["record"] = string.IsNullOrWhiteSpace(f.Record) ? null : f.Record.Trim(),
        ["from"] = f.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = f.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["flagged"] = f.FlaggedOnly ? "true" : null,
    }.Where(p => p.Value is not null));

    /// <summary>Reads what <see cref="CsvUrl"/> wrote; a value that does not parse is an error, not a wider export.</summary>
    public static AuditFilter? Parse(string? user, string? kind, string? record, string? from, string? to, string? flagged, string? action = null)
    {
        AuditKind? k = null;
        if (kind is not null)
        {
            if (!Enum.TryParse<AuditKind>(kind, out var parsed) || !Enum.IsDefined(parsed)) return null;
            k = parsed;
        }
        DateOnly? start = null, end = null;
        if (from is not null)
        {
            if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f)) return null;
            start = f;
        }
        if (to is not null)
        {
            if (!DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return null;
            end = t;
        }
        if (flagged is not null and not "true" and not "false")
            return null;
        return new AuditFilter(user, k, record, start, end, flagged == "true", action);
    }
}
