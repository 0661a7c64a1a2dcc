using CaseDesk.App.Hosting;
using Microsoft.AspNetCore.Localization;

namespace CaseDesk.App.Components.Public;

/// <summary>
/// The public website under <see cref="Path"/> (docs/public.md): anonymous, static server-rendered (no circuit, so no cookie), in the
/// language the URL names (<c>?lang=ru</c>). The staff app's language cookie is not read there: a public page sets and reads no cookie.
/// </summary>
public static class PublicSite
{
    public const string Path = "/viesa";

    /// <summary>The feedback form ("atsiliepimas": feedback).</summary>
    public const string FeedbackPath = "/viesa/atsiliepimas";

    /// <summary>The status of feedback, found by its tracking code ("būsena": status).</summary>
    public const string StatusPath = "/viesa/busena";

    /// <summary>
    /// After the staff localization: on public paths the URL's language replaces whatever it chose, and the response carries no cookie.
    /// Blazor's static rendering still stores an antiforgery token in the page's persisted state, which sets the antiforgery cookie;
    /// the public forms do without it (docs/public.md, "Abuse"), so it is dropped rather than sent to visitors. A form post too big
    /// to read is answered here (<see cref="PublicLimits.UsePublicFormLimit"/>), before anything reads it.
    /// </summary>
    public static IApplicationBuilder UsePublicSite(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), branch =>
        {
            branch.Use((context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.SetCookie);
                    return Task.CompletedTask;
                });
                return next(context);
            });
            branch.UseRequestLocalization(new RequestLocalizationOptions
            {
                DefaultRequestCulture = new RequestCulture("lt"),
                SupportedCultures = PublicText.Cultures,
                SupportedUICultures = PublicText.Cultures,
                RequestCultureProviders = [new QueryStringRequestCultureProvider { QueryStringKey = PublicText.QueryKey, UIQueryStringKey = PublicText.QueryKey }],
            });
            branch.UsePublicFormLimit(branch.ApplicationServices.GetRequiredService<IConfiguration>());
        });

    /// <summary>A public page's address in a language (Lithuanian, the default, still named so the choice stays in the URL).</summary>
    public static string Link(string page, string language) => $"{page.TrimStart('/')}?{PublicText.QueryKey}={language}";
}
