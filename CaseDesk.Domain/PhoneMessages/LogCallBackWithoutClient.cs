using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.PhoneMessages;

/// <summary>
/// The addressee called back a caller who is not a registered client (a relative, an organisation, an
/// anonymous caller): the message records who was called and what was said, closes, and its call-back
/// clock stops at the time of the call. No client and no contact are created.
/// </summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record LogCallBackWithoutClient(Guid MessageId, Guid Version, DateTime OccurredAtUtc, string CalledWho, string Summary) : ICommand<Guid>;

internal sealed class LogCallBackWithoutClientValidator : AbstractValidator<LogCallBackWithoutClient>
{
    public LogCallBackWithoutClientValidator(TimeProvider clock)
    {
        RuleFor(r => r.OccurredAtUtc)
            .Must(at => at <= clock.GetUtcNow().UtcDateTime.AddMinutes(5)).WithMessage(_ => T("A contact cannot be in the future."))
            .Must(at => at.Year >= 2000).WithMessage(_ => T("The date is out of range."));
        RuleFor(r => r.CalledWho).NotEmpty().WithMessage(_ => T("Write whom you called back."))
            .MaximumLength(200).WithMessage(_ => T("At most {0} characters.", 200));
        RuleFor(r => r.Summary).NotEmpty().WithMessage(_ => T("Write what the contact was about."))
            .MaximumLength(4000).WithMessage(_ => T("At most {0} characters.", 4000));
        RuleFor(r => r.CalledWho).SingleLine();
        RuleFor(r => r.Summary).FreeText();
    }
}

internal sealed class LogCallBackWithoutClientHandler(CaseDeskDb db, ClockBook clocks, CallerContext callers, TimeProvider clock)
    : IRequestHandler<LogCallBackWithoutClient, Guid>
{
    public async Task<Guid> Handle(LogCallBackWithoutClient request, CancellationToken ct)
    {
        var message = await db.PhoneMessages.SingleOrDefaultAsync(m => m.Id == request.MessageId, ct)
            ?? throw new NotFoundException("PhoneMessage", request.MessageId);
        db.ExpectVersion(message, request.Version);
        var caller = callers.Caller;
        if (message.AddresseeUserId != caller.UserId && !caller.IsInRole(Roles.Head))
        {
            var addressee = await StaffRouting.NameOfAsync(db, message.AddresseeUserId, ct);
            throw new DomainRefusalException(T("You cannot log this call-back, because the message is for {0}. Forward it to yourself first.", addressee ?? ""));
        }
        message.CalledBackWithoutClient(request.CalledWho, request.Summary, request.OccurredAtUtc, clock.GetUtcNow().UtcDateTime);
        // Measured to the call-back as it happened, as for a client's call-back.
        await clocks.StopAsync(ClockKind.CallBack, message.Id, request.OccurredAtUtc, ct);
        await db.SaveChangesAsync(ct);
        return message.Version;
    }
}
