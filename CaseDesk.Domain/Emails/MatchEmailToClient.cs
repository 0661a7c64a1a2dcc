using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Emails;

/// <summary>Says which client (and case) wrote the e-mail; the reply is recorded on that client's record.</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head)]
public sealed record MatchEmailToClient(Guid EmailId, Guid Version, Guid ClientId, Guid? CaseId) : ICommand<Guid>;

internal sealed class MatchEmailToClientValidator : AbstractValidator<MatchEmailToClient>
{
    public MatchEmailToClientValidator(CaseDeskDb db)
    {
        RuleFor(r => r.ClientId).MustAsync((id, ct) => db.Clients.AnyAsync(c => c.Id == id, ct)).WithMessage(_ => T("Unknown client."));
        RuleFor(r => r.CaseId).MustAsync((r, caseId, ct) => db.Cases.AnyAsync(c => c.Id == caseId && c.ClientId == r.ClientId, ct))
            .When(r => r.CaseId is not null).WithMessage(_ => T("The case does not belong to this client."));
    }
}

internal sealed class MatchEmailToClientHandler(CaseDeskDb db) : IRequestHandler<MatchEmailToClient, Guid>
{
    public async Task<Guid> Handle(MatchEmailToClient request, CancellationToken ct)
    {
        var email = await db.EmailEnquiries.SingleOrDefaultAsync(e => e.Id == request.EmailId, ct)
            ?? throw new NotFoundException("EmailEnquiry", request.EmailId);
        db.ExpectVersion(email, request.Version);
        email.Match(request.ClientId, request.CaseId, null);
        await db.SaveChangesAsync(ct);
        return email.Version;
    }
}
