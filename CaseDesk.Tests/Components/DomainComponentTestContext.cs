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
public abstract class DomainComponentTestContext : ComponentTestContext
{
    protected TestDatabase Database { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        var caller = await ArrangeAsync();
        Services.AddSingleton(Database.Services.GetRequiredService<ICaseDeskSender>());
        Services.AddSingleton<TimeProvider>(Database.Clock);
        Services.AddScoped<UiSender>();
        Services.AddScoped<UiFeedback>();
        Services.AddSingleton(new InputLimits(Database.Services.GetRequiredService<IServiceScopeFactory>()));
        Authorization.SetAuthorized(caller.UserName).SetRoles([.. caller.Roles])
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, caller.UserId));
    }

    /// <summary>Puts what the test starts from into <see cref="Database"/> and returns who is signed in.</summary>
    protected abstract Task<Caller> ArrangeAsync();

    protected override async Task DisposeTestAsync() => await Database.DisposeAsync();
}
