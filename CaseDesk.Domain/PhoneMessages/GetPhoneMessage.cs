using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.PhoneMessages;

/// <summary>One phone message as the addressee reads it before calling back.</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record GetPhoneMessage(Guid Id) : IQuery<PhoneMessageDetails>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

public sealed record PhoneMessageDetails(
    Guid Id, Guid Version, DateTime CalledAtUtc, DateTime RecordedAtUtc, string CallerName, string? Organisation, string? Position,
    string Phone, string Message, string AddresseeUserId, string Addressee, string TakenBy,
    Guid? ClientId, string? ClientName, Guid? CaseId, string? CaseNumber, DateTime? CalledBackAtUtc, Guid? CallBackContactId,
    string? CalledBackWho = null, string? CallBackSummary = null, DateTime? CallBackOccurredAtUtc = null)
{
    public bool IsOpen => CalledBackAtUtc is null;
}

internal sealed class GetPhoneMessageHandler(CaseDeskDb db) : IRequestHandler<GetPhoneMessage, PhoneMessageDetails>
{
    public async Task<PhoneMessageDetails> Handle(GetPhoneMessage request, CancellationToken ct)
    {
        var names = db.Users.Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName });
        return await db.PhoneMessages.AsNoTracking().Where(m => m.Id == request.Id)
            .Select(m => new PhoneMessageDetails(m.Id, m.Version, m.CalledAtUtc, m.RecordedAtUtc, m.CallerName, m.Organisation, m.Position,
                m.Phone, m.Message, m.AddresseeUserId,
                names.Where(n => n.Id == m.AddresseeUserId).Select(n => n.Name).FirstOrDefault() ?? "",
                names.Where(n => n.Id == m.TakenByUserId).Select(n => n.Name).FirstOrDefault() ?? m.TakenByUserId,
                m.ClientId, db.Clients.Where(c => c.Id == m.ClientId).Select(c => c.FirstName + " " + c.LastName).FirstOrDefault(),
                m.CaseId, db.Cases.Where(c => c.Id == m.CaseId).Select(c => c.Number).FirstOrDefault(),
                m.CalledBackAtUtc, m.CallBackContactId, m.CalledBackWho, m.CallBackSummary, m.CallBackOccurredAtUtc))
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("PhoneMessage", request.Id);
    }
}
