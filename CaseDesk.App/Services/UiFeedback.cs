using CaseDesk.App.Components.Shared;
using CaseDesk.Domain.Common;
using Microsoft.Extensions.Localization;
using Radzen;

namespace CaseDesk.App.Services;

/// <summary>
/// Runs a component's action and turns the domain's answers into what a person reads: field
/// errors on the form, a refusal with its "because", a conflict, or "not allowed". Nothing here
/// swallows an unexpected exception; those reach the circuit's error boundary.
/// </summary>
public sealed class UiFeedback(NotificationService notifications, IStringLocalizer<SharedResource> L)
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
            notifications.Notify(NotificationSeverity.Error, L["Check the entered data"], string.Join(" ", e.Errors.Values.SelectMany(m => m)), 8000);
        }
        catch (DomainRefusalException e)
        {
            notifications.Notify(NotificationSeverity.Warning, L["Not done"], e.Because, 10000);
        }
        catch (Domain.Privacy.AccessReasonRequiredException e)
        {
            notifications.Notify(NotificationSeverity.Warning, L["Not done"], e.Because, 10000);
        }
        catch (AccessDeniedException)
        {
            notifications.Notify(NotificationSeverity.Error, L["Not allowed"], L["Your role does not allow this action."], 8000);
        }
        catch (ConcurrencyConflictException)
        {
            notifications.Notify(NotificationSeverity.Warning, L["Changed by someone else"],
                L["Someone saved this record after you opened it. Nothing was overwritten: reload to see their changes."], 12000);
        }
        catch (NotFoundException)
        {
            notifications.Notify(NotificationSeverity.Error, L["Not found"], L["The record no longer exists."], 8000);
        }
        return false;
    }

    public void Saved(string? detail = null) =>
        notifications.Notify(NotificationSeverity.Success, L["Saved"], detail ?? "", 4000);
}
