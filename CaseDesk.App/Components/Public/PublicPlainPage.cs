using System.Net;
using Microsoft.Extensions.Localization;

namespace CaseDesk.App.Components.Public;

/// <summary>
/// The public site's answers written before any page runs (too many requests, a post too big to read): a small page of its own in the
/// URL's language, with a heading and a way back, no layout, no script, nothing from elsewhere, and nothing about what was asked.
/// </summary>
public static class PublicPlainPage
{
    public static Task TooManyRequestsAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var P = Texts(context);
        return WriteAsync(context, StatusCodes.Status429TooManyRequests, "too-many", P["Too many requests"],
            P["Too many requests came from your connection in a short time. Please wait a few minutes and try again."], cancellationToken);
    }

    public static Task TooLargeAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var P = Texts(context);
        return WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "too-large", P["What you sent is too long"],
            P["The form could not be read: what was sent is far longer than the form allows. Please shorten your text and send it again."], cancellationToken);
    }

    private static IStringLocalizer<PublicText> Texts(HttpContext context) => context.RequestServices.GetRequiredService<IStringLocalizer<PublicText>>();

    private static async Task WriteAsync(HttpContext context, int status, string testId, string heading, string text, CancellationToken cancellationToken)
    {
        var P = Texts(context);
        var language = PublicText.Current;
        var back = context.Request.Path.StartsWithSegments(PublicSite.Path) ? context.Request.Path.Value! : PublicSite.Path;
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var html = $"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" /><title>{Encode(heading)}</title>
            <style>body {"{"} font-family: sans-serif; margin: 0 auto; padding: 1rem; max-width: 40rem; line-height: 1.5; color: #1a1a1a; {"}"} a {"{"} color: #0b4f8a; {"}"}</style></head>
            <body><main data-testid="{testId}"><h1>{Encode(heading)}</h1><p>{Encode(text)}</p>
            <p><a href="{Encode(back)}?{PublicText.QueryKey}={language}">{Encode(P["Back to the page"])}</a></p></main></body>
            </html>
            """;
        await context.Response.WriteAsync(html, cancellationToken);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
