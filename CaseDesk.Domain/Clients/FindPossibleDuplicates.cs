using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using CaseDesk.Domain.Privacy;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Clients;

/// <summary>Clients who may be the same person as the one being entered: same personal code, or same name with the same phone or date of birth.</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head)]
public sealed record FindPossibleDuplicates(string FirstName, string LastName, string? PersonalCode, string? Phone, DateOnly? BirthDate, Guid? ExceptClientId = null)
    : IQuery<IReadOnlyList<DuplicateCandidate>>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;

    // A search run while the form is typed in: invisible characters are dropped (the form's save refuses them at the field).
    public string FirstName { get; init => field = BidiText.StripInvisible(value)!; } = BidiText.StripInvisible(FirstName)!;
    public string LastName { get; init => field = BidiText.StripInvisible(value)!; } = BidiText.StripInvisible(LastName)!;
    public string? PersonalCode { get; init => field = BidiText.StripInvisible(value); } = BidiText.StripInvisible(PersonalCode);
    public string? Phone { get; init => field = BidiText.StripInvisible(value); } = BidiText.StripInvisible(Phone);
}

internal sealed class FindPossibleDuplicatesValidator : AbstractValidator<FindPossibleDuplicates>
{
    public FindPossibleDuplicatesValidator()
    {
        RuleFor(r => r.FirstName).SingleLine();
        RuleFor(r => r.LastName).SingleLine();
        RuleFor(r => r.PersonalCode).SingleLine();
        RuleFor(r => r.Phone).SingleLine();
    }
}

public enum DuplicateReason
{
    SamePersonalCode = 1,
    SameNameAndPhone = 2,
    SameNameAndBirthDate = 3,
    SamePhone = 4,
}

public sealed record DuplicateCandidate(Guid ClientId, string FullName, string? Phone, DateOnly? BirthDate, DuplicateReason Reason) : IHasClientId;

internal sealed class FindPossibleDuplicatesHandler(CaseDeskDb db, IPersonalCodeProtector protector)
    : IRequestHandler<FindPossibleDuplicates, IReadOnlyList<DuplicateCandidate>>
{
    public Task<IReadOnlyList<DuplicateCandidate>> Handle(FindPossibleDuplicates request, CancellationToken ct) =>
        Find(db, protector, request.FirstName, request.LastName, request.PersonalCode, request.Phone, request.BirthDate, request.ExceptClientId, ct);

    internal static async Task<IReadOnlyList<DuplicateCandidate>> Find(CaseDeskDb db, IPersonalCodeProtector protector,
        string firstName, string lastName, string? personalCode, string? phone, DateOnly? birthDate, Guid? except, CancellationToken ct)
    {
        var found = new List<DuplicateCandidate>();
        var code = personalCode?.Trim();
        if (!string.IsNullOrEmpty(code) && PersonalCode.IsValid(code))
        {
            var hash = await protector.LookupHashAsync(code, ct);
            found.AddRange(await db.Clients.AsNoTracking().Where(c => c.PersonalCodeHash == hash && c.Id != except)
                .Select(c => new DuplicateCandidate(c.Id, c.FirstName + " " + c.LastName, c.Phone, c.BirthDate, DuplicateReason.SamePersonalCode))
                .ToListAsync(ct));
            birthDate ??= PersonalCode.BirthDate(code);
        }

        var nameKey = Client.SearchKey($"{lastName} {firstName}");
        var phoneKey = Client.PhoneSearchKey(phone);
        if (nameKey.Length > 0)
        {
            var sameName = await db.Clients.AsNoTracking().Where(c => c.NameKey == nameKey && c.Id != except)
                .Select(c => new { c.Id, c.FirstName, c.LastName, c.Phone, c.PhoneKey, c.BirthDate })
                .Take(50).ToListAsync(ct);
            foreach (var c in sameName)
            {
                if (phoneKey is not null && c.PhoneKey == phoneKey)
                    found.Add(new DuplicateCandidate(c.Id, $"{c.FirstName} {c.LastName}", c.Phone, c.BirthDate, DuplicateReason.SameNameAndPhone));
                else if (birthDate is not null && c.BirthDate == birthDate)
                    found.Add(new DuplicateCandidate(c.Id, $"{c.FirstName} {c.LastName}", c.Phone, c.BirthDate, DuplicateReason.SameNameAndBirthDate));
            }
        }

        if (phoneKey is not null && phoneKey.Length >= 8)
        {
            found.AddRange(await db.Clients.AsNoTracking().Where(c => c.PhoneKey == phoneKey && c.Id != except)
                .Select(c => new DuplicateCandidate(c.Id, c.FirstName + " " + c.LastName, c.Phone, c.BirthDate, DuplicateReason.SamePhone))
                .Take(10).ToListAsync(ct));
        }

        return found.GroupBy(d => d.ClientId).Select(g => g.OrderBy(d => d.Reason).First()).OrderBy(d => d.Reason).ToList();
    }
}

/// <summary>Registration stopped because the client may already be registered; the user confirms or opens the existing client.</summary>
public sealed class PossibleDuplicateException(IReadOnlyList<DuplicateCandidate> candidates)
    : Exception(DomainText.T("A client who may be the same person is already registered."))
{
    public IReadOnlyList<DuplicateCandidate> Candidates { get; } = candidates;
}
