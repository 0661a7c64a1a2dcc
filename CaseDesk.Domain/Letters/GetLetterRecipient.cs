using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Letters;

/// <summary>Who a new letter of a case goes to: the compose form warns when there is no postal address and says the letter's language.</summary>
[AllowedRoles(Roles.Caseworker, Roles.Head)]
public sealed record GetLetterRecipient(Guid CaseId) : IQuery<LetterRecipient>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

public sealed record LetterRecipient(Guid ClientId, string ClientName, string? Address, ClientLanguage Language) : IHasClientId
{
    public bool HasAddress => !string.IsNullOrWhiteSpace(Address);
}

internal sealed class GetLetterRecipientHandler(CaseDeskDb db) : IRequestHandler<GetLetterRecipient, LetterRecipient>
{
    public async Task<LetterRecipient> Handle(GetLetterRecipient request, CancellationToken ct)
    {
        var clientId = await db.Cases.AsNoTracking().Where(c => c.Id == request.CaseId).Select(c => (Guid?)c.ClientId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Case", request.CaseId);
        return await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            .Select(c => new LetterRecipient(c.Id, c.FirstName + " " + c.LastName, c.Address, c.Language))
            .SingleAsync(ct);
    }
}
