using System.Net;
using CaseDesk.App.Hosting;
using CaseDesk.Domain.Data;
using CaseDesk.Tests.Support;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseDesk.Tests.Hosting;

/// <summary>Hardening over real HTTP: security headers, the audit export's access, the idle timeout, circuit limits.</summary>
[Collection(AppCollection.Name)]
public sealed class SecurityTests(CaseDeskAppFactory app)
{
    public static TheoryData<string> Paths => new() { "/account/login", "/", "/app.css", "/health", "/_framework/blazor.web.js" };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var browser = app.CreateBrowser();
        if (path == "/")
            (await LoginTests.SignIn(browser, "caseworker", DatabaseInitializer.DemoPassword)).Dispose();

        using var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy").Split(';').Select(d => d.Trim()).ToList();
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("style-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("connect-src 'self' ws://localhost wss://localhost", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("base-uri 'self'", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.DoesNotContain(csp, d => d.Contains("unsafe-eval") || (d.StartsWith("script-src") && d.Contains("unsafe-inline")));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
    }

    [Fact]
    public async Task The_audit_csv_is_for_admin_and_the_standard_officer_only_and_applies_the_filters()
    {
        using var anonymous = app.CreateBrowser();
        using var caseworker = app.CreateBrowser();
        using var officer = app.CreateBrowser();
        (await LoginTests.SignIn(caseworker, "caseworker2", DatabaseInitializer.DemoPassword)).Dispose();
        (await LoginTests.SignIn(officer, "quality", DatabaseInitializer.DemoPassword)).Dispose();

        using var notSignedIn = await anonymous.GetAsync("/admin/audit.csv");
        using var wrongRole = await caseworker.GetAsync("/admin/audit.csv");
        using var badFilter = await officer.GetAsync("/admin/audit.csv?kind=Everything");
        using var csv = await officer.GetAsync("/admin/audit.csv?kind=Read&user=caseworker2");

        Assert.Equal(HttpStatusCode.Redirect, notSignedIn.StatusCode);
        Assert.Contains("/account/login", notSignedIn.Headers.Location!.ToString());
        Assert.Contains("/account/access-denied", wrongRole.Headers.Location?.ToString() ?? wrongRole.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        // The human columns come first in the officer's language; the login and the request's code name follow.
        using var parser = new CsvHelper.CsvParser(new StringReader((await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF')),
            new CsvHelper.Configuration.CsvConfiguration(System.Globalization.CultureInfo.InvariantCulture) { Delimiter = ";" });
        var lines = new List<string[]>();
        while (parser.Read())
            lines.Add(parser.Record!);
        Assert.Contains("(Vilnius)", lines[0][0]);
        Assert.All(lines.Skip(1), l => Assert.Equal("caseworker2", l[9]));
    }

    [Fact]
    public void The_sign_in_cookie_lapses_after_30_minutes_without_a_request_and_slides_while_used()
    {
        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.Equal(TimeSpan.FromMinutes(30), cookie.ExpireTimeSpan);
        Assert.True(cookie.SlidingExpiration);
        Assert.True(cookie.Cookie.HttpOnly);
        Assert.Equal(TimeSpan.FromMinutes(30), app.Services.GetRequiredService<SessionActivity>().IdleTimeout);
    }

    [Fact]
    public async Task The_keep_alive_renews_the_cookie_for_a_signed_in_user_only()
    {
        using var anonymous = app.CreateBrowser();
        using var user = app.CreateBrowser();
        (await LoginTests.SignIn(user, "reception", DatabaseInitializer.DemoPassword)).Dispose();

        using var refused = await anonymous.PostAsync("/account/keepalive", null);
        using var renewed = await user.PostAsync("/account/keepalive", null);

        Assert.NotEqual(HttpStatusCode.NoContent, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, renewed.StatusCode);
        Assert.Contains(renewed.Headers.GetValues("Set-Cookie"), c => c.StartsWith("CaseDesk.Auth=", StringComparison.Ordinal));
    }

    [Fact]
    public void A_session_idle_longer_than_the_timeout_has_expired_and_activity_restarts_it()
    {
        var clock = new FakeClock();
        var sessions = new SessionActivity(clock) { IdleTimeout = TimeSpan.FromMinutes(30) };

        Assert.False(sessions.HasExpired("u1")); // first seen now
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.False(sessions.HasExpired("u1"));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(sessions.HasExpired("u1"));
        sessions.Touch("u1");
        Assert.False(sessions.HasExpired("u1"));
        Assert.Equal(TimeSpan.Zero, sessions.IdleFor("u1"));
    }

    [Fact]
    public void Circuits_and_the_hub_run_with_the_documented_limits()
    {
        var circuit = app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;
        var hubType = typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        var hubOptionsType = typeof(HubOptions<>).MakeGenericType(hubType);
        var optionsType = typeof(IOptions<>).MakeGenericType(hubOptionsType);
        var hub = (HubOptions)optionsType.GetProperty("Value")!.GetValue(app.Services.GetRequiredService(optionsType))!;

        Assert.Equal(100, circuit.DisconnectedCircuitMaxRetained);
        Assert.Equal(TimeSpan.FromMinutes(3), circuit.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(TimeSpan.FromSeconds(30), circuit.JSInteropDefaultCallTimeout);
        Assert.Equal(10, circuit.MaxBufferedUnacknowledgedRenderBatches);
        Assert.Equal(CaseDesk.App.Hosting.CaseDeskHost.MaximumReceiveMessageBytes, hub.MaximumReceiveMessageSize); // docs/security.md: the longest field, 3 bytes a character
        Assert.Equal(1, hub.MaximumParallelInvocationsPerClient);
        Assert.Equal(TimeSpan.FromSeconds(30), hub.ClientTimeoutInterval);
        Assert.Equal(TimeSpan.FromSeconds(15), hub.HandshakeTimeout);
        Assert.False(hub.EnableDetailedErrors);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage!.RequestUri} has no {name} header.");
}
