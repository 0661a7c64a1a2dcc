using System.Text.RegularExpressions;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Public;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using IPage = Microsoft.Playwright.IPage;

namespace CaseDesk.Tests.Browser;

/// <summary>
/// Issue 20: a visitor gives feedback on the public site without signing in, in each of the four languages, anonymously and with a
/// contact, and follows it with the tracking code while the standard officer takes it through every step to closed in the staff app;
/// the status page shows the stage in plain words and the replies written to the person, and nothing internal. A wrong code and a
/// burst of lookups get nothing useful. Axe at 390 px and on a desktop; no cookie at any point.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PublicFeedbackTests(BrowserFixture fixture, ITestOutputHelper output)
{
    /// <summary>What a visitor reads on the public pages in one language, from the app's own PublicText*.resx: the words the test finds fields and stages by.</summary>
    internal sealed record Words(string Language)
    {
        private string T(string english) => UiText.Public(Language, english);
        public string Complaint => T("Complaint");
        public string Suggestion => T("Suggestion");
        public string Praise => T("Praise");
        public string Text => T("Your feedback");
        public string Touchpoint => T("What does it concern? (optional)");
        public string Name => T("Your name (optional)");
        public string Contact => T("E-mail address or phone number (optional)");
        public string Send => T("Send feedback");
        public string Code => T("Tracking code");
        public string Look => T("Show the status");
        public string Registered => T("Registered");
        public string BeingLookedInto => T("Being looked into");
        public string ActionsDecided => T("Actions decided");
        public string Done => T("Done");

        /// <summary>A kind's radio: its label is the kind's name and a short hint after it.</summary>
        public ILocator Kind(ILocator form, FeedbackKind kind) => form.GetByRole(AriaRole.Radio, new()
        {
            NameRegex = new Regex("^" + Regex.Escape(kind switch { FeedbackKind.Suggestion => Suggestion, FeedbackKind.Praise => Praise, _ => Complaint }) + @"\s"),
        });
    }

    internal static readonly Words Lt = new("lt");
    internal static readonly Words En = new("en");

    public static TheoryData<string> Languages => new() { "lt", "en", "ru", "pl" };

    internal static Words In(string language) => new(language);

    private static readonly Regex CodePattern = new(@"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$");

    /// <summary>Fills and sends the feedback form as a person would (kind, text, touchpoint, optionally name and contact) and returns the code shown.</summary>
    internal static async Task<string> GiveFeedbackAsync(IPage page, Words words, FeedbackKind kind, string text, string? name, string? contact, int? touchpoint = null)
    {
        var response = await page.GotoAsync($"viesa/atsiliepimas?lang={words.Language}");
        Assert.Equal(200, response!.Status);
        var form = page.GetByTestId("feedback-form");
        await words.Kind(form, kind).CheckAsync();
        await form.GetByLabel(words.Text, new() { Exact = false }).FillAsync(text);
        if (touchpoint is { } number)
            await form.GetByLabel(words.Touchpoint, new() { Exact = false }).SelectOptionAsync(new SelectOptionValue { Value = number.ToString() });
        if (name is not null)
            await form.GetByLabel(words.Name, new() { Exact = false }).FillAsync(name);
        if (contact is not null)
            await form.GetByLabel(words.Contact, new() { Exact = false }).FillAsync(contact);
        // A person takes longer than the form's minimum fill time (1 s in the test app); a bot posting at once is refused.
        await page.WaitForTimeoutAsync(1_200);
        await form.GetByRole(AriaRole.Button, new() { Name = words.Send, Exact = true }).ClickAsync();
        var code = page.GetByTestId("tracking-code");
        await Expect(code).ToBeVisibleAsync();
        var shown = (await code.InnerTextAsync()).Trim();
        Assert.Matches(CodePattern, shown);
        return shown;
    }

    /// <summary>Looks the code up on the status page and returns the status region (or the not-found message).</summary>
    internal static async Task LookUpAsync(IPage page, Words words, string code)
    {
        await page.GotoAsync($"viesa/busena?lang={words.Language}");
        await page.GetByLabel(words.Code, new() { Exact = false }).FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = words.Look, Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("public-status").Or(page.GetByTestId("status-not-found")).Or(page.GetByTestId("too-many"))).ToBeVisibleAsync();
    }

    private async Task<List<string>> AxeBothWidthsAsync(IPage page, string where)
    {
        var report = new List<string>();
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), $"{where} scrolls sideways at 390 px.");
        report.AddRange(await AccessibilityTests.AxeAsync(page, $"{where} at 390 px", output));
        await page.SetViewportSizeAsync(1366, 850);
        report.AddRange(await AccessibilityTests.AxeAsync(page, $"{where} at 1366 px", output));
        return report;
    }

    [SkippableTheory]
    [MemberData(nameof(Languages))]
    public async Task Anonymous_and_named_feedback_lands_in_the_officers_intake_with_a_code_that_shows_its_stage(string language)
    {
        var words = In(language);
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        var marker = $"{language}-{Guid.NewGuid():N}"[..14];
        var report = new List<string>();

        // The empty form first: axe on it at both widths.
        await page.GotoAsync($"viesa/atsiliepimas?lang={language}");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        report.AddRange(await AxeBothWidthsAsync(page, $"feedback form ({language})"));

        // Anonymous: a complaint, no name, no contact; the code is shown, not mailed.
        var anonymousCode = await GiveFeedbackAsync(page, words, FeedbackKind.Complaint, $"Niekas neatsakė į skambutį {marker}-a", null, null, touchpoint: 2);
        await Expect(page.GetByTestId("code-mailed")).ToHaveCountAsync(0);
        report.AddRange(await AxeBothWidthsAsync(page, $"receipt ({language})"));

        // Named: praise with an e-mail address; the code is also mailed, through the outbox.
        var namedCode = await GiveFeedbackAsync(page, words, FeedbackKind.Praise, $"Ačiū už greitą pagalbą {marker}-n", "Ona Onaitė", $"ona.{language}@example.lt");
        await Expect(page.GetByTestId("code-mailed")).ToBeVisibleAsync();
        Assert.NotEqual(anonymousCode, namedCode);

        // Both are in the officer's intake exactly like feedback registered by staff: from the website, numbered, the complaint with its clocks.
        await using (var domain = new DomainAccess(fixture.App))
        {
            var stored = await domain.ReadAsync(db => db.Complaints.AsNoTracking().Where(c => c.Text.Contains(marker))
                .Select(c => new { c.Kind, c.Source, c.Number, c.ContactName, c.ContactDetails, c.Stage, Touchpoints = c.Tags.Where(t => t.Kind == TagKind.Touchpoint).Select(t => t.Value).ToList() })
                .ToListAsync());
            Assert.Equal(2, stored.Count);
            Assert.All(stored, c => Assert.Equal(FeedbackSource.Website, c.Source));
            Assert.All(stored, c => Assert.Equal(ComplaintStage.Registered, c.Stage));
            var complaint = Assert.Single(stored, c => c.Kind == FeedbackKind.Complaint);
            Assert.Null(complaint.ContactDetails);
            Assert.Equal(["2"], complaint.Touchpoints);
            Assert.StartsWith("SK-", complaint.Number);
            var praise = Assert.Single(stored, c => c.Kind == FeedbackKind.Praise);
            Assert.Equal("Ona Onaitė", praise.ContactName);
            Assert.StartsWith("PD-", praise.Number);
            var mailed = await domain.ReadAsync(db => db.Set<Domain.Mail.OutboxMessage>().AsNoTracking()
                .Where(m => m.ToAddress == $"ona.{language}@example.lt").CountAsync());
            Assert.Equal(1, mailed);
        }

        // The codes show the stage in the page's language; a code typed in lower case with spaces is still the code.
        await LookUpAsync(page, words, anonymousCode.ToLowerInvariant().Replace("-", " "));
        await Expect(page.GetByTestId("public-stage")).ToContainTextAsync(words.Registered);
        report.AddRange(await AxeBothWidthsAsync(page, $"status ({language})"));
        await LookUpAsync(page, words, namedCode);
        await Expect(page.GetByTestId("public-stage")).ToContainTextAsync(words.Registered);
        await Expect(page.GetByTestId("public-status")).Not.ToContainTextAsync("Ona");

        Assert.Empty(await page.Context.CookiesAsync());
        Assert.Empty(session.TakeCspViolations());
        Assert.True(report.Count == 0, "Critical or serious axe violations:\n" + string.Join("\n", report));
    }

    [SkippableFact]
    public async Task The_code_follows_a_complaint_through_the_officers_steps_to_closed_and_shows_the_replies_and_nothing_internal()
    {
        await using var visitor = await fixture.NewSessionAsync(output);
        var marker = Guid.NewGuid().ToString("N")[..10];
        var code = await GiveFeedbackAsync(visitor.Page, Lt, FeedbackKind.Complaint, $"Laukiau skambučio visą savaitę {marker}", "Petras", "+370 600 12345", touchpoint: 2);
        await LookUpAsync(visitor.Page, Lt, code);
        await Expect(visitor.Page.GetByTestId("public-stage")).ToContainTextAsync(Lt.Registered);

        var texts = new ComplaintFlowTests.OfficerTexts(
            Apology: $"Atsiprašome, kad neperskambinome {marker}", Facts: $"Vidinė pastaba apie kolegę {marker}",
            Plan: $"Per dvi darbo dienas perskambinsime {marker}", RootCause: $"Vidinė priežastis {marker}",
            Action: $"Vidinis veiksmas {marker}", Evidence: $"Vidiniai įrodymai {marker}",
            Outcome: $"Nuo šiol skambučiai registruojami ir grąžinami per dieną {marker}", How: "Būsenos puslapyje");
        string[] internalTexts = [texts.Facts, texts.RootCause, texts.Action, texts.Evidence, "Darius Vaitkus", "Asta Petrauskienė", "Petras", "+370", $"skambučio visą savaitę"];

        await using var officer = await fixture.SignInAsync("quality", output);
        await officer.OpenAsync("complaints");
        var row = officer.Page.GetByTestId("complaints-grid").Locator("tbody tr").Filter(new() { HasText = marker });
        await Expect(row).ToHaveCountAsync(1);
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(officer.Page.GetByTestId("complaint-text")).ToContainTextAsync(marker);
        await officer.WaitForCircuitAsync();
        var path = new Uri(officer.Page.Url).AbsolutePath.TrimStart('/');

        var seen = new Dictionary<ComplaintStage, string>();
        await ComplaintFlowTests.TakeToClosedAsync(fixture, officer, path, output, texts, async reached =>
        {
            await LookUpAsync(visitor.Page, Lt, code);
            var status = visitor.Page.GetByTestId("public-status");
            var expected = reached switch
            {
                ComplaintStage.Acknowledged => Lt.BeingLookedInto,
                ComplaintStage.ActionsPlanned => Lt.ActionsDecided,
                _ => Lt.Done,
            };
            await Expect(visitor.Page.GetByTestId("public-stage")).ToContainTextAsync(expected);
            await Expect(status).ToContainTextAsync(texts.Apology);
            if (reached >= ComplaintStage.ActionsPlanned)
                await Expect(status).ToContainTextAsync(texts.Plan);
            if (reached >= ComplaintStage.ClientInformed)
                await Expect(status).ToContainTextAsync(texts.Outcome);
            else
                await Expect(status).Not.ToContainTextAsync(texts.Outcome);
            seen[reached] = await status.InnerTextAsync();
        });

        Assert.Equal([ComplaintStage.Acknowledged, ComplaintStage.ActionsPlanned, ComplaintStage.ClientInformed, ComplaintStage.Closed], seen.Keys.Order());
        foreach (var (stage, text) in seen)
            foreach (var secret in internalTexts)
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"The status page at {stage} shows \"{secret}\":\n{text}");
        // Closed: all four stages carry a date.
        await Expect(visitor.Page.GetByTestId("public-stages").Locator("li[data-reached=true]")).ToHaveCountAsync(4);
        Assert.Empty(await visitor.Page.Context.CookiesAsync());
        Assert.Empty(officer.PageErrors);
    }

    [SkippableFact]
    public async Task A_wrong_code_reveals_nothing_and_a_burst_of_lookups_is_stopped_even_for_the_right_code()
    {
        // An app of its own with a small lookup limit, so the burst does not slow the other browser tests' lookups.
        await using var app = new AppProcess();
        app.Environment["Public__RateLimits__Lookup__PermitLimit"] = "4";
        app.Environment["Public__RateLimits__Lookup__Window"] = "00:10:00";
        await app.StartAsync();
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "lt-LT" });
        try
        {
            var page = await context.NewPageAsync();
            var code = await GiveFeedbackAsync(page, Lt, FeedbackKind.Suggestion, "Daugiau suolų laukiamajame", null, null);

            // A wrong code: the not-found message, with nothing about any feedback.
            var wrong = code[..^1] + (code[^1] == '0' ? '1' : '0');
            await LookUpAsync(page, Lt, wrong);
            await Expect(page.GetByTestId("status-not-found")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("public-status")).ToHaveCountAsync(0);
            Assert.DoesNotContain("suol", await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
            var report = await AccessibilityTests.AxeAsync(page, "status not found", output);

            // The burst: the limit is 4 lookups; the one just made counts. Then even the right code gets the "too many" page only.
            for (var i = 0; i < 3; i++)
                await LookUpAsync(page, Lt, wrong);
            await LookUpAsync(page, Lt, code);
            await Expect(page.GetByTestId("too-many")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("public-status")).ToHaveCountAsync(0);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "lt");
            report.AddRange(await AccessibilityTests.AxeAsync(page, "too many lookups", output));
            Assert.True(report.Count == 0, "Critical or serious axe violations:\n" + string.Join("\n", report));
            Assert.Empty(await context.CookiesAsync());
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [SkippableFact]
    public async Task The_form_works_from_the_keyboard_and_the_hidden_trap_field_is_never_focused()
    {
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        await page.GotoAsync("viesa/atsiliepimas?lang=en");

        // Tab through the whole page: every field is reached in order, the honeypot never.
        var visited = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? (e.getAttribute('name') || e.getAttribute('data-testid') || e.tagName) + '|' + (e.closest('[aria-hidden=true]') ? 'hidden' : 'shown') : '' }");
            visited.Add(focused);
            if (focused.StartsWith("BUTTON", StringComparison.Ordinal) || focused.Contains("send", StringComparison.OrdinalIgnoreCase))
                break;
        }
        Assert.DoesNotContain(visited, v => v.EndsWith("|hidden", StringComparison.Ordinal));

        // Fill and send with the keyboard alone: arrow keys choose the kind, Tab moves on, Enter on the button sends.
        var form = page.GetByTestId("feedback-form");
        await En.Kind(form, FeedbackKind.Complaint).FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(En.Kind(form, FeedbackKind.Suggestion)).ToBeCheckedAsync();
        await form.GetByLabel(En.Text, new() { Exact = false }).FocusAsync();
        await page.Keyboard.TypeAsync("Longer opening hours on Fridays");
        await page.WaitForTimeoutAsync(1_200);
        await form.GetByRole(AriaRole.Button, new() { Name = En.Send, Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("tracking-code")).ToHaveTextAsync(CodePattern);
    }
}
