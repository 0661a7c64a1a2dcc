using CaseDesk.App.Components.Pages.Letters;
using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Letters;
using Microsoft.AspNetCore.Authorization;

namespace CaseDesk.App.Hosting;

internal static class LetterEndpoints
{
    public const string LetterRoles = $"{Roles.Caseworker},{Roles.Head},{Roles.QualityOfficer}";

    public static string PdfPath(Guid letterId) => $"letters/{letterId}/pdf";

    /// <summary>
    /// The letter as a PDF: a plain GET (a link with "download"), authorized like the print page and read through the domain as
    /// the signed-in user, so the request's role check applies and the read is audited with the purpose "PDF"; never cached.
    /// </summary>
    public static void MapLetterEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/letters/{id:guid}/pdf", async (HttpContext http, ICaseDeskSender sender, TimeProvider clock, Guid id, CancellationToken ct) =>
        {
            try
            {
                var letter = await sender.Send(new GetLetter(id, GetLetter.PdfPurpose), UiSender.CallerFrom(http.User), ct);
                // The date the letter went out, or today for a draft printed to send (as the print view).
                var date = DateOnly.FromDateTime(letter.SentAtUtc is { } sent ? VilniusTime.ToLocal(sent) : VilniusTime.Now(clock));
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(LetterPdf.Render(letter, date), "application/pdf", LetterPdf.FileName(letter, date));
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }
            catch (AccessDeniedException)
            {
                return Results.Forbid();
            }
        }).RequireAuthorization(new AuthorizeAttribute { Roles = LetterRoles });
    }
}
