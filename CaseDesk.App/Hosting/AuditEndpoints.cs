using CaseDesk.App.Services;
using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Common;
using Microsoft.AspNetCore.Authorization;

namespace CaseDesk.App.Hosting;

internal static class AuditEndpoints
{
    /// <summary>The audit log as CSV with the screen's filters; authorized like the page and sent through the domain as the signed-in user.</summary>
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/" + AuditLinks.Csv, async (HttpContext http, ICaseDeskSender sender, string? user, string? kind, string? record,
            string? from, string? to, string? flagged, string? action, TimeProvider clock, CancellationToken ct) =>
        {
            var filter = AuditLinks.Parse(user, kind, record, from, to, flagged, action);
            if (filter is null)
                return Results.BadRequest("kind is an audit kind, from and to are dates (yyyy-MM-dd), flagged is true or false.");
            try
            {
                var csv = (await sender.Send(new ExportAuditEntriesCsv(filter), UiSender.CallerFrom(http.User), ct)).Content;
                return Results.File(csv, "text/csv; charset=utf-8", $"audito-zurnalas-{VilniusTime.Now(clock):yyyy-MM-dd-HHmm}.csv");
            }
            catch (RequestValidationException e)
            {
                return Results.BadRequest(string.Join(" ", e.Errors.Values.SelectMany(m => m)));
            }
            catch (DomainRefusalException e)
            {
                return Results.BadRequest(e.Because);
            }
            catch (AccessDeniedException)
            {
                return Results.Forbid();
            }
        }).RequireAuthorization(new AuthorizeAttribute { Roles = $"{Roles.Admin},{Roles.QualityOfficer}" });
    }
}
