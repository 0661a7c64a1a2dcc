using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.PhoneMessages;

/// <summary>
/// Section 10: writes down a call for an absent colleague (time of the call, caller's name,
/// organisation and position if given, phone, detailed message). It waits in the addressee's
/// "My work" as a call-back to make. The client and case are optional: often the caller is not known yet.
/// </summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record TakePhoneMessage(
    DateTime CalledAtUtc, string CallerName, string? Organisation, string? Position, string Phone, string Message,
    string AddresseeUserId, Guid? ClientId = null, Guid? CaseId = null) : ICommand<Guid>;

/// <summary>Who can be asked to call back: the staff who may read the message and log the call-back (their [AllowedRoles]).</summary>
internal static class CallBackStaff
{
    public static readonly IReadOnlyList<string> Roles = Owners.RolesAllowedAll(typeof(GetPhoneMessage), typeof(LogCallBack));

    public static Task EnsureCanCallBackAsync(CaseDeskDb db, string userId, CancellationToken ct) =>
        StaffRouting.EnsureHoldsAnyAsync(db, userId, Roles, nameof(TakePhoneMessage.AddresseeUserId),
            T("The message cannot be addressed to this employee, because only staff who work with clients can call a client back."), ct);
}

internal sealed class TakePhoneMessageValidator : AbstractValidator<TakePhoneMessage>
{
    public TakePhoneMessageValidator(CaseDeskDb db, TimeProvider clock)
    {
        RuleFor(r => r.CalledAtUtc).NotInTheFuture(clock);
        RuleFor(r => r.CallerName).NotEmpty().WithMessage(_ => T("Write the caller's name.")).MaxLength(200);
        RuleFor(r => r.Organisation).MaxLength(200);
        RuleFor(r => r.Position).MaxLength(150);
        RuleFor(r => r.Phone).NotEmpty().WithMessage(_ => T("Write the phone number to call back."))
            .MaxLength(40)
            .Must(FieldRules.IsPlausiblePhone).When(r => !string.IsNullOrWhiteSpace(r.Phone), ApplyConditionTo.CurrentValidator).WithMessage(_ => T("This is not a phone number."));
        RuleFor(r => r.Message).NotEmpty().WithMessage(_ => T("Write the caller's message in detail.")).MaxLength(4000);
        RuleFor(r => r.AddresseeUserId).NotEmpty().WithMessage(_ => T("Choose whom the message is for."))
            .MustAsync((id, ct) => StaffRouting.UserExistsAsync(db, id, ct)).When(r => !string.IsNullOrEmpty(r.AddresseeUserId), ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => T("Unknown employee."));
        RuleFor(r => r.ClientId).MustAsync((id, ct) => db.Clients.AnyAsync(c => c.Id == id, ct)).When(r => r.ClientId is not null)
            .WithMessage(_ => T("Unknown client."));
        RuleFor(r => r.CaseId).MustAsync((r, caseId, ct) => db.Cases.AnyAsync(c => c.Id == caseId && c.ClientId == r.ClientId, ct))
            .When(r => r.CaseId is not null).WithMessage(_ => T("The case does not belong to this client."));
        RuleFor(r => r.CallerName).PersonName();
        RuleFor(r => r.Organisation).SingleLine();
        RuleFor(r => r.Position).SingleLine();
        RuleFor(r => r.Phone).SingleLine();
        RuleFor(r => r.Message).FreeText();
        RuleFor(r => r.AddresseeUserId).SingleLine();
    }
}

internal sealed class TakePhoneMessageHandler(CaseDeskDb db, ClockBook clocks, CallerContext callers, TimeProvider clock) : IRequestHandler<TakePhoneMessage, Guid>
{
    public async Task<Guid> Handle(TakePhoneMessage request, CancellationToken ct)
    {
        await CallBackStaff.EnsureCanCallBackAsync(db, request.AddresseeUserId, ct);
        var message = new PhoneMessage(Guid.CreateVersion7(), request.CalledAtUtc, request.CallerName, Blank(request.Organisation),
            Blank(request.Position), request.Phone, request.Message, request.AddresseeUserId, callers.Caller.UserId,
            request.ClientId, request.CaseId, clock.GetUtcNow().UtcDateTime);
        db.PhoneMessages.Add(message);
        // The call-back clock runs from the call itself, for the colleague it is addressed to.
        await clocks.StartAsync(ClockKind.CallBack, nameof(PhoneMessage), message.Id, request.AddresseeUserId,
            request.ClientId, request.CaseId, request.CalledAtUtc, ct);
        await db.SaveChangesAsync(ct);
        return message.Id;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
