using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Emails;

/// <summary>One e-mail with its reply, if answered.</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head)]
public sealed record GetEmail(Guid Id) : IQuery<EmailDetails>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

public sealed record EmailDetails(
    Guid Id, Guid Version, DateTime ReceivedAtUtc, string FromAddress, string? FromName, string Subject, string Body, EmailStatus Status,
    Guid? ClientId, string? ClientName, Guid? CaseId, string? CaseNumber, string? AssignedToUserId, string? AssignedTo, string RegisteredBy,
    DateTime? RepliedAtUtc, string? RepliedBy, string? ReplySubject, string? ReplyBody, string? ReplySignature, Guid? ReplyContactId);

internal sealed class GetEmailHandler(CaseDeskDb db) : IRequestHandler<GetEmail, EmailDetails>
{
    public async Task<EmailDetails> Handle(GetEmail request, CancellationToken ct)
    {
        var names = db.Users.Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName });
        return await db.EmailEnquiries.AsNoTracking().Where(e => e.Id == request.Id)
            .Select(e => new EmailDetails(e.Id, e.Version, e.ReceivedAtUtc, e.FromAddress, e.FromName, e.Subject, e.Body, e.Status,
                e.ClientId, db.Clients.Where(c => c.Id == e.ClientId).Select(c => c.FirstName + " " + c.LastName).FirstOrDefault(),
                e.CaseId, db.Cases.Where(c => c.Id == e.CaseId).Select(c => c.Number).FirstOrDefault(),
                e.AssignedToUserId, names.Where(n => n.Id == e.AssignedToUserId).Select(n => n.Name).FirstOrDefault(),
                names.Where(n => n.Id == e.RegisteredByUserId).Select(n => n.Name).FirstOrDefault() ?? e.RegisteredByUserId,
                e.RepliedAtUtc, names.Where(n => n.Id == e.RepliedByUserId).Select(n => n.Name).FirstOrDefault(),
                e.ReplySubject, e.ReplyBody, e.ReplySignature, e.ReplyContactId))
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("EmailEnquiry", request.Id);
    }
}
