using Bunit;
using CaseDesk.App.Services;
using CaseDesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CaseDesk.Tests.Components.Shared;

/// <summary>
/// The reason asked before an audited read or a refusal. Its button is never disabled by the text: the text reaches the
/// server when the field is left, which is the same click as the button's (SecurityFlowTests met a button still disabled).
/// </summary>
public sealed class ReasonDialogTests : ComponentTestContext
{
    private (IRenderedComponent<MudDialogProvider> Host, Task<string?> Asked) Ask()
    {
        var host = Render<MudDialogProvider>();
        var asked = host.InvokeAsync(() => Services.GetRequiredService<UiDialogs>().AskReasonAsync("Why?", "Say why you open this client.", 200));
        host.WaitForAssertion(() => host.Find("[data-testid=reason-ok]"));
        return (host, asked);
    }

    [Fact]
    public async Task A_blank_reason_is_said_at_the_field_and_the_dialog_stays_open()
    {
        var (host, asked) = Ask();

        Assert.False(host.Find("[data-testid=reason-ok]").HasAttribute("disabled"));
        await host.Find("[data-testid=reason-form]").SubmitAsync();

        host.WaitForAssertion(() => Assert.Contains("Required.", FieldMessages.Around(host, "textarea[data-testid=reason]")));
        Assert.False(asked.IsCompleted);
    }

    [Fact]
    public async Task A_reason_typed_then_submitted_closes_the_dialog_with_it()
    {
        var (host, asked) = Ask();

        await host.Find("textarea[data-testid=reason]").ChangeAsync(new() { Value = "  Kliento prašymu  " });
        await host.Find("[data-testid=reason-form]").SubmitAsync();

        Assert.Equal("Kliento prašymu", await asked.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
