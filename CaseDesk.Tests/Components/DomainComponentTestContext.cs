using System.Security.Claims;
using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.Components;

/// <summary>
/// bUnit against the real domain: components send through a <see cref="TestDatabase"/>'s sender as a
/// signed-in caller, so the validation messages and refusals a test sees are the domain's own.
/// </summary>
public abstract class DomainComponentTestContext : ComponentTestContext, IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        var caller = await ArrangeAsync();
        Services.AddSingleton(Database.Services.GetRequiredService<ICaseDeskSender>());
        Services.AddSingleton<TimeProvider>(Database.Clock);
        Services.AddScoped<UiSender>();
        Services.AddScoped<UiFeedback>();
        Authorization.SetAuthorized(caller.UserName).SetRoles([.. caller.Roles])
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, caller.UserId));
    }

    /// <summary>Puts what the test starts from into <see cref="Database"/> and returns who is signed in.</summary>
    protected abstract Task<Caller> ArrangeAsync();

    // bUnit's own disposal (IDisposable) runs after this; the database goes last but one.
    async Task IAsyncLifetime.DisposeAsync() => await Database.DisposeAsync();
}
