using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Clients;

/// <summary>
/// The client's card: everything but the personal code itself (only its masked form; see <see cref="RevealPersonalCode"/>).
/// A caseworker opening a client of another unit states <paramref name="AccessReason"/> (see <see cref="Privacy.UnitScope"/>).
/// </summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record GetClient(Guid Id, string? AccessReason = null) : IQuery<ClientDetails>, IReadsPersonalData, Privacy.IUnitScopedRead
{
    Guid? IReadsPersonalData.ClientId => Id;
    Guid? Privacy.IUnitScopedRead.ScopeClientId => Id;
    Guid? Privacy.IUnitScopedRead.ScopeCaseId => null;
}

internal sealed class GetClientValidator : AbstractValidator<GetClient>
{
    public GetClientValidator()
    {
        RuleFor(r => r.AccessReason).MaximumLength(300);
        RuleFor(r => r.AccessReason).FreeText();
    }
}

public sealed record ClientDetails(
    Guid Id, Guid Version, string FirstName, string LastName, bool HasPersonalCode, DateOnly? BirthDate,
    string? Phone, string? Email, string? Address, IReadOnlyList<string> Groups, ClientLanguage Language, string? LanguageNote,
    string? AccessibilityNeeds, bool MeetWithTwoEmployees, string? SafetyNote, IReadOnlyList<HouseholdMemberInput> Household,
    DateTime CreatedAtUtc, IReadOnlyList<ClientCaseRow> Cases, IReadOnlyList<ClientFeedbackRow> Feedback)
{
    public string FullName => $"{FirstName} {LastName}";
}

/// <summary>A complaint or suggestion the client gave, newest first on the card.</summary>
public sealed record ClientFeedbackRow(Guid Id, string Number, Complaints.FeedbackKind Kind, Complaints.ComplaintStage Stage, DateTime ReceivedAtUtc, string Excerpt);

public sealed record ClientCaseRow(Guid Id, string Number, string ServiceRequested, CaseStatus Status, string? AssignedTo, DateTime OpenedAtUtc, DateTime DueAtUtc);

internal sealed class GetClientHandler(CaseDeskDb db) : IRequestHandler<GetClient, ClientDetails>
{
    public async Task<ClientDetails> Handle(GetClient request, CancellationToken ct)
    {
        var c = await db.Clients.AsNoTracking().Include(x => x.Household).Include(x => x.Groups)
            .SingleOrDefaultAsync(x => x.Id == request.Id, ct) ?? throw new NotFoundException("Client", request.Id);
        var cases = await db.Cases.AsNoTracking().Where(k => k.ClientId == c.Id).OrderByDescending(k => k.OpenedAtUtc)
            .Select(k => new ClientCaseRow(k.Id, k.Number, k.ServiceRequested, k.Status,
                db.Users.Where(u => u.Id == k.AssignedToUserId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault(),
                k.OpenedAtUtc, k.DueAtUtc))
            .ToListAsync(ct);
        var feedback = await db.Complaints.AsNoTracking().Where(k => k.ClientId == c.Id).OrderByDescending(k => k.ReceivedAtUtc)
            .Select(k => new ClientFeedbackRow(k.Id, k.Number, k.Kind, k.Stage, k.ReceivedAtUtc, k.Text))
            .ToListAsync(ct);
        return new ClientDetails(c.Id, c.Version, c.FirstName, c.LastName, c.PersonalCodeCipher is not null, c.BirthDate,
            c.Phone, c.Email, c.Address, c.Groups.Select(g => g.GroupCode).ToList(), c.Language, c.LanguageNote,
            c.AccessibilityNeeds, c.MeetWithTwoEmployees, c.SafetyNote,
            c.Household.Select(h => new HouseholdMemberInput(h.Name, h.Relation, h.BirthYear)).ToList(), c.CreatedAtUtc, cases,
            feedback.Select(f => f with { Excerpt = Complaints.ComplaintQueries.Shorten(f.Excerpt, 160) }).ToList());
    }
}

/// <summary>Shows the full personal code on the card, on purpose, with a reason; the read is audited with that reason.</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head)]
public sealed record RevealPersonalCode(Guid Id, string AccessReason) : IQuery<string?>, IReadsPersonalData, Common.Pipeline.IHasAccessReason
{
    Guid? IReadsPersonalData.ClientId => Id;
    string? Common.Pipeline.IHasAccessReason.AccessReason => AccessReason;
}

internal sealed class RevealPersonalCodeValidator : FluentValidation.AbstractValidator<RevealPersonalCode>
{
    public RevealPersonalCodeValidator()
    {
        RuleFor(r => r.AccessReason).NotEmpty().MaximumLength(300).WithMessage(_ => DomainText.T("Say why you need the personal code."));
        RuleFor(r => r.AccessReason).FreeText();
    }
}

internal sealed class RevealPersonalCodeHandler(CaseDeskDb db, Privacy.IPersonalCodeProtector protector) : IRequestHandler<RevealPersonalCode, string?>
{
    public async Task<string?> Handle(RevealPersonalCode request, CancellationToken ct)
    {
        var cipher = await db.Clients.AsNoTracking().Where(c => c.Id == request.Id).Select(c => new { c.PersonalCodeCipher }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Client", request.Id);
        return cipher.PersonalCodeCipher is null ? null : protector.Unprotect(cipher.PersonalCodeCipher);
    }
}
