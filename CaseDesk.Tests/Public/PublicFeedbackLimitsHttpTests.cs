using System.Net;
using CaseDesk.Tests.Support;
using static CaseDesk.Tests.Public.PublicFeedbackFormHttpTests;

namespace CaseDesk.Tests.Public;

/// <summary>
/// The rate limits on the public inputs over real HTTP (limits made small by <see cref="PublicFormsApp"/>): per client address, posts
/// only, lookups and feedback counted apart, a 429 that says nothing about the code, and X-Forwarded-For believed only from the
/// configured proxy.
/// </summary>
[Collection(PublicFormsCollection.Name)]
public sealed class PublicFeedbackLimitsHttpTests(PublicFormsApp forms)
{
    [Fact]
    public async Task A_burst_of_lookups_is_refused_after_the_limit_even_for_a_right_code_while_another_address_goes_on()
    {
        var code = await RegisterAsync("198.51.100.1");
        using var client = forms.Client("198.51.100.2");

        for (var i = 0; i < PublicFormsApp.LookupLimit; i++)
        {
            using var allowed = await LookUpAsync(client, "en", "9F3K-W2HT-5QPM-XV7B-A1CN");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await LookUpAsync(client, "en", code);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.NotNull(HtmlPage.TextOf(html, "too-many"));
        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Too many requests</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/viesa/busena?lang=en\"", html, StringComparison.Ordinal);
        // Nothing about the code: neither it nor its feedback.
        Assert.DoesNotContain(code, html, StringComparison.Ordinal);
        Assert.DoesNotContain("public-stage", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Registered", html, StringComparison.Ordinal);
        Assert.False(refused.Headers.Contains("Set-Cookie"));

        // Reading the page is not limited; the feedback form has its own allowance; another address is not limited.
        using (var get = await client.GetAsync("/viesa/busena?lang=en"))
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var page = await OpenAsync(client, "en");
        using (var feedback = await PostFeedbackAsync(client, "en", page, forms.FillToken(TimeSpan.FromMinutes(1)), website: "x"))
            Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        using var other = await LookUpAsync(forms.Client("198.51.100.3"), "en", code);
        Assert.Equal("Registered", HtmlPage.TextOf(WebUtility.HtmlDecode(await other.Content.ReadAsStringAsync()), "public-stage"));
    }

    [Fact]
    public async Task Feedback_posts_are_refused_after_their_limit_in_the_urls_language()
    {
        using var client = forms.Client("198.51.100.4");
        var page = await OpenAsync(client, "lt");

        for (var i = 0; i < PublicFormsApp.FeedbackLimit; i++)
        {
            using var allowed = await PostFeedbackAsync(client, "lt", page, forms.FillToken(TimeSpan.FromMinutes(1)), website: "honeypot keeps the database clean");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await PostFeedbackAsync(client, "lt", page, forms.FillToken(TimeSpan.FromMinutes(1)));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("<html lang=\"lt\"", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Per daug užklausų</h1>", html, StringComparison.Ordinal);
        using (var get = await client.GetAsync("/viesa/atsiliepimas?lang=lt"))
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Fact]
    public async Task X_forwarded_for_is_ignored_from_an_untrusted_peer_and_believed_from_the_configured_proxy()
    {
        // An untrusted peer naming a new address on every request is still one client.
        using var untrusted = forms.Client("198.51.100.5");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= PublicFormsApp.LookupLimit; i++)
        {
            untrusted.DefaultRequestHeaders.Remove("X-Forwarded-For");
            untrusted.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            using var response = await LookUpAsync(untrusted, "en", "9F3K-W2HT-5QPM-XV7B-A1CN");
            statuses.Add(response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);

        // Through the proxy, each client it names has its own allowance.
        using var proxy = forms.Client(PublicFormsApp.TrustedProxy);
        for (var i = 0; i <= PublicFormsApp.LookupLimit; i++)
        {
            proxy.DefaultRequestHeaders.Remove("X-Forwarded-For");
            proxy.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.50");
            using var _ = await LookUpAsync(proxy, "en", "9F3K-W2HT-5QPM-XV7B-A1CN");
        }
        proxy.DefaultRequestHeaders.Remove("X-Forwarded-For");
        proxy.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.51");
        using var second = await LookUpAsync(proxy, "en", "9F3K-W2HT-5QPM-XV7B-A1CN");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        proxy.DefaultRequestHeaders.Remove("X-Forwarded-For");
        proxy.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.50");
        using var first = await LookUpAsync(proxy, "en", "9F3K-W2HT-5QPM-XV7B-A1CN");
        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
    }

    private async Task<string> RegisterAsync(string peer)
    {
        using var client = forms.Client(peer);
        var page = await OpenAsync(client, "en");
        using var response = await PostFeedbackAsync(client, "en", page, forms.FillToken(TimeSpan.FromMinutes(1)), text: "A suggestion about the stands.", kind: "Suggestion");
        var code = HtmlPage.TextOf(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), "tracking-code");
        Assert.NotNull(code);
        return code;
    }
}
