using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Emails;

/// <summary>
/// Section 11 / touchpoint 3: registers an e-mail that came to the department's mailbox, against a
/// client (and case) when known, otherwise as unmatched; optionally for a colleague to answer.
/// </summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head)]
public sealed record RegisterEmail(
    DateTime ReceivedAtUtc, string FromAddress, string? FromName, string? Subject, string Body,
    Guid? ClientId = null, Guid? CaseId = null, string? AssignToUserId = null) : ICommand<Guid>;

/// <summary>Who can be given an e-mail to answer: the roles that may read it and reply (their [AllowedRoles], not a list of their own).</summary>
internal static class EmailStaff
{
    public static readonly IReadOnlyList<string> Roles = Owners.RolesAllowedAll(typeof(GetEmail), typeof(ReplyToEmail));

    public static Task EnsureCanAnswerAsync(CaseDeskDb db, string userId, CancellationToken ct) =>
        StaffRouting.EnsureHoldsAnyAsync(db, userId, Roles, nameof(AssignEmail.AssignToUserId),
            T("The e-mail cannot be given to this employee, because only reception, caseworkers and heads answer e-mails."), ct);
}

internal sealed class RegisterEmailValidator : AbstractValidator<RegisterEmail>
{
    public RegisterEmailValidator(CaseDeskDb db, TimeProvider clock)
    {
        RuleFor(r => r.ReceivedAtUtc).NotInTheFuture(clock);
        RuleFor(r => r.FromAddress).NotEmpty().WithMessage(_ => T("Enter the sender's e-mail address."))
            .MaxLength(256)
            .EmailAddress().When(r => !string.IsNullOrWhiteSpace(r.FromAddress), ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => T("This is not an e-mail address."));
        RuleFor(r => r.FromName).MaxLength(200);
        RuleFor(r => r.Subject).MaxLength(300);
        RuleFor(r => r.Body).NotEmpty().WithMessage(_ => T("Paste the text of the e-mail.")).MaxLength(20000);
        RuleFor(r => r.ClientId).MustAsync((id, ct) => db.Clients.AnyAsync(c => c.Id == id, ct)).When(r => r.ClientId is not null)
            .WithMessage(_ => T("Unknown client."));
        RuleFor(r => r.CaseId).MustAsync((r, caseId, ct) => db.Cases.AnyAsync(c => c.Id == caseId && c.ClientId == r.ClientId, ct))
            .When(r => r.CaseId is not null).WithMessage(_ => T("The case does not belong to this client."));
        RuleFor(r => r.AssignToUserId).MustAsync((id, ct) => StaffRouting.UserExistsAsync(db, id, ct))
            .When(r => !string.IsNullOrEmpty(r.AssignToUserId)).WithMessage(_ => T("Unknown employee."));
        RuleFor(r => r.FromAddress).SingleLine();
        RuleFor(r => r.FromName).SingleLine();
        RuleFor(r => r.Subject).SingleLine();
        RuleFor(r => r.Body).FreeText();
        RuleFor(r => r.AssignToUserId).SingleLine();
    }
}

internal sealed class RegisterEmailHandler(CaseDeskDb db, ClockBook clocks, CallerContext callers, TimeProvider clock) : IRequestHandler<RegisterEmail, Guid>
{
    public async Task<Guid> Handle(RegisterEmail request, CancellationToken ct)
    {
        var assignee = string.IsNullOrEmpty(request.AssignToUserId) ? null : request.AssignToUserId;
        if (assignee is not null)
            await EmailStaff.EnsureCanAnswerAsync(db, assignee, ct);
        var email = new EmailEnquiry(Guid.CreateVersion7(), request.ReceivedAtUtc, request.FromAddress,
            string.IsNullOrWhiteSpace(request.FromName) ? null : request.FromName, request.Subject ?? "", request.Body,
            request.ClientId, request.CaseId, assignee, callers.Caller.UserId, clock.GetUtcNow().UtcDateTime);
        db.EmailEnquiries.Add(email);
        // The reply clock runs from when the e-mail arrived, whoever answers it in the end.
        await clocks.StartAsync(ClockKind.EmailReply, nameof(EmailEnquiry), email.Id, assignee, request.ClientId, request.CaseId, request.ReceivedAtUtc, ct);
        await db.SaveChangesAsync(ct);
        return email.Id;
    }
}
