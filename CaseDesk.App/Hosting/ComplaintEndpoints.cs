using System.Globalization;
using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using Microsoft.AspNetCore.Authorization;

namespace CaseDesk.App.Hosting;

internal static class ComplaintEndpoints
{
    /// <summary>
    /// The analysis as a CSV file. A plain GET (a link with "download"), authorized like the page and
    /// sent through the domain as the signed-in user, so the request's own role check and audit apply.
    /// </summary>
    public static void MapComplaintEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/complaints/analysis.csv", async (HttpContext http, ICaseDeskSender sender, string from, string to, CancellationToken ct) =>
        {
            if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
                return Results.BadRequest("from and to are dates: yyyy-MM-dd.");
            try
            {
                var csv = await sender.Send(new ExportComplaintAnalysisCsv(start, end), UiSender.CallerFrom(http.User), ct);
                return Results.File(csv, "text/csv; charset=utf-8", $"skundu-analize-{start:yyyy-MM-dd}-{end:yyyy-MM-dd}.csv");
            }
            catch (RequestValidationException e)
            {
                return Results.BadRequest(string.Join(" ", e.Errors.Values.SelectMany(m => m)));
            }
            catch (AccessDeniedException)
            {
                return Results.Forbid();
            }
        }).RequireAuthorization(new AuthorizeAttribute { Roles = $"{Roles.Head},{Roles.QualityOfficer}" });
    }
}
