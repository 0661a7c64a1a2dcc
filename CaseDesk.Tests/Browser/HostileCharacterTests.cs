using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CaseDesk.Tests.Browser;

/// <summary>
/// Issue 17, hostile characters: a right-to-left override typed into a surname is refused at the field; in free text it
/// stays, but the words shown after it keep their order on the page (docs/privacy.md, "Hostile characters").
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HostileCharacterTests(BrowserFixture fixture, ITestOutputHelper output)
{
    /// <summary>Left edges of the words, in the order given, as the browser lays them out in the element's text.</summary>
    private const string WordLefts = """
        (el, words) => {
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          const lefts = [];
          for (let node; (node = walker.nextNode());) {
            for (const word of words) {
              const at = node.data.indexOf(word);
              if (at < 0) continue;
              const range = document.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + word.length);
              lefts[words.indexOf(word)] = range.getBoundingClientRect().left;
            }
          }
          return lefts;
        }
        """;

    [SkippableFact]
    public async Task An_override_in_a_surname_is_refused_at_the_field_and_one_in_free_text_does_not_reorder_what_follows()
    {
        await using var session = await fixture.SignInAsync("reception", output);
        var page = session.Page;
        await session.OpenAsync("clients/new");
        var form = page.GetByTestId("client-form");
        const string lastName = "Kryptienė";

        await form.Locator("input[name=FirstName]").FillAsync("Ona");
        await form.Locator("input[name=LastName]").FillAsync("\u202Eenėidib");
        await form.Locator("textarea[name=AccessibilityNeeds]").FillAsync("Reikia \u202Epandusų\nAntra eilutė lieka");
        await form.GetByTestId("save-client").ClickAsync();
        await Expect(form.Locator("input[name=LastName]")).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(UiText.DomainLt(
            "This field contains invisible characters that change the direction of the text (often copied from another program): retype it."))));

        await form.Locator("input[name=LastName]").FillAsync(lastName);
        await form.GetByTestId("save-client").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/clients/[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("client-name")).ToHaveTextAsync("Ona " + lastName);

        // The override stays in the text (free text is kept), closed where its line ends; the next line reads left to right.
        var needs = page.Locator("dd").Filter(new() { HasText = "Antra eilutė lieka" });
        Assert.Contains("\u202Epandusų\u202C", await needs.TextContentAsync());
        var lefts = await needs.EvaluateAsync<double[]>(WordLefts, new[] { "Antra", "eilutė", "lieka" });
        output.WriteLine("left edges: " + string.Join(", ", lefts));
        Assert.True(lefts[0] < lefts[1] && lefts[1] < lefts[2], $"The words after the override are shown reordered: {string.Join(", ", lefts)}");

        // The same text with the override left open, laid out on the same page, is reordered: the measure sees what it should.
        var open = await page.EvaluateAsync<double[]>(
            "a => { const d = document.createElement('div'); d.textContent = a.text; document.querySelector('main').appendChild(d); " +
            "return (" + WordLefts + ")(d, a.words); }", new { text = "Reikia \u202Epandusų\nAntra eilutė lieka", words = new[] { "Antra", "eilutė", "lieka" } });
        Assert.True(open[0] > open[1] && open[1] > open[2], $"An open override did not reorder the control text: {string.Join(", ", open)}");
        Assert.Empty(session.PageErrors);
    }
}
