using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseDesk.Domain.Data;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.Resilience;

/// <summary>
/// A signed-in HTTP client for the JSON API (docs/reliability.md): signs in through the login form,
/// keeps the cookie, and sends the antiforgery header from GET /api/antiforgery on every request.
/// </summary>
public sealed class ApiSession(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    /// <summary>A new cookie-keeping client on a running app (e.g. an <see cref="Browser.AppProcess"/>).</summary>
    public static Task<ApiSession> SignInAsync(Uri baseAddress, string userName, string password = DatabaseInitializer.DemoPassword)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
        return SignInAsync(new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) }, userName, password);
    }

    /// <summary>Signs in on a client that keeps cookies and does not follow redirects (e.g. CaseDeskAppFactory.CreateBrowser()).</summary>
    public static async Task<ApiSession> SignInAsync(HttpClient http, string userName, string password = DatabaseInitializer.DemoPassword)
    {
        using (var page = await http.GetAsync("/account/login"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var form = HtmlPage.Inputs(await page.Content.ReadAsStringAsync());
            using var signedIn = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = form["_handler"],
                ["__RequestVerificationToken"] = form["__RequestVerificationToken"],
                ["Input.UserName"] = userName,
                ["Input.Password"] = password,
            }));
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"{userName} did not sign in: HTTP {(int)signedIn.StatusCode}");
        }

        var antiforgery = await http.GetFromJsonAsync<JsonElement>("/api/antiforgery");
        http.DefaultRequestHeaders.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
        return new ApiSession(http);
    }

    public Task<HttpResponseMessage> PostContactAsync(object body, CancellationToken ct = default) =>
        Http.PostAsJsonAsync("/api/contacts", body, ct);

    public Task<HttpResponseMessage> PostRawAsync(string path, string json, CancellationToken ct = default) =>
        Http.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"), ct);

    public void Dispose() => Http.Dispose();
}
