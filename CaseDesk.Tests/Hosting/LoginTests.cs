using System.Globalization;
using System.Net;
using System.Resources;
using CaseDesk.App;
using CaseDesk.Domain.Data;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.Hosting;

/// <summary>Signing in over real HTTP: the static login form, antiforgery, the cookie, lockout.</summary>
[Collection(AppCollection.Name)]
public sealed class LoginTests(CaseDeskAppFactory app)
{
    private const string AuthCookie = "CaseDesk.Auth";

    private static readonly ResourceManager UiText = new("CaseDesk.App.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>What a Lithuanian user (the default language) reads for an English key.</summary>
    private static string Lithuanian(string key) =>
        UiText.GetString(key, new CultureInfo("lt")) ?? throw new InvalidOperationException($"No Lithuanian text for '{key}'.");

    internal static async Task<HttpResponseMessage> SignIn(HttpClient browser, string userName, string password)
    {
        using var page = await browser.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = HtmlPage.Inputs(await page.Content.ReadAsStringAsync());
        Assert.Equal("login", form["_handler"]);
        Assert.False(string.IsNullOrEmpty(form["__RequestVerificationToken"]));

        return await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = form["_handler"],
            ["__RequestVerificationToken"] = form["__RequestVerificationToken"],
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [Fact]
    public async Task A_demo_user_signs_in_gets_the_auth_cookie_and_lands_on_the_home_page()
    {
        using var browser = app.CreateBrowser();

        using var response = await SignIn(browser, "admin", DatabaseInitializer.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", new Uri(browser.BaseAddress!, response.Headers.Location!).AbsolutePath);
        Assert.Contains(SetCookies(response), c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal) && c.Contains("httponly"));
        // The user's saved language (lt for the demo admin) becomes the culture cookie the circuit reads.
        Assert.Contains(SetCookies(response), c => c.StartsWith(".AspNetCore.Culture=c%3Dlt%7Cuic%3Dlt;", StringComparison.Ordinal));

        using var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        // The app bar names the person as colleagues know them (a claim set at sign-in), not by the login name.
        Assert.Equal("Mantas Urbonas", HtmlPage.TextOf(await home.Content.ReadAsStringAsync(), "user-name"));
    }

    [Theory]
    [InlineData("caseworker", "/")]
    [InlineData("reception", "/front-desk")]
    [InlineData("head", "/dashboard")]
    [InlineData("quality", "/complaints/desk")]
    [InlineData("trainer", "/training")]
    [InlineData("admin", "/")]
    public async Task Each_role_lands_where_its_work_is(string userName, string landing)
    {
        using var browser = app.CreateBrowser();

        using var response = await SignIn(browser, userName, DatabaseInitializer.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(landing, new Uri(browser.BaseAddress!, response.Headers.Location!).AbsolutePath);
        using var page = await browser.GetAsync(landing);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_a_cookie()
    {
        using var browser = app.CreateBrowser();

        using var response = await SignIn(browser, "head", "WrongPassword1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(SetCookies(response), c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal));
        Assert.Equal(Lithuanian("Wrong user name or password."), HtmlPage.TextOf(await response.Content.ReadAsStringAsync(), "login-error"));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected()
    {
        using var browser = app.CreateBrowser();

        using var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.UserName"] = "admin", ["Input.Password"] = DatabaseInitializer.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(SetCookies(response), c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        // Its own user: a locked admin would break the other tests sharing this app.
        const string user = "trainer";
        using var browser = app.CreateBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await SignIn(browser, user, $"Wrong{attempt}Password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var response = await SignIn(browser, user, DatabaseInitializer.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(SetCookies(response), c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal));
        Assert.Equal(
            Lithuanian("This account is locked after too many failed attempts. Try again in 15 minutes or ask an administrator."),
            HtmlPage.TextOf(await response.Content.ReadAsStringAsync(), "login-error"));
    }
}
