using System.Text;
using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Training;
using Microsoft.AspNetCore.Authorization;

namespace CaseDesk.App.Hosting;

internal static class TrainingEndpoints
{
    /// <summary>
    /// A session pack as a Markdown file: a plain GET (a link with "download"), authorized like the pack
    /// page and sent through the domain as the signed-in user, so the request's role check and audit apply.
    /// </summary>
    public static void MapTrainingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/training/packs/{id:guid}/markdown", async (HttpContext http, ICaseDeskSender sender, Guid id, CancellationToken ct) =>
        {
            try
            {
                var export = await sender.Send(new ExportSessionPackMarkdown(id), UiSender.CallerFrom(http.User), ct);
                return Results.File(Encoding.UTF8.GetBytes(export.Markdown), "text/markdown; charset=utf-8", export.FileName);
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }
            catch (AccessDeniedException)
            {
                return Results.Forbid();
            }
        }).RequireAuthorization(new AuthorizeAttribute { Roles = $"{Roles.Trainer},{Roles.QualityOfficer}" });
    }
}
