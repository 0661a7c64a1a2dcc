using CaseDesk.App.Components.Shared;
using CaseDesk.Domain.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CaseDesk.App.Services;

/// <summary>
/// Runs a component's action and turns the domain's answers into what a person reads: field
/// errors on the form, a refusal with its "because", a conflict, or "not allowed". Nothing here
/// swallows an unexpected exception; those reach the circuit's error boundary.
/// </summary>
public sealed class UiFeedback(ISnackbar snackbar, IStringLocalizer<SharedResource> L)
{
    public async Task<bool> Try(Func<Task> action, ServerValidation? form = null, Func<ConcurrencyConflictException, Task>? onConflict = null)
    {
        try
        {
            await action();
            return true;
        }
        catch (ConcurrencyConflictException e) when (onConflict is not null)
        {
            await onConflict(e);
        }
        catch (RequestValidationException e) when (form is not null)
        {
            form.Show(e.Errors);
        }
        catch (RequestValidationException e)
        {
            Notify(Severity.Error, L["Check the entered data"], string.Join(" ", e.Errors.Values.SelectMany(m => m)), 8000);
        }
        catch (DomainRefusalException e)
        {
            Notify(Severity.Warning, L["Not done"], e.Because, 10000);
        }
        catch (Domain.Privacy.AccessReasonRequiredException e)
        {
            Notify(Severity.Warning, L["Not done"], e.Because, 10000);
        }
        catch (AccessDeniedException)
        {
            Notify(Severity.Error, L["Not allowed"], L["Your role does not allow this action."], 8000);
        }
        catch (ConcurrencyConflictException)
        {
            Notify(Severity.Warning, L["Changed by someone else"],
                L["Someone saved this record after you opened it. Nothing was overwritten: reload to see their changes."], 12000);
        }
        catch (NotFoundException)
        {
            Notify(Severity.Error, L["Not found"], L["The record no longer exists."], 8000);
        }
        return false;
    }

    public void Saved(string? detail = null) => Notify(Severity.Success, L["Saved"], detail ?? "", 4000);

    /// <summary>A message with a title and its detail; errors and refusals stay long enough to be read.</summary>
    public void Notify(Severity severity, string title, string detail, int milliseconds = 6000) =>
        snackbar.Add(Message(title, detail), severity, options =>
        {
            options.VisibleStateDuration = milliseconds;
            options.ShowCloseIcon = true;
        });

    private static RenderFragment Message(string title, string detail) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "data-testid", "notification");
        builder.OpenElement(2, "strong");
        builder.AddContent(3, title);
        builder.CloseElement();
        if (detail.Length > 0)
            builder.AddContent(4, " " + detail);
        builder.CloseElement();
    };
}
