using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.PhoneMessages;

/// <summary>Says which client (and case) the caller is, so the call-back lands on the right record.</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head)]
public sealed record LinkPhoneMessageToClient(Guid MessageId, Guid Version, Guid ClientId, Guid? CaseId) : ICommand<Guid>;

internal sealed class LinkPhoneMessageToClientValidator : AbstractValidator<LinkPhoneMessageToClient>
{
    public LinkPhoneMessageToClientValidator(CaseDeskDb db)
    {
        RuleFor(r => r.ClientId).MustAsync((id, ct) => db.Clients.AnyAsync(c => c.Id == id, ct)).WithMessage(_ => T("Unknown client."));
        RuleFor(r => r.CaseId).MustAsync((r, caseId, ct) => db.Cases.AnyAsync(c => c.Id == caseId && c.ClientId == r.ClientId, ct))
            .When(r => r.CaseId is not null).WithMessage(_ => T("The case does not belong to this client."));
    }
}

internal sealed class LinkPhoneMessageToClientHandler(CaseDeskDb db) : IRequestHandler<LinkPhoneMessageToClient, Guid>
{
    public async Task<Guid> Handle(LinkPhoneMessageToClient request, CancellationToken ct)
    {
        var message = await db.PhoneMessages.SingleOrDefaultAsync(m => m.Id == request.MessageId, ct)
            ?? throw new NotFoundException("PhoneMessage", request.MessageId);
        db.ExpectVersion(message, request.Version);
        message.LinkClient(request.ClientId, request.CaseId);
        await db.SaveChangesAsync(ct);
        return message.Version;
    }
}
