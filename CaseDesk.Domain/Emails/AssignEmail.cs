using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Emails;

/// <summary>Gives an unanswered e-mail to a colleague to answer; it appears in their "My work".</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head)]
public sealed record AssignEmail(Guid EmailId, Guid Version, string AssignToUserId) : ICommand<Guid>;

internal sealed class AssignEmailValidator : AbstractValidator<AssignEmail>
{
    public AssignEmailValidator(CaseDeskDb db)
    {
        RuleFor(r => r.AssignToUserId).NotEmpty().WithMessage(_ => T("Choose who answers the e-mail."))
            .MustAsync((id, ct) => StaffRouting.UserExistsAsync(db, id, ct))
            .When(r => !string.IsNullOrEmpty(r.AssignToUserId), ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => T("Unknown employee."));
        RuleFor(r => r.AssignToUserId).SingleLine();
    }
}

internal sealed class AssignEmailHandler(CaseDeskDb db, ClockBook clocks) : IRequestHandler<AssignEmail, Guid>
{
    public async Task<Guid> Handle(AssignEmail request, CancellationToken ct)
    {
        var email = await db.EmailEnquiries.SingleOrDefaultAsync(e => e.Id == request.EmailId, ct)
            ?? throw new NotFoundException("EmailEnquiry", request.EmailId);
        db.ExpectVersion(email, request.Version);
        email.EnsureNotAnswered();
        await EmailStaff.EnsureCanAnswerAsync(db, request.AssignToUserId, ct);
        email.Assign(request.AssignToUserId);
        await clocks.ReassignAsync(ClockKind.EmailReply, email.Id, request.AssignToUserId, ct);
        await db.SaveChangesAsync(ct);
        return email.Version;
    }
}
