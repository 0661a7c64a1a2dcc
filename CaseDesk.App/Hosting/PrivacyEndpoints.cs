using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CaseDesk.App.Hosting;

internal static class PrivacyEndpoints
{
    public const string SubjectAccessRoles = $"{Roles.Caseworker},{Roles.Head},{Roles.QualityOfficer},{Roles.Admin}";

    /// <summary>
    /// The subject access report as a JSON file for the client (GDPR art. 15(3)). Sent through the domain as the
    /// signed-in user, so the request's own role check applies and the read is audited with its reason; never cached.
    /// A caseworker downloading the report of a client of another unit posts the reason they stated on the page (in the
    /// form body, because request URLs are logged); without one the answer is 403 with the refusal's text.
    /// </summary>
    public static void MapPrivacyEndpoints(this IEndpointRouteBuilder app)
    {
        var roles = new AuthorizeAttribute { Roles = SubjectAccessRoles };
        app.MapGet("/clients/{id:guid}/subject-access.json", (HttpContext http, ICaseDeskSender sender, Guid id, CancellationToken ct) =>
            SubjectAccessFile(http, sender, id, null, ct)).RequireAuthorization(roles);
        // A form parameter makes the endpoint require the antiforgery token (UseAntiforgery).
        app.MapPost("/clients/{id:guid}/subject-access.json", (HttpContext http, ICaseDeskSender sender, Guid id, [FromForm] string? reason, CancellationToken ct) =>
            SubjectAccessFile(http, sender, id, reason, ct)).RequireAuthorization(roles);
    }

    private static async Task<IResult> SubjectAccessFile(HttpContext http, ICaseDeskSender sender, Guid id, string? reason, CancellationToken ct)
    {
        try
        {
            var report = await sender.Send(new GetSubjectAccessReport(id, string.IsNullOrWhiteSpace(reason) ? null : reason), UiSender.CallerFrom(http.User), ct);
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
        catch (AccessReasonRequiredException refusal)
        {
            return Results.Text(refusal.Because, "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }
        catch (RequestValidationException)
        {
            return Results.BadRequest();
        }
    }
}
