using CaseDesk.App.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;

namespace CaseDesk.App.Services;

/// <summary>
/// The one dialog pattern: a form opens in a dialog with focus on its first field, Escape asks before closing,
/// and focus returns to the button that opened it. Forms close the dialog through the cascaded <see cref="FormHost"/>,
/// so they do not depend on how they are shown.
/// </summary>
public sealed class UiDialogs(IDialogService dialogs, IJSRuntime js, IStringLocalizer<SharedResource> L)
{
    /// <summary>Shows <typeparamref name="TForm"/> in a dialog; the result its <see cref="FormHost"/> closed with, or null when cancelled.</summary>
    public Task<object?> OpenFormAsync<TForm>(string title, IDictionary<string, object?>? parameters = null, MaxWidth width = MaxWidth.Small)
        where TForm : IComponent =>
        WithFocusReturnAsync(async () =>
        {
            var shown = await dialogs.ShowAsync<FormDialog>(title,
                new DialogParameters
                {
                    [nameof(FormDialog.Form)] = typeof(TForm),
                    [nameof(FormDialog.FormParameters)] = parameters ?? new Dictionary<string, object?>(),
                },
                // The form puts the focus on its first field itself, and only while the person has not gone into the form yet
                // (FormDialog): MudBlazor's own first-child focus comes a round trip after the dialog shows and, on a busy server,
                // took the focus from a field someone had already started typing in.
                Options(width) with { DefaultFocus = DefaultFocus.None });
            var result = await shown.Result;
            return result is { Canceled: false } ? result.Data : null;
        });

    /// <summary>Asks before a final or destructive action; true only when the person confirmed.</summary>
    public Task<bool> ConfirmAsync(string title, string message, string confirm, string? cancel = null) =>
        WithFocusReturnAsync(async () =>
            await dialogs.ShowMessageBoxAsync(title, message, yesText: confirm, cancelText: cancel ?? L["Cancel"],
                options: new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true }) == true);

    /// <summary>Asks for a short reason (audited reads, refusals); the trimmed text, or null when cancelled.</summary>
    public async Task<string?> AskReasonAsync(string title, string prompt, int maxLength)
    {
        var answer = await OpenFormAsync<ReasonDialog>(title,
            new Dictionary<string, object?> { [nameof(ReasonDialog.Prompt)] = prompt, [nameof(ReasonDialog.MaxLength)] = maxLength }, MaxWidth.ExtraSmall);
        return answer is string text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
    }

    /// <summary>Shows a dialog component that renders its own MudDialog (e.g. the conflict dialog).</summary>
    public Task<DialogResult?> ShowAsync<TDialog>(string title, DialogParameters parameters, MaxWidth width = MaxWidth.Small) where TDialog : IComponent =>
        WithFocusReturnAsync(async () => await (await dialogs.ShowAsync<TDialog>(title, parameters, Options(width) with { CloseOnEscapeKey = false })).Result);

    internal static DialogOptions Options(MaxWidth width) => new()
    {
        MaxWidth = width, FullWidth = true, CloseButton = false, BackdropClick = false, CloseOnEscapeKey = false,
        DefaultFocus = DefaultFocus.FirstChild, Position = DialogPosition.Center,
    };

    private async Task<T> WithFocusReturnAsync<T>(Func<Task<T>> show)
    {
        await TryJs("caseDesk.rememberFocus");
        try
        {
            return await show();
        }
        finally
        {
            await TryJs("caseDesk.restoreFocus");
        }
    }

    // Prerendering and component tests have no browser; focus handling is a courtesy, never a reason to fail.
    private async Task TryJs(string function)
    {
        try { await js.InvokeVoidAsync(function); }
        catch (Exception e) when (e is JSDisconnectedException or InvalidOperationException or TaskCanceledException) { }
    }
}

/// <summary>What a form shown by <see cref="UiDialogs"/> uses to close its dialog.</summary>
public sealed class FormHost(IMudDialogInstance dialog)
{
    public void Close(object? result = null) => dialog.Close(DialogResult.Ok(result ?? true));

    public void Cancel() => dialog.Cancel();
}
