using Bunit;
using CaseDesk.App.Components.Shared;
using CaseDesk.App.Services;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.Components.Shared;

/// <summary>The form pattern's text field: the domain's limit in the browser, a counter, and every message at its field.</summary>
public sealed class FormTextTests : ComponentTestContext
{
    private IRenderedComponent<FormTextHost> RenderForm(int summaryMax = 1000) =>
        Render<FormTextHost>(p => p.Add(h => h.SummaryMax, summaryMax));

    private static string FieldText(IRenderedComponent<FormTextHost> form, string field) =>
        form.Find($"[data-testid={field}-field]").TextContent;

    [Fact]
    public void The_browser_gets_the_limit_and_a_long_text_gets_a_counter()
    {
        var form = RenderForm(summaryMax: 1000);

        var summary = form.Find("textarea[name=Summary]");
        Assert.Equal("1000", summary.GetAttribute("maxlength"));
        Assert.Equal("summary", summary.GetAttribute("data-testid"));
        Assert.Contains("0 / 1000", FieldText(form, "summary"));
        Assert.Equal("40", form.Find("input[name=Title]").GetAttribute("maxlength"));
        Assert.DoesNotContain("/ 40", FieldText(form, "title")); // a short field does without a counter
    }

    [Fact]
    public void The_counter_follows_the_text()
    {
        var form = RenderForm(summaryMax: 1000);

        form.Find("textarea[name=Summary]").Change("Called about the meal service.");

        Assert.Contains("30 / 1000", FieldText(form, "summary"));
        Assert.Equal("Called about the meal service.", form.Instance.Model.Summary);
    }

    [Fact]
    public async Task A_paste_that_does_not_fit_is_said_at_the_field_with_how_much_fitted()
    {
        var form = RenderForm(summaryMax: 1000);

        // What CaseDesk.App.lib.module.js reports for ~21,000 pasted characters into an empty field of 1,000.
        await form.Find("textarea[name=Summary]").TriggerEventAsync("onpastelength", new PasteLengthEventArgs { Pasted = 21_000, Room = 1000, Max = 1000 });

        var message = "The pasted text has 21000 characters but only 1000 more fit here (at most 1000): the rest was not pasted.";
        form.WaitForAssertion(() => Assert.Contains(message, FieldText(form, "summary")));
        Assert.DoesNotContain(message, FieldText(form, "title"));
    }

    [Fact]
    public async Task A_paste_that_fits_says_nothing_and_the_message_goes_once_the_text_is_shorter_again()
    {
        var form = RenderForm(summaryMax: 1000);
        var area = form.Find("textarea[name=Summary]");

        await area.TriggerEventAsync("onpastelength", new PasteLengthEventArgs { Pasted = 200, Room = 1000, Max = 1000 });
        Assert.DoesNotContain("The pasted text has", FieldText(form, "summary"));

        await form.Find("textarea[name=Summary]").TriggerEventAsync("onpastelength", new PasteLengthEventArgs { Pasted = 5000, Room = 800, Max = 1000 });
        form.WaitForAssertion(() => Assert.Contains("The pasted text has 5000 characters but only 800 more fit here", FieldText(form, "summary")));

        form.Find("textarea[name=Summary]").Change(new string('a', 990));
        form.WaitForAssertion(() => Assert.DoesNotContain("The pasted text has", FieldText(form, "summary")));
    }

    [Fact]
    public void The_domains_messages_show_at_their_field()
    {
        var form = RenderForm();

        form.InvokeAsync(() => form.Instance.Validation.Show(new Dictionary<string, string[]> { ["Summary"] = ["Summary must be at most 1000 characters."] }));

        form.WaitForAssertion(() => Assert.Contains("Summary must be at most 1000 characters.", FieldText(form, "summary")));
        Assert.DoesNotContain("Summary must be", FieldText(form, "title"));
        Assert.Empty(form.FindAll("[data-testid=form-errors]"));
    }

    [Fact]
    public void The_label_names_the_field_and_required_is_marked()
    {
        var form = RenderForm();

        var summary = form.Find("textarea[name=Summary]");
        var label = form.Find($"label[for='{summary.Id}']");
        Assert.Contains("Summary", label.TextContent);
        Assert.Equal("true", summary.GetAttribute("aria-required") ?? (summary.HasAttribute("required") ? "true" : null));
    }

    [Fact]
    public void A_field_without_the_domains_limit_is_refused()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Render<FormText>(p => p.Add(f => f.Label, "Note").Add(f => f.MaxLength, 0)));

        Assert.Contains("InputLimits", failure.Message);
    }
}
