using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Privacy;
using FluentValidation;
using MediatR;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Clients;

/// <summary>
/// Registers a client. A client with the same personal code is refused outright; a likely
/// duplicate (same name and phone or date of birth, or same phone) stops registration until the
/// user confirms it is a different person.
/// </summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head)]
public sealed record RegisterClient(
    string FirstName, string LastName, string? PersonalCode, DateOnly? BirthDate, string? Phone, string? Email, string? Address,
    IReadOnlyList<string> Groups, ClientLanguage Language, string? LanguageNote, string? AccessibilityNeeds,
    bool MeetWithTwoEmployees, string? SafetyNote, IReadOnlyList<HouseholdMemberInput> Household,
    bool ConfirmedNotDuplicate = false) : ICommand<Guid>, IClientFields;

internal sealed class RegisterClientValidator : AbstractValidator<RegisterClient>
{
    public RegisterClientValidator(CaseDeskDb db, TimeProvider clock) => Include(new ClientFieldsValidator<RegisterClient>(db, clock));
}

internal sealed class RegisterClientHandler(CaseDeskDb db, IPersonalCodeProtector protector, CallerContext callers, TimeProvider clock)
    : IRequestHandler<RegisterClient, Guid>
{
    public async Task<Guid> Handle(RegisterClient request, CancellationToken ct)
    {
        var candidates = await FindPossibleDuplicatesHandler.Find(db, protector, request.FirstName, request.LastName,
            request.PersonalCode, request.Phone, request.BirthDate, null, ct);
        var sameCode = candidates.FirstOrDefault(c => c.Reason == DuplicateReason.SamePersonalCode);
        if (sameCode is not null)
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                [nameof(RegisterClient.PersonalCode)] = [T("A client with this personal code is already registered: {0}.", sameCode.FullName)],
            });
        if (candidates.Count > 0 && !request.ConfirmedNotDuplicate)
            throw new PossibleDuplicateException(candidates);

        var client = new Client(Guid.CreateVersion7(), request.FirstName, request.LastName, clock.GetUtcNow().UtcDateTime, callers.Caller.UserId);
        await ClientFieldsApplier.ApplyAsync(client, request, protector, ct);
        db.Clients.Add(client);
        await db.SaveChangesAsync(ct);
        return client.Id;
    }
}
