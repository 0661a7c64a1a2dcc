using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Users;

/// <summary>The signed-in user's own profile: name, unit, signature block, language, e-mail.</summary>
[AnyStaff]
public sealed record GetMyProfile : IQuery<MyProfile>;

public sealed record MyProfile(string UserId, string UserName, string FirstName, string LastName, string Position,
    string? Phone, string? UnitName, string PreferredCulture, string? Email = null);

internal sealed class GetMyProfileHandler(CaseDeskDb db, CallerContext callers) : IRequestHandler<GetMyProfile, MyProfile>
{
    public async Task<MyProfile> Handle(GetMyProfile request, CancellationToken ct)
    {
        var id = callers.Caller.UserId;
        return await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new MyProfile(u.Id, u.UserName!, u.FirstName, u.LastName, u.Position, u.PhoneNumber,
                db.OrgUnits.Where(o => o.Id == u.UnitId).Select(o => o.NameLt).FirstOrDefault(), u.PreferredCulture, u.Email))
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("User", id);
    }
}

/// <summary>Remembers the user's UI language (lt or en) so it follows them to every device.</summary>
[AnyStaff]
public sealed record SetMyLanguage(string Culture) : ICommand<MediatR.Unit>;

internal sealed class SetMyLanguageValidator : AbstractValidator<SetMyLanguage>
{
    public static readonly string[] Supported = ["lt", "en"];

    public SetMyLanguageValidator()

    {

        RuleFor(r => r.Culture).Must(c => Supported.Contains(c)).WithMessage(_ => DomainText.T("Unsupported language."));

        RuleFor(r => r.Culture).SingleLine();

    }
}

internal sealed class SetMyLanguageHandler(CaseDeskDb db, CallerContext callers) : IRequestHandler<SetMyLanguage, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(SetMyLanguage request, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == callers.Caller.UserId, ct)
            ?? throw new NotFoundException("User", callers.Caller.UserId);
        user.PreferredCulture = request.Culture;
        await db.SaveChangesAsync(ct);
        return MediatR.Unit.Value;
    }
}
