using System.Net;
using CaseDesk.Domain.Data;
using CaseDesk.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.Public;

/// <summary>
/// Issue 20: opening a public side must not open the staff app. Every route the app maps (read from its endpoint list, so a page or
/// endpoint added later is covered) is requested over real HTTP without signing in: a staff route answers with the sign-in redirect,
/// 401 or 403 and a body that holds none of the demo clients' or staff's data. The routes open to anonymous visitors are exactly the
/// sign-in pages, the health check, the framework's own files and the public site.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class StaffRoutesRefuseAnonymousTests(CaseDeskAppFactory app)
{
    /// <summary>Where anonymous requests are meant to be answered.</summary>
    private static readonly string[] OpenPrefixes = ["/account/", "/health", "/viesa", "/_blazor", "/_framework/", "/_content/", "/error", "/not-found"];

    [Fact]
    public async Task Every_staff_route_refuses_an_anonymous_request_and_shows_no_personal_data()
    {
        using var browser = app.CreateBrowser();
        using (await browser.GetAsync("/health")) { } // the app is up and seeded
        var (personal, clientId, caseId) = await DemoDataAsync();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var problems = new List<string>();
        var checkedRoutes = 0;
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern;
            var raw = "/" + (pattern.RawText ?? "").TrimStart('/');
            if (IsStaticFile(raw) || OpenPrefixes.Any(p => raw.StartsWith(p, StringComparison.OrdinalIgnoreCase) || raw + "/" == p))
                continue;
            // Some routes guard themselves (the /api group's filter answers 401), so the answer decides; [AllowAnonymous] never belongs here.
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
                problems.Add($"{raw}: marked [AllowAnonymous] but is not a public route");
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            var method = methods is null || methods.Count == 0 || methods.Contains("GET") ? HttpMethod.Get : new HttpMethod(methods[0]);
            var path = Fill(pattern, raw, clientId, caseId);
            using var request = new HttpRequestMessage(method, path);
            if (method != HttpMethod.Get)
                request.Content = new FormUrlEncodedContent([]);
            using var response = await browser.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            checkedRoutes++;
            var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("account/login", StringComparison.OrdinalIgnoreCase) == true);
            if (!refused)
                problems.Add($"{method} {path}: answered {(int)response.StatusCode} {response.Headers.Location}");
            foreach (var text in personal.Where(t => body.Contains(t, StringComparison.OrdinalIgnoreCase)))
                problems.Add($"{method} {path}: the body shows \"{text}\"");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(checkedRoutes > 30, $"Only {checkedRoutes} staff routes were found in the endpoint list.");
    }

    /// <summary>A file of wwwroot (app.css, fonts) or the static-file fallback.</summary>
    private static bool IsStaticFile(string raw) => raw.Contains(":file}", StringComparison.Ordinal) || (raw.Split('/').Last() is var last && last.Contains('.') && !last.Contains('{'));

    /// <summary>Route values that exist, so a leaking route would have something to show: a real client and case.</summary>
    private static string Fill(RoutePattern pattern, string raw, Guid clientId, Guid caseId)
    {
        var path = raw;
        foreach (var parameter in pattern.Parameters)
        {
            var isGuid = parameter.ParameterPolicies.Any(p => p.Content == "guid");
            var value = isGuid ? (raw.Contains("case", StringComparison.OrdinalIgnoreCase) ? caseId : clientId).ToString() : "1";
            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{\\*{0,2}" + parameter.Name + "[^}]*\\}", value);
        }
        return path;
    }

    private async Task<(IReadOnlyList<string> Personal, Guid ClientId, Guid CaseId)> DemoDataAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
        var clients = await db.Clients.AsNoTracking().OrderBy(c => c.Id).Take(40).Select(c => new { c.Id, c.LastName, c.Phone }).ToListAsync();
        var cases = await db.Cases.AsNoTracking().OrderBy(c => c.Id).Take(40).Select(c => new { c.Id, c.Number }).ToListAsync();
        var staff = await db.Users.AsNoTracking().Select(u => u.LastName).ToListAsync();
        Assert.NotEmpty(clients);
        Assert.NotEmpty(cases);
        var personal = clients.Select(c => c.LastName).Concat(clients.Select(c => c.Phone).OfType<string>()).Concat(cases.Select(c => c.Number))
            .Concat(staff).Where(t => t.Length >= 5).Distinct().ToList();
        return (personal, clients[0].Id, cases[0].Id);
    }
}
