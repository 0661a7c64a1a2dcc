using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace CaseDesk.Tests.Support;

/// <summary>
/// bUnit with what every CaseDesk component expects: Radzen's services, the app's localizer
/// (English, the keys, unless a test switches culture), loose JS interop and a signed-in user
/// set through <see cref="Authorization"/>.
/// </summary>
public abstract class ComponentTestContext : BunitContext
{
    private readonly UiCulture culture = UiCulture.Use("en");

    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
        Services.AddScoped<CaseDesk.App.Services.AccessReasons>();
        Services.AddScoped<CaseDesk.App.Services.DraftCircuit>();
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Authorization = AddAuthorization();
    }

    protected BunitAuthorizationContext Authorization { get; }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            culture.Dispose();
        base.Dispose(disposing);
    }
}
