using System.Security.Claims;
using Bunit;
using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace CaseDesk.Tests.Components.Pages.PhoneMessages;

/// <summary>
/// A bUnit context whose components talk to a real domain: the forms send through the test database's
/// sender as <paramref name="caller"/>, so the validation messages a test sees are the domain's own.
/// </summary>
internal static class FormContext
{
    public static BunitContext Create(TestDatabase database, Caller caller)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var auth = context.AddAuthorization();
        auth.SetAuthorized(caller.UserName);
        auth.SetRoles([.. caller.Roles]);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, caller.UserId));
        context.Services.AddRadzenComponents();
        context.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        context.Services.AddSingleton(database.Services.GetRequiredService<ICaseDeskSender>());
        context.Services.AddSingleton<TimeProvider>(database.Clock);
        context.Services.AddScoped<UiSender>();
        context.Services.AddScoped<UiFeedback>();
        return context;
    }
}
