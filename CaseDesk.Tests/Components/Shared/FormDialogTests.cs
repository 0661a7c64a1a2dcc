using Bunit;
using CaseDesk.App.Services;
using CaseDesk.Tests.Support;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CaseDesk.Tests.Components.Shared;

/// <summary>The dialog pattern (UiDialogs + FormDialog): how a form opens, what Escape does, what each way out answers.</summary>
public sealed class FormDialogTests : ComponentTestContext
{
    private (IRenderedComponent<MudDialogProvider> Host, Task<object?> Result) Open(string? start = null)
    {
        var host = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<UiDialogs>();
        var result = host.InvokeAsync(() => dialogs.OpenFormAsync<DialogTestForm>("Log a contact",
            new Dictionary<string, object?> { [nameof(DialogTestForm.Start)] = start }));
        host.WaitForAssertion(() => host.Find("[data-testid=first-field]"));
        return (host, result);
    }

    // The key handler awaits the question it asks: not awaited here, or the test would wait for its own click.
    private static Task PressEscapeAsync(IRenderedComponent<MudDialogProvider> host) =>
        host.Find(".form-dialog-body").TriggerEventAsync("onkeydown", new KeyboardEventArgs { Key = "Escape" });

    [Fact]
    public void The_form_opens_in_a_dialog_with_its_title_and_focus_on_the_first_field()
    {
        var (host, _) = Open();

        var dialog = host.Find("[role=dialog]");
        Assert.Contains("Log a contact", dialog.TextContent);
        Assert.Equal("true", dialog.GetAttribute("aria-modal"));
        // Focus on the first field, keyboard-only ways out, and no close by a stray click beside the dialog.
        var options = UiDialogs.Options(MaxWidth.Small);
        Assert.Equal(DefaultFocus.FirstChild, options.DefaultFocus);
        Assert.False(options.BackdropClick);
        Assert.False(options.CloseOnEscapeKey); // Escape is FormDialog's: it asks first
        Assert.False(options.CloseButton);
    }

    [Fact]
    public async Task Save_answers_with_what_the_form_closed_with()
    {
        var (host, result) = Open(start: "Called back");

        await host.Find("[data-testid=form-save]").ClickAsync(new());

        Assert.Equal("Called back", await result.WaitAsync(TimeSpan.FromSeconds(10)));
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[role=dialog]")));
    }

    [Fact]
    public async Task Cancel_answers_null()
    {
        var (host, result) = Open(start: "Typed");

        await host.Find("[data-testid=form-cancel]").ClickAsync(new());

        Assert.Null(await result.WaitAsync(TimeSpan.FromSeconds(10)));
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[data-testid=first-field]")));
    }

    [Fact]
    public async Task Escape_asks_first_and_keep_editing_leaves_the_form_open()
    {
        var (host, result) = Open(start: "Half typed");

        var pressed = PressEscapeAsync(host);

        host.WaitForAssertion(() => Assert.Contains("Close the form?", host.Markup));
        Assert.Contains("What you typed in this form is not saved.", host.Markup);
        await host.FindAll("button").Single(b => b.TextContent.Trim() == "Keep editing").ClickAsync(new());
        await pressed.WaitAsync(TimeSpan.FromSeconds(10));

        host.WaitForAssertion(() => Assert.DoesNotContain("Close the form?", host.Markup));
        Assert.NotEmpty(host.FindAll("[data-testid=first-field]"));
        Assert.False(result.IsCompleted);
    }

    [Fact]
    public async Task Escape_then_close_the_form_cancels_it()
    {
        var (host, result) = Open(start: "Half typed");

        var pressed = PressEscapeAsync(host);
        host.WaitForAssertion(() => Assert.Contains("Close the form?", host.Markup));
        await host.FindAll("button").Single(b => b.TextContent.Trim() == "Close the form").ClickAsync(new());
        await pressed.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(await result.WaitAsync(TimeSpan.FromSeconds(10)));
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("[data-testid=first-field]")));
    }

    [Fact]
    public async Task Other_keys_do_not_ask()
    {
        var (host, _) = Open();

        await host.Find(".form-dialog-body").TriggerEventAsync("onkeydown", new KeyboardEventArgs { Key = "Enter" });

        Assert.DoesNotContain("Close the form?", host.Markup);
    }

    [Fact]
    public async Task Focus_goes_back_to_the_opener_after_the_dialog_closes()
    {
        var (host, result) = Open();

        await host.Find("[data-testid=form-cancel]").ClickAsync(new());
        await result.WaitAsync(TimeSpan.FromSeconds(10));

        var calls = JSInterop.Invocations.Select(i => i.Identifier).ToList();
        Assert.Contains("caseDesk.rememberFocus", calls);
        Assert.True(calls.LastIndexOf("caseDesk.restoreFocus") > calls.IndexOf("caseDesk.rememberFocus"));
    }
}
