using CaseDesk.Domain.Data;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Common;

/// <summary>Field rules that several use cases share, with the same messages everywhere.</summary>
public static class FieldRules
{
    /// <summary>Clocks of different machines drift; a few minutes ahead is still "now".</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static IRuleBuilderOptions<TRequest, DateTime> NotInTheFuture<TRequest>(this IRuleBuilder<TRequest, DateTime> rule, TimeProvider clock) =>
        rule.Must(at => at <= clock.GetUtcNow().UtcDateTime + ClockSkew).WithMessage(_ => T("The time cannot be in the future."))
            .Must(at => at.Year >= 2000).WithMessage(_ => T("The date is out of range."));

    /// <summary>A phone number someone could dial: digits with spaces, dashes, dots or brackets, an optional leading +, 5 to 15 digits.</summary>
    public static bool IsPlausiblePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
            return false;
        var text = phone.Trim();
        if (text.StartsWith('+'))
            text = text[1..];
        if (!text.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')'))
            return false;
        var digits = text.Count(char.IsAsciiDigit);
        return digits is >= 5 and <= 15;
    }

    /// <summary>
    /// The column's length limit, for required and optional text alike. A real length validator (not a predicate), so the
    /// UI can read the number from the rule (InputLimits) and enforce it in the browser; only text fields use it.
    /// </summary>
    public static IRuleBuilderOptions<TRequest, TText> MaxLength<TRequest, TText>(this IRuleBuilder<TRequest, TText> rule, int max) =>
        rule.SetValidator((IPropertyValidator<TRequest, TText>)(object)new MaximumLengthValidator<TRequest>(max))
            .WithMessage(_ => T("At most {0} characters.", max));
}

/// <summary>Who may be given client work: a phone message to call back, an e-mail to answer.</summary>
internal static class StaffRouting
{
    public static Task<bool> UserExistsAsync(CaseDeskDb db, string? userId, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.Id == userId, ct);

    /// <summary>Refuses at <paramref name="field"/> (the owner field), with <paramref name="because"/>, when the user holds none of <paramref name="roles"/>.</summary>
    public static async Task EnsureHoldsAnyAsync(CaseDeskDb db, string userId, IReadOnlyList<string> roles, string field, string because, CancellationToken ct)
    {
        var held = await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync(ct);
        if (!held.Any(roles.Contains))
            throw new RequestValidationException(new Dictionary<string, string[]> { [field] = [because] });
    }

    public static Task<string?> NameOfAsync(CaseDeskDb db, string? userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefaultAsync(ct);
}
