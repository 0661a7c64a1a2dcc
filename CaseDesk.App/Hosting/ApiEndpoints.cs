using System.Text.Json;
using System.Text.Json.Serialization;
using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using Microsoft.AspNetCore.Antiforgery;

namespace CaseDesk.App.Hosting;

/// <summary>
/// A small JSON API for scripts, the crash test and the load benchmark (docs/reliability.md). It signs in
/// with the app's cookie and sends the same domain commands as the pages, as the signed-in user: the
/// same role checks, validation, transaction and audit row. Writes need the antiforgery header from
/// <c>GET /api/antiforgery</c>, so another site cannot post with the user's cookie.
/// </summary>
internal static class ApiEndpoints
{
    public const string AntiforgeryHeader = "RequestVerificationToken";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static void MapApiEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter(async (context, next) =>
            // A plain 401 instead of the cookie scheme's redirect to the login page.
            context.HttpContext.User.Identity?.IsAuthenticated == true ? await next(context) : Results.Unauthorized());

        api.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            return Results.Ok(new { headerName = AntiforgeryHeader, token = tokens.RequestToken });
        });

        api.MapPost("/contacts", async (HttpContext http, IAntiforgery antiforgery, ICaseDeskSender sender, CancellationToken ct) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid antiforgery token.",
                    detail: $"Send the token from GET /api/antiforgery in the {AntiforgeryHeader} header.");
            ContactBody? body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<ContactBody>(http.Request.Body, Json, ct);
            }
            catch (JsonException e)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [e.Message] });
            }
            if (body is null)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A JSON object is required."] });

            return await Send(http, sender, body.ToCommand(), id => Results.Created($"/api/contacts/{id}", new { id }), ct);
        });
    }

    /// <summary>Domain outcomes as HTTP: the same meaning the pages give them.</summary>
    private static async Task<IResult> Send<T>(HttpContext http, ICaseDeskSender sender, ICommand<T> command, Func<T, IResult> ok, CancellationToken ct)
    {
        try
        {
            return ok(await sender.Send(command, UiSender.CallerFrom(http.User), ct));
        }
        catch (RequestValidationException e)
        {
            return Results.ValidationProblem(e.Errors.ToDictionary(x => x.Key, x => x.Value));
        }
        catch (AccessDeniedException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.", detail: e.Reason);
        }
        catch (NotFoundException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: e.Message);
        }
        catch (ConcurrencyConflictException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed by someone else.", detail: e.Message);
        }
        catch (DomainRefusalException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Refused.", detail: e.Because);
        }
    }

    /// <summary>The body of POST /api/contacts: <see cref="LogContact"/>'s fields; enums by name (e.g. "Phone", "Incoming").</summary>
    private sealed record ContactBody(
        Guid ClientId, Guid? CaseId, int Touchpoint, ContactChannel Channel, ContactDirection Direction, DateTime OccurredAtUtc,
        string? Summary, string? Discussed, string? Decided, string? Done, string? NextStep, DateTime? NextMeetingAtUtc,
        string? NextMeetingPlace, IReadOnlyList<PromiseBody?>? Promises)
    {
        public LogContact ToCommand() => new(ClientId, CaseId, Touchpoint, Channel, Direction, OccurredAtUtc, Summary ?? "", Discussed,
            Decided, Done, NextStep, NextMeetingAtUtc, NextMeetingPlace,
            (Promises ?? []).Select(p => new PromiseInput(p?.Text ?? "", p?.DueAtUtc ?? default)).ToList());
    }

    private sealed record PromiseBody(string? Text, DateTime DueAtUtc);
}
