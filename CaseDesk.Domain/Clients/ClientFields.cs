using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Clients;

public sealed record HouseholdMemberInput(string Name, string Relation, int? BirthYear);

/// <summary>The editable fields of a client, shared by <see cref="RegisterClient"/> and <see cref="UpdateClient"/>.</summary>
public interface IClientFields
{
    string FirstName { get; }
    string LastName { get; }
    /// <summary>Null or empty: keep (update) / none (register). Never echoed back to lists.</summary>
    string? PersonalCode { get; }
    DateOnly? BirthDate { get; }
    string? Phone { get; }
    string? Email { get; }
    string? Address { get; }
    IReadOnlyList<string> Groups { get; }
    ClientLanguage Language { get; }
    string? LanguageNote { get; }
    string? AccessibilityNeeds { get; }
    bool MeetWithTwoEmployees { get; }
    string? SafetyNote { get; }
    IReadOnlyList<HouseholdMemberInput> Household { get; }
}

internal sealed class ClientFieldsValidator<T> : AbstractValidator<T> where T : IClientFields
{
    public ClientFieldsValidator(CaseDeskDb db, TimeProvider clock)
    {
        RuleFor(c => c.FirstName).NotEmpty().WithMessage(_ => T("Enter the first name."))
            .MaximumLength(100).WithMessage(_ => T("At most {0} characters.", 100));
        RuleFor(c => c.LastName).NotEmpty().WithMessage(_ => T("Enter the last name."))
            .MaximumLength(100).WithMessage(_ => T("At most {0} characters.", 100));
        RuleFor(c => c.PersonalCode).Must(code => string.IsNullOrWhiteSpace(code) || PersonalCode.IsValid(code.Trim()))
            .WithMessage(_ => T("A personal code has 11 digits and a valid check digit."));
        RuleFor(c => c.BirthDate).Must(d => d is null || (d.Value.Year >= 1900 && d.Value <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
            .WithMessage(_ => T("The date of birth is not plausible."));
        RuleFor(c => c.Phone).MaximumLength(40).WithMessage(_ => T("At most {0} characters.", 40))
            .Must(p => string.IsNullOrWhiteSpace(p) || (Client.PhoneSearchKey(p)?.Length is >= 5 and <= 15 && p.All(ch => char.IsAsciiDigit(ch) || " +-()".Contains(ch))))
            .WithMessage(_ => T("Enter a phone number, e.g. +370 612 34567."));
        RuleFor(c => c.Email).MaximumLength(256).WithMessage(_ => T("At most {0} characters.", 256))
            .EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email)).WithMessage(_ => T("This is not an e-mail address."));
        RuleFor(c => c.Address).MaximumLength(300).WithMessage(_ => T("At most {0} characters.", 300));
        RuleFor(c => c.Language).IsInEnum().WithMessage(_ => T("Choose a language."));
        RuleFor(c => c.LanguageNote).NotEmpty().When(c => c.Language == ClientLanguage.Other)
            .WithMessage(_ => T("Say which language the client speaks."));
        RuleFor(c => c.LanguageNote).MaximumLength(200).WithMessage(_ => T("At most {0} characters.", 200));
        RuleFor(c => c.AccessibilityNeeds).MaximumLength(1000).WithMessage(_ => T("At most {0} characters.", 1000));
        RuleFor(c => c.SafetyNote).MaximumLength(1000).WithMessage(_ => T("At most {0} characters.", 1000));
        RuleFor(c => c.Groups).MustAsync(async (groups, ct) =>
        {
            var distinct = groups.Distinct().ToList();
            return distinct.Count == 0 || await db.ClientGroups.CountAsync(g => distinct.Contains(g.Code), ct) == distinct.Count;
        }).WithMessage(_ => T("Unknown client group."));
        RuleFor(c => c.Household).Must(h => h.Count <= 30).WithMessage(_ => T("At most {0} household members.", 30));
        RuleForEach(c => c.Household).ChildRules(member =>
        {
            member.RuleFor(m => m.Name).NotEmpty().WithMessage(_ => T("Enter the household member's name."))
                .MaximumLength(200).WithMessage(_ => T("At most {0} characters.", 200));
            member.RuleFor(m => m.Relation).MaximumLength(100).WithMessage(_ => T("At most {0} characters.", 100));
            member.RuleFor(m => m.BirthYear).InclusiveBetween(1900, 2100).When(m => m.BirthYear is not null)
                .WithMessage(_ => T("The birth year is not plausible."));
        });
        RuleFor(c => c.FirstName).PersonName();
        RuleFor(c => c.LastName).PersonName();
        RuleFor(c => c.PersonalCode).SingleLine();
        RuleFor(c => c.Phone).SingleLine();
        RuleFor(c => c.Email).SingleLine();
        RuleFor(c => c.Address).SingleLine();
        RuleForEach(c => c.Groups).SingleLine();
        RuleFor(c => c.LanguageNote).SingleLine();
        RuleFor(c => c.AccessibilityNeeds).FreeText();
        RuleFor(c => c.SafetyNote).FreeText();
        RuleForEach(c => c.Household).ChildRules(member =>
        {
            member.RuleFor(m => m.Name).PersonName();
            member.RuleFor(m => m.Relation).SingleLine();
        });
    }
}

internal static class ClientFieldsApplier
{
    public static async Task ApplyAsync(Client client, IClientFields fields, Privacy.IPersonalCodeProtector protector, CancellationToken ct)
    {
        client.Rename(fields.FirstName, fields.LastName);
        client.SetPhone(fields.Phone);
        client.Email = Blank(fields.Email);
        client.Address = Blank(fields.Address);
        client.Language = fields.Language;
        client.LanguageNote = Blank(fields.LanguageNote);
        client.AccessibilityNeeds = Blank(fields.AccessibilityNeeds);
        client.MeetWithTwoEmployees = fields.MeetWithTwoEmployees;
        client.SafetyNote = Blank(fields.SafetyNote);
        client.SetGroups(fields.Groups);
        client.SetHousehold(fields.Household.Select(h => (h.Name, h.Relation, h.BirthYear)));
        if (!string.IsNullOrWhiteSpace(fields.PersonalCode))
        {
            var code = fields.PersonalCode.Trim();
            client.SetPersonalCode(await protector.LookupHashAsync(code, ct), protector.Protect(code), PersonalCode.BirthDate(code));
        }
        else if (fields.BirthDate is not null)
        {
            client.SetBirthDate(fields.BirthDate);
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
