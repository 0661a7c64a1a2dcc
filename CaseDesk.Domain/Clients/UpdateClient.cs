using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Privacy;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Clients;

/// <summary>Edits a client. <see cref="Version"/> is the version the editor loaded: a newer save by someone else is a conflict, never overwritten.</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head)]
public sealed record UpdateClient(
    Guid Id, Guid Version,
    string FirstName, string LastName, string? PersonalCode, DateOnly? BirthDate, string? Phone, string? Email, string? Address,
    IReadOnlyList<string> Groups, ClientLanguage Language, string? LanguageNote, string? AccessibilityNeeds,
    bool MeetWithTwoEmployees, string? SafetyNote, IReadOnlyList<HouseholdMemberInput> Household) : ICommand<Guid>, IClientFields;

internal sealed class UpdateClientValidator : AbstractValidator<UpdateClient>
{
    public UpdateClientValidator(CaseDeskDb db, TimeProvider clock) => Include(new ClientFieldsValidator<UpdateClient>(db, clock));
}

internal sealed class UpdateClientHandler(CaseDeskDb db, IPersonalCodeProtector protector) : IRequestHandler<UpdateClient, Guid>
{
    public async Task<Guid> Handle(UpdateClient request, CancellationToken ct)
    {
        var client = await db.Clients.Include(c => c.Household).Include(c => c.Groups)
            .SingleOrDefaultAsync(c => c.Id == request.Id, ct) ?? throw new NotFoundException("Client", request.Id);
        db.ExpectVersion(client, request.Version);

        if (!string.IsNullOrWhiteSpace(request.PersonalCode))
        {
            var hash = await protector.LookupHashAsync(request.PersonalCode.Trim(), ct);
            var other = await db.Clients.AsNoTracking().Where(c => c.PersonalCodeHash == hash && c.Id != client.Id)
                .Select(c => c.FirstName + " " + c.LastName).FirstOrDefaultAsync(ct);
            if (other is not null)
                throw new RequestValidationException(new Dictionary<string, string[]>
                {
                    [nameof(UpdateClient.PersonalCode)] = [T("A client with this personal code is already registered: {0}.", other)],
                });
        }

        await ClientFieldsApplier.ApplyAsync(client, request, protector, ct);
        await db.SaveChangesAsync(ct);
        return client.Version;
    }
}
