using CaseDesk.App.Services;
using CaseDesk.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace CaseDesk.App.Hosting;

internal static class AccountEndpoints
{
    public const string KeepAlivePath = "/account/keepalive";

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // The page calls this after user input (at most once a minute): the cookie is renewed (see CaseDeskHost) and the activity noted.
        app.MapPost(KeepAlivePath, (HttpContext http, SessionActivity activity) =>
        {
            activity.Touch(UiSender.CallerFrom(http.User).UserId);
            return Results.NoContent();
        }).RequireAuthorization().DisableAntiforgery();

        app.MapPost("/account/logout", async (SignInManager<StaffUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        });

        // The language switch: the user's preference is saved by the page (SetMyLanguage); this sets the cookie the circuit reads.
        app.MapGet("/culture/set", (HttpContext http, string culture, string? redirectUri) =>
        {
            if (CaseDeskHost.Cultures.All(c => c.Name != culture))
                return Results.BadRequest("Unsupported culture.");
            SetCultureCookie(http, culture);
            return Results.LocalRedirect(IsLocal(redirectUri) ? redirectUri! : "/");
        }).RequireAuthorization();
    }

    public static void SetCultureCookie(HttpContext http, string culture) =>
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddYears(1),
                IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true,
            });

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
