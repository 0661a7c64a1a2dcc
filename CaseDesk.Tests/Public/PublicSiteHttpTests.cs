using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using System.Text.Json;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Public;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.Public;

/// <summary>The public site over real HTTP without signing in: each language from the URL, no cookie, the CSP, and its words translated.</summary>
[Collection(AppCollection.Name)]
public sealed partial class PublicSiteHttpTests(CaseDeskAppFactory app)
{
    public static TheoryData<string, string> Languages => new()
    {
        { "lt", "Paslaugų terminai ir mūsų standartas" },
        { "en", "Service times and our standard" },
        { "ru", "Сроки услуг и наш стандарт" },
        { "pl", "Terminy usług i nasz standard" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task An_anonymous_visitor_gets_the_page_in_the_language_the_url_names_and_no_cookie(string language, string heading)
    {
        using var browser = app.CreateBrowser();

        using var response = await browser.GetAsync($"/viesa?lang={language}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()); // Razor writes letters beyond Latin as character references

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
        Assert.Contains($"<html lang=\"{language}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        // Nothing from another host: every src and href is relative to this site.
        Assert.DoesNotMatch(ExternalReference(), html);
        // No staff navigation on a public page.
        Assert.DoesNotContain("app-drawer", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lithuanian_is_the_default_and_a_staff_language_cookie_does_not_change_the_public_page()
    {
        using var browser = app.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/viesa");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        using var response = await browser.SendAsync(request);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()); // Razor writes letters beyond Latin as character references

        Assert.Contains("<html lang=\"lt\"", html, StringComparison.Ordinal);
        Assert.Contains("Paslaugų terminai ir mūsų standartas", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_computed_the_times_at_its_first_start_and_is_due_again_at_the_next_midnight()
    {
        using (await app.CreateBrowser().GetAsync("/health")) { }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        // The job runs once the host has started: wait for its first snapshot (seconds at most).
        PublicTimesSnapshot? snapshot = null;
        for (var i = 0; i < 100 && snapshot is null; i++, await Task.Delay(100))
            snapshot = await db.PublicTimesSnapshots.AsNoTracking().SingleOrDefaultAsync();
        Assert.NotNull(snapshot);
        var lease = await db.Leases.AsNoTracking().SingleAsync(l => l.Name == PublicTimesRefresherLease);
        // Due at the midnight (UTC) after the run, so the next node to ask after it runs the day's refresh.
        Assert.Equal(snapshot.ComputedAtUtc.Date.AddDays(1), lease.DueAtUtc);
        Assert.True(snapshot.ComputedAtUtc <= now);
        var times = JsonSerializer.Deserialize<PublicTimes>(snapshot.Figures, PublicTimesCount.Json)!;
        Assert.Equal(10, times.StandardTouchpoints.Count);
    }

    /// <summary>PublicTimesRefresher.LeaseName (internal to the app).</summary>
    private const string PublicTimesRefresherLease = "public-times";

    [Fact]
    public void Every_public_word_is_written_in_lithuanian_russian_and_polish()
    {
        var keys = SourceTree.Files("CaseDesk.App", ".razor", ".cs")
            .Where(f => f.Replace('\\', '/').Contains("/Components/Public/", StringComparison.Ordinal))
            .SelectMany(f => PublicKey().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups["key"].Value)))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(keys.Count > 30, $"The scan found only {keys.Count} P[\"...\"] keys.");

        foreach (var language in new[] { "lt", "ru", "pl" })
        {
            var values = XDocument.Load(SourceTree.PathOf("CaseDesk.App", "Resources", $"PublicText.{language}.resx")).Root!.Elements("data")
                .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
            Assert.Empty(keys.Where(k => !values.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v)).Select(k => $"{language}: {k}"));
            // Placeholders survive translation.
            Assert.Empty(keys.Where(k => Placeholders(k) != Placeholders(values[k])).Select(k => $"{language}: {k} → {values[k]}"));
            Assert.Empty(values.Keys.Except(keys).Select(k => $"{language}: unused {k}"));
        }
    }

    private static string Placeholders(string text) => string.Join(",", Regex.Matches(text, @"\{\d\}").Select(m => m.Value).Order());

    [GeneratedRegex(@"P\[""(?<key>(?:[^""\\]|\\.)*)""")]
    private static partial Regex PublicKey();

    [GeneratedRegex("""(src|href)="(https?:)?//""")]
    private static partial Regex ExternalReference();
}
