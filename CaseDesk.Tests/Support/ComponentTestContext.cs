using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CaseDesk.Tests.Support;

/// <summary>
/// bUnit with what every CaseDesk component expects: MudBlazor's services, the app's localizer
/// (English, the keys, unless a test switches culture), loose JS interop and a signed-in user
/// set through <see cref="Authorization"/>.
/// </summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    private readonly UiCulture culture = UiCulture.Use("en");

    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddScoped<CaseDesk.App.Services.UiDialogs>();
        // Without the domain's validators a limit cannot be read; DomainComponentTestContext replaces this with the domain's.
        Services.AddSingleton<CaseDesk.App.Services.InputLimits>();
        Services.AddScoped<CaseDesk.App.Services.AccessReasons>();
        Services.AddScoped<CaseDesk.App.Services.DraftCircuit>();
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Authorization = AddAuthorization();
    }

    protected BunitAuthorizationContext Authorization { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>What a test class releases before the component services go.</summary>
    protected virtual Task DisposeTestAsync() => Task.CompletedTask;

    // MudBlazor registers services that are only IAsyncDisposable: bUnit's synchronous Dispose, which xunit 2 calls,
    // would throw on them (STACK.md), so the services are released here first and Dispose finds them gone.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeTestAsync();
        await DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            culture.Dispose();
        base.Dispose(disposing);
    }
}
