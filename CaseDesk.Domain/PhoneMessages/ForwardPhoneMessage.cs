using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.PhoneMessages;

/// <summary>Passes an open message to the colleague who can actually help; it moves to their "My work".</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head)]
public sealed record ForwardPhoneMessage(Guid MessageId, Guid Version, string AddresseeUserId) : ICommand<Guid>;

internal sealed class ForwardPhoneMessageValidator : AbstractValidator<ForwardPhoneMessage>
{
    public ForwardPhoneMessageValidator(CaseDeskDb db)
    {
        RuleFor(r => r.AddresseeUserId).NotEmpty().WithMessage(_ => T("Choose whom the message is for."))
            .MustAsync((id, ct) => StaffRouting.UserExistsAsync(db, id, ct))
            .When(r => !string.IsNullOrEmpty(r.AddresseeUserId), ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => T("Unknown employee."));
        RuleFor(r => r.AddresseeUserId).SingleLine();
    }
}

internal sealed class ForwardPhoneMessageHandler(CaseDeskDb db, ClockBook clocks) : IRequestHandler<ForwardPhoneMessage, Guid>
{
    public async Task<Guid> Handle(ForwardPhoneMessage request, CancellationToken ct)
    {
        var message = await db.PhoneMessages.SingleOrDefaultAsync(m => m.Id == request.MessageId, ct)
            ?? throw new NotFoundException("PhoneMessage", request.MessageId);
        db.ExpectVersion(message, request.Version);
        await CallBackStaff.EnsureCanCallBackAsync(db, request.AddresseeUserId, ct);
        message.Forward(request.AddresseeUserId);
        // The client has waited since the call: the clock moves to the new addressee, it does not restart.
        await clocks.ReassignAsync(ClockKind.CallBack, message.Id, request.AddresseeUserId, ct);
        await db.SaveChangesAsync(ct);
        return message.Version;
    }
}
