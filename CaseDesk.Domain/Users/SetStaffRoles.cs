using CaseDesk.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace CaseDesk.Domain.Users;

/// <summary>Replaces a user's roles. <see cref="Version"/> is the user's concurrency stamp as the admin saw it.</summary>
[AllowedRoles(Common.Roles.Admin)]
public sealed record SetStaffRoles(string UserId, IReadOnlyList<string> Roles, string Version) : ICommand<string>;

internal sealed class SetStaffRolesValidator : AbstractValidator<SetStaffRoles>
{
    public SetStaffRolesValidator()
    {
        RuleFor(r => r.UserId).NotEmpty();
        RuleFor(r => r.Roles).Must(roles => roles.All(Common.Roles.All.Contains)).WithMessage(_ => DomainText.T("Unknown role."));
        RuleFor(r => r.UserId).SingleLine();
        RuleForEach(r => r.Roles).SingleLine();
        RuleFor(r => r.Version).SingleLine();
    }
}

internal sealed class SetStaffRolesHandler(UserManager<StaffUser> users, CallerContext callers) : IRequestHandler<SetStaffRoles, string>
{
    public async Task<string> Handle(SetStaffRoles request, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(request.UserId) ?? throw new NotFoundException("User", request.UserId);
        if (user.ConcurrencyStamp != request.Version)
            throw new ConcurrencyConflictException(nameof(StaffUser), new Dictionary<string, string?>
            {
                ["Roles"] = string.Join(", ", await users.GetRolesAsync(user)),
            });

        var current = await users.GetRolesAsync(user);
        var wanted = request.Roles.Distinct().ToList();
        if (user.Id == callers.Caller.UserId && current.Contains(Common.Roles.Admin) && !wanted.Contains(Common.Roles.Admin))
            throw new DomainRefusalException(DomainText.T("You cannot remove your own Admin role, because the department would be left without anyone who can manage users."));

        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        if (!removed.Succeeded) throw IdentityErrors.ToValidation(removed);
        var added = await users.AddToRolesAsync(user, wanted.Except(current));
        if (!added.Succeeded) throw IdentityErrors.ToValidation(added);
        // Role changes must invalidate the user's other sessions and count as an edit of the user.
        await users.UpdateSecurityStampAsync(user);
        return user.ConcurrencyStamp!;
    }
}
