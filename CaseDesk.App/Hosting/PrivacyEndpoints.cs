using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Privacy;
using Microsoft.AspNetCore.Authorization;

namespace CaseDesk.App.Hosting;

internal static class PrivacyEndpoints
{
    public const string SubjectAccessRoles = $"{Roles.Caseworker},{Roles.Head},{Roles.QualityOfficer},{Roles.Admin}";

    /// <summary>
    /// The subject access report as a JSON file for the client (GDPR art. 15(3)). Sent through the domain as the
    /// signed-in user, so the request's own role check applies and the read is audited with its reason; never cached.
    /// </summary>
    public static void MapPrivacyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/clients/{id:guid}/subject-access.json", async (HttpContext http, ICaseDeskSender sender, Guid id, CancellationToken ct) =>
        {
            try
            {
                var report = await sender.Send(new GetSubjectAccessReport(id), UiSender.CallerFrom(http.User), ct);
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(SubjectAccessJson.Serialize(report), "application/json; charset=utf-8",
                    $"duomenu-israsas-{id:N}-{VilniusTime.ToLocal(report.GeneratedAtUtc):yyyy-MM-dd}.json");
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }
            catch (AccessDeniedException)
            {
                return Results.Forbid();
            }
        }).RequireAuthorization(new AuthorizeAttribute { Roles = SubjectAccessRoles });
    }
}
