using System.Security.Claims;
using CaseDesk.Domain.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CaseDesk.App.Services;

/// <summary>
/// Re-checks the user every minute, so a locked-out user, a role change or a session idle past the
/// timeout (<see cref="Hosting.SessionActivity"/>) ends an open circuit instead of lasting as long as the browser tab.
/// </summary>
internal sealed class RevalidatingIdentityStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options,
    Hosting.SessionActivity activity)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var principal = authenticationState.User;
        if (activity.HasExpired(UiSender.CallerFrom(principal).UserId))
            return false;
        var user = await users.GetUserAsync(principal);
        if (user is null || await users.IsLockedOutAsync(user))
            return false;
        if (!users.SupportsUserSecurityStamp)
            return true;
        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
