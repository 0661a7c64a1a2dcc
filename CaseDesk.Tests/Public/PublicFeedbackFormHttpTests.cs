using System.Net;
using System.Text.RegularExpressions;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.Public;

/// <summary>
/// The public feedback form and the status page over real HTTP, anonymous and without cookies: each language, the fill token, the
/// honeypot, the size limit, the errors at the field, the code shown once, and a lookup that finds nothing answering the same whatever
/// the reason.
/// </summary>
[Collection(PublicFormsCollection.Name)]
public sealed partial class PublicFeedbackFormHttpTests(PublicFormsApp forms)
{
    private const string FeedbackPath = "/viesa/atsiliepimas";
    private const string StatusPath = "/viesa/busena";

    public static TheoryData<string, string, string, string> Languages => new()
    {
        { "lt", "Pateikti atsiliepimą", "Jūsų atsiliepimas", "Sekimo kodas" },
        { "en", "Give feedback", "Your feedback", "Tracking code" },
        { "ru", "Оставить отзыв", "Ваш отзыв", "Код отслеживания" },
        { "pl", "Przekaż opinię", "Pana/Pani opinia", "Kod śledzenia" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_form_and_the_status_page_come_in_the_urls_language_with_no_cookie_and_nothing_from_elsewhere(
        string language, string heading, string textLabel, string codeLabel)
    {
        using var client = forms.Client("192.0.2.10");

        foreach (var (path, expected) in new[] { (FeedbackPath, $"<label for=\"feedback-text\">{textLabel}</label>"), (StatusPath, $"<label for=\"status-code\">{codeLabel}</label>") })
        {
            using var response = await client.GetAsync($"{path}?lang={language}");
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"), string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
            Assert.Contains("script-src 'self'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control {response.Headers.CacheControl}");
            Assert.Contains($"<html lang=\"{language}\"", html, StringComparison.Ordinal);
            Assert.Contains(expected, html, StringComparison.Ordinal);
            Assert.DoesNotMatch(ExternalReference(), html);
            Assert.Contains("data-testid=\"public-nav\"", html, StringComparison.Ordinal);
            // The form posts back to the page in its language (no action: the browser posts to the page's own address).
            Assert.Matches("<form method=\"post\"", html);
        }
        using var feedback = await client.GetAsync($"{FeedbackPath}?lang={language}");
        Assert.Contains($"<h1>{heading}</h1>", WebUtility.HtmlDecode(await feedback.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filled_in_form_registers_the_feedback_once_and_shows_its_code_once_without_a_cookie()
    {
        using var client = forms.Client("192.0.2.11");
        var before = await forms.TicketCountAsync();
        var page = await OpenAsync(client, "lt");
        var token = forms.FillToken(TimeSpan.FromSeconds(30));

        using var response = await PostFeedbackAsync(client, "lt", page, token, text: "Laukiau skambučio dvi savaites.", contact: "+370 600 12345", touchpoint: "2");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.True(response.Headers.CacheControl?.NoStore);
        var code = HtmlPage.TextOf(html, "tracking-code");
        Assert.NotNull(code);
        Assert.Matches(CodeShape(), code);
        Assert.DoesNotContain("data-testid=\"code-mailed\"", html, StringComparison.Ordinal); // a phone number: nothing was mailed
        Assert.Contains($"href=\"viesa/busena?lang=lt\"", html, StringComparison.Ordinal);
        Assert.Equal(before + 1, await forms.TicketCountAsync());

        // The same form again (a reload, a double click): refused, no second code.
        using var again = await PostFeedbackAsync(client, "lt", page, token, text: "Laukiau skambučio dvi savaites.", contact: "+370 600 12345", touchpoint: "2");
        var againHtml = WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync());
        Assert.Null(HtmlPage.TextOf(againHtml, "tracking-code"));
        Assert.NotNull(HtmlPage.TextOf(againHtml, "form-message"));
        Assert.Equal(before + 1, await forms.TicketCountAsync());

        // The code finds the feedback on the status page, registered.
        using var status = await LookUpAsync(forms.Client("192.0.2.12"), "lt", code);
        var statusHtml = WebUtility.HtmlDecode(await status.Content.ReadAsStringAsync());
        Assert.Equal("Užregistruota", HtmlPage.TextOf(statusHtml, "public-stage"));
        var shown = HtmlPage.TextOf(statusHtml, "public-status") ?? "";
        Assert.Contains("Skundas", shown, StringComparison.Ordinal);
        Assert.Contains("Skambutis telefonu į Socialinės paramos skyrių", shown, StringComparison.Ordinal); // touchpoint 2
        Assert.DoesNotContain("Laukiau skambučio", shown, StringComparison.Ordinal); // never the person's own text
    }

    [Theory]
    [InlineData("ru", "Эта форма уже отправлена")]
    [InlineData("pl", "Ten formularz został już wysłany")]
    [InlineData("lt", "Ši forma jau išsiųsta")]
    public async Task The_same_form_sent_twice_is_refused_in_the_pages_language_even_where_the_domain_has_no_words(string language, string refusal)
    {
        using var client = forms.Client($"192.0.2.{language switch { "ru" => 31, "pl" => 32, _ => 33 }}"); // each its own allowance
        var page = await OpenAsync(client, language);
        var token = forms.FillToken(TimeSpan.FromSeconds(30));
        using (var first = await PostFeedbackAsync(client, language, page, token, text: "Ačiū už pagalbą.", kind: "Praise"))
            Assert.NotNull(HtmlPage.TextOf(WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync()), "tracking-code"));

        using var again = await PostFeedbackAsync(client, language, page, token, text: "Ačiū už pagalbą.", kind: "Praise");
        var html = WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync());

        Assert.Null(HtmlPage.TextOf(html, "tracking-code"));
        Assert.StartsWith(refusal, HtmlPage.TextOf(html, "form-message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_e_mail_address_gets_the_code_mailed_and_the_receipt_says_so()
    {
        using var client = forms.Client("192.0.2.13");
        var page = await OpenAsync(client, "en");

        using var response = await PostFeedbackAsync(client, "en", page, forms.FillToken(TimeSpan.FromMinutes(5)), kind: "Praise",
            text: "The home visit was on time and very helpful.", contact: "jonas.jonaitis@pastas.lt");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Matches(CodeShape(), HtmlPage.TextOf(html, "tracking-code") ?? "");
        Assert.NotNull(HtmlPage.TextOf(html, "code-mailed"));
    }

    [Fact]
    public async Task A_filled_honeypot_registers_nothing_and_says_only_that_it_could_not_be_accepted()
    {
        using var client = forms.Client("192.0.2.14");
        var before = await forms.TicketCountAsync();
        var page = await OpenAsync(client, "en");

        using var response = await PostFeedbackAsync(client, "en", page, forms.FillToken(TimeSpan.FromMinutes(1)), website: "https://spam.example");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal("Your feedback could not be accepted.", HtmlPage.TextOf(html, "form-message"));
        Assert.Null(HtmlPage.TextOf(html, "tracking-code"));
        Assert.Equal(before, await forms.TicketCountAsync());
    }

    [Fact]
    public async Task A_form_sent_faster_than_a_person_fills_it_is_not_registered_and_keeps_the_input()
    {
        using var client = forms.Client("192.0.2.15");
        var before = await forms.TicketCountAsync();
        var page = await OpenAsync(client, "lt");

        // Straight back with the token the page just gave out.
        using var response = await PostFeedbackAsync(client, "lt", page, page["Input.FillToken"], text: "Greitas tekstas", name: "Ona Onaitė");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal("Patikrinkite, ką parašėte, ir išsiųskite dar kartą.", HtmlPage.TextOf(html, "form-message"));
        Assert.Equal(before, await forms.TicketCountAsync());
        Assert.Contains(">Greitas tekstas</textarea>", html, StringComparison.Ordinal);
        Assert.Equal("Ona Onaitė", HtmlPage.Inputs(html)["Input.Name"]);
    }

    public static TheoryData<string> BadTokens => new() { "tampered", "old", "missing" };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_changed_missing_or_old_fill_token_says_the_form_expired_and_gives_a_new_one(string kind)
    {
        using var client = forms.Client("192.0.2.16");
        var before = await forms.TicketCountAsync();
        var page = await OpenAsync(client, "en");
        var good = forms.FillToken(TimeSpan.FromMinutes(1));
        var token = kind switch
        {
            "tampered" => good[..^4] + (good[^4..] == "AAAA" ? "BBBB" : "AAAA"),
            "old" => forms.FillToken(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1)),
            _ => "",
        };

        using var response = await PostFeedbackAsync(client, "en", page, token, text: "Kept text");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal("The form has expired. Please check what you wrote and send it again.", HtmlPage.TextOf(html, "form-message"));
        Assert.Contains(">Kept text</textarea>", html, StringComparison.Ordinal);
        var renewed = HtmlPage.Inputs(html)["Input.FillToken"];
        Assert.NotEqual(token, renewed);
        Assert.NotEmpty(renewed);
        Assert.Equal(before, await forms.TicketCountAsync());
    }

    [Fact]
    public async Task Field_errors_are_shown_at_the_field_in_the_pages_language_with_a_summary_and_the_input_kept()
    {
        using var client = forms.Client("192.0.2.17");
        var page = await OpenAsync(client, "ru");

        using var response = await PostFeedbackAsync(client, "ru", page, forms.FillToken(TimeSpan.FromMinutes(1)), kind: null, text: "   ",
            contact: "not a contact", name: "Иван");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Напишите ваш отзыв.", HtmlPage.TextOf(html, "error-text"));
        Assert.StartsWith("Введите адрес электронной почты", HtmlPage.TextOf(html, "error-contact"), StringComparison.Ordinal);
        Assert.Equal("Выберите, что это: жалоба, предложение или благодарность.", HtmlPage.TextOf(html, "error-kind"));
        // Tied to the field for screen readers.
        Assert.Matches("<textarea id=\"feedback-text\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"feedback-text-hint text-error\"", html);
        Assert.Matches("<input type=\"text\" id=\"feedback-contact\" name=\"Input.Contact\" value=\"not a contact\"[^>]*aria-invalid=\"true\"", html);
        // The summary links to the fields.
        var summary = HtmlPage.TextOf(html, "error-summary") ?? "";
        Assert.Contains("Напишите ваш отзыв.", summary, StringComparison.Ordinal);
        Assert.Contains("href=\"viesa/atsiliepimas?lang=ru#feedback-text\"", html, StringComparison.Ordinal);
        Assert.Equal("Иван", HtmlPage.Inputs(html)["Input.Name"]);
        Assert.Null(HtmlPage.TextOf(html, "tracking-code"));
    }

    [Fact]
    public async Task The_domains_own_refusal_of_a_field_is_shown_at_that_field()
    {
        using var client = forms.Client("192.0.2.21");
        var before = await forms.TicketCountAsync();
        var page = await OpenAsync(client, "en");

        // A direction control hidden in the name: the page does not look for it, the domain's validator does.
        using var response = await PostFeedbackAsync(client, "en", page, forms.FillToken(TimeSpan.FromMinutes(1)), name: "Jonas\u202EsanoJ");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("invisible characters", HtmlPage.TextOf(html, "error-name"), StringComparison.Ordinal);
        Assert.Matches("id=\"feedback-name\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"name-error\"", html);
        Assert.Null(HtmlPage.TextOf(html, "tracking-code"));
        Assert.Equal(before, await forms.TicketCountAsync());
    }

    [Fact]
    public async Task A_huge_post_gets_a_clear_413_page_in_the_urls_language()
    {
        using var client = forms.Client("192.0.2.18");
        var page = await OpenAsync(client, "pl");

        using var response = await PostFeedbackAsync(client, "pl", page, forms.FillToken(TimeSpan.FromMinutes(1)), text: new string('x', PublicFormsApp.MaxFormBytes + 10));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("<html lang=\"pl\"", html, StringComparison.Ordinal);
        Assert.NotNull(HtmlPage.TextOf(html, "too-large"));
        Assert.Contains("<h1>Wysłano zbyt dużo</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_that_finds_nothing_gets_the_same_answer_whatever_was_typed_and_is_not_echoed()
    {
        using var client = forms.Client("192.0.2.19");

        using var wrong = await LookUpAsync(client, "en", "9F3K-W2HT-5QPM-XV7B-A1CN");
        using var malformed = await LookUpAsync(client, "en", "not-a-code");
        // Blazor's persisted component state is encrypted afresh for every response (a random IV), whatever the page says: left out.
        var wrongHtml = WithoutComponentState(await wrong.Content.ReadAsStringAsync());
        var malformedHtml = WithoutComponentState(await malformed.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.NotNull(HtmlPage.TextOf(wrongHtml, "status-not-found"));
        Assert.Equal(wrongHtml, malformedHtml);
        Assert.DoesNotContain("9F3K", wrongHtml, StringComparison.Ordinal);
        Assert.Null(HtmlPage.TextOf(wrongHtml, "public-status"));
        Assert.True(wrong.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task An_empty_code_is_asked_for_at_the_field()
    {
        using var client = forms.Client("192.0.2.20");

        using var response = await LookUpAsync(client, "pl", "  ");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal("Proszę wpisać kod śledzenia.", HtmlPage.TextOf(html, "error-code"));
        Assert.Matches("id=\"status-code\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"status-code-hint code-error\"", html);
        Assert.Null(HtmlPage.TextOf(html, "status-not-found"));
    }

    private static string WithoutComponentState(string html) => ComponentState().Replace(html, "");

    internal static async Task<Dictionary<string, string>> OpenAsync(HttpClient client, string language)
    {
        using var response = await client.GetAsync($"{FeedbackPath}?lang={language}");
        response.EnsureSuccessStatusCode();
        return HtmlPage.Inputs(await response.Content.ReadAsStringAsync());
    }

    internal static Task<HttpResponseMessage> PostFeedbackAsync(HttpClient client, string language, Dictionary<string, string> page, string token,
        string? kind = "Complaint", string text = "Some feedback", string touchpoint = "", string name = "", string contact = "", string website = "")
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("_handler", page["_handler"]),
            new("Input.FillToken", token),
            new("Input.Text", text),
            new("Input.Touchpoint", touchpoint),
            new("Input.Name", name),
            new("Input.Contact", contact),
            new("Input.Website", website),
        };
        if (kind is not null)
            fields.Add(new("Input.Kind", kind));
        return client.PostAsync($"{FeedbackPath}?lang={language}", new FormUrlEncodedContent(fields));
    }

    internal static Task<HttpResponseMessage> LookUpAsync(HttpClient client, string language, string code) =>
        client.PostAsync($"{StatusPath}?lang={language}", new FormUrlEncodedContent([new("_handler", "public-status"), new("Input.Code", code)]));

    [GeneratedRegex("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$")]
    internal static partial Regex CodeShape();

    [GeneratedRegex("<!--Blazor-Server-Component-State:[^>]*-->")]
    private static partial Regex ComponentState();

    [GeneratedRegex("""(src|href|action)="(https?:)?//""")]
    private static partial Regex ExternalReference();
}
