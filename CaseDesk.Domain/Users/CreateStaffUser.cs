using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Users;

[AllowedRoles(Common.Roles.Admin)]
public sealed record CreateStaffUser(
    string UserName, string Email, string FirstName, string LastName, string Position, string? Phone,
    Guid? UnitId, IReadOnlyList<string> Roles, string InitialPassword) : ICommand<string>;

internal sealed class CreateStaffUserValidator : AbstractValidator<CreateStaffUser>
{
    public CreateStaffUserValidator()
    {
        RuleFor(r => r.UserName).NotEmpty().WithMessage(_ => DomainText.T("Enter a user name."))
            .MaximumLength(64).WithMessage(_ => DomainText.T("At most {0} characters.", 64))
            .Matches("^[a-zA-Z0-9._@-]+$").WithMessage(_ => DomainText.T("Use letters, digits and . _ @ - only."));
        RuleFor(r => r.Email).NotEmpty().WithMessage(_ => DomainText.T("Enter an e-mail address."))
            .EmailAddress().WithMessage(_ => DomainText.T("This is not an e-mail address."))
            .MaximumLength(256).WithMessage(_ => DomainText.T("At most {0} characters.", 256));
        RuleFor(r => r.FirstName).NotEmpty().WithMessage(_ => DomainText.T("Enter the first name."))
            .MaximumLength(100).WithMessage(_ => DomainText.T("At most {0} characters.", 100));
        RuleFor(r => r.LastName).NotEmpty().WithMessage(_ => DomainText.T("Enter the last name."))
            .MaximumLength(100).WithMessage(_ => DomainText.T("At most {0} characters.", 100));
        RuleFor(r => r.Position).MaximumLength(150).WithMessage(_ => DomainText.T("At most {0} characters.", 150));
        RuleFor(r => r.Phone).MaximumLength(40).WithMessage(_ => DomainText.T("At most {0} characters.", 40));
        RuleFor(r => r.Roles).NotEmpty().WithMessage(_ => DomainText.T("Choose at least one role."))
            .Must(roles => roles.All(Common.Roles.All.Contains)).WithMessage(_ => DomainText.T("Unknown role."));
        RuleFor(r => r.InitialPassword).NotEmpty().WithMessage(_ => DomainText.T("Enter an initial password."));
        RuleFor(r => r.UserName).SingleLine();
        RuleFor(r => r.Email).SingleLine();
        RuleFor(r => r.FirstName).PersonName();
        RuleFor(r => r.LastName).PersonName();
        RuleFor(r => r.Position).SingleLine();
        RuleFor(r => r.Phone).SingleLine();
        RuleForEach(r => r.Roles).SingleLine();
        RuleFor(r => r.InitialPassword).SingleLine();
    }
}

internal sealed class CreateStaffUserHandler(UserManager<StaffUser> users, CaseDeskDb db) : IRequestHandler<CreateStaffUser, string>
{
    public async Task<string> Handle(CreateStaffUser request, CancellationToken ct)
    {
        if (request.UnitId is { } unitId && !await db.OrgUnits.AnyAsync(u => u.Id == unitId, ct))
            throw new RequestValidationException(new Dictionary<string, string[]> { [nameof(request.UnitId)] = [DomainText.T("Unknown unit.")] });

        var user = new StaffUser
        {
            UserName = request.UserName.Trim(), Email = request.Email.Trim(), EmailConfirmed = true,
            FirstName = request.FirstName.Trim(), LastName = request.LastName.Trim(), Position = request.Position.Trim(),
            PhoneNumber = request.Phone?.Trim(), UnitId = request.UnitId,
        };
        var created = await users.CreateAsync(user, request.InitialPassword);
        if (!created.Succeeded)
            throw IdentityErrors.ToValidation(created);
        var roles = await users.AddToRolesAsync(user, request.Roles.Distinct());
        if (!roles.Succeeded)
            throw IdentityErrors.ToValidation(roles);
        return user.Id;
    }
}

/// <summary>Maps Identity's refusals (duplicate name, weak password) onto the form's fields.</summary>
internal static class IdentityErrors
{
    public static RequestValidationException ToValidation(IdentityResult result) =>
        new(result.Errors
            .GroupBy(e => e.Code switch
            {
                var c when c.StartsWith("Password", StringComparison.Ordinal) => nameof(CreateStaffUser.InitialPassword),
                "DuplicateUserName" or "InvalidUserName" => nameof(CreateStaffUser.UserName),
                "DuplicateEmail" or "InvalidEmail" => nameof(CreateStaffUser.Email),
                _ => "",
            })
            .ToDictionary(g => g.Key, g => g.Select(e => Describe(e)).ToArray()));

    private static string Describe(IdentityError e) => e.Code switch
    {
        "DuplicateUserName" => DomainText.T("This user name is already taken."),
        "DuplicateEmail" => DomainText.T("This e-mail address is already used by another user."),
        "PasswordTooShort" => DomainText.T("The password must have at least 10 characters."),
        "PasswordRequiresDigit" => DomainText.T("The password must contain a digit."),
        "PasswordRequiresUpper" => DomainText.T("The password must contain an upper-case letter."),
        "PasswordRequiresLower" => DomainText.T("The password must contain a lower-case letter."),
        _ => e.Description,
    };
}
