using System.Security.Claims;
using CaseDesk.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CaseDesk.App.Hosting;

public static class StaffClaims
{
    /// <summary>The person's full name, put in the sign-in cookie so the app bar shows it without a query per page.</summary>
    public const string FullName = "casedesk:full_name";
}

/// <summary>Identity's claims plus the full name; a renamed user sees the new name at the next sign-in.</summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.FullName, user.FullName));
        return identity;
    }
}
