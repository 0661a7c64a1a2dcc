using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.PhoneMessages;

/// <summary>
/// The addressee called the client back: logs the call as a contact on touchpoint 2 (phone, outgoing)
/// with the closing summary of 8.4 and any promises, and closes the message so it leaves "My work".
/// A message not yet linked to a client is linked to <see cref="ClientId"/> first. The head may log it for the addressee.
/// </summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record LogCallBack(
    Guid MessageId, Guid Version, Guid ClientId, Guid? CaseId, DateTime OccurredAtUtc,
    string Summary, string? Discussed, string? Decided, string? Done, string? NextStep, DateTime? NextMeetingAtUtc, string? NextMeetingPlace,
    IReadOnlyList<PromiseInput> Promises) : ICommand<Guid>, IContactFields
{
    public const int PhoneTouchpoint = 2;

    public int Touchpoint => PhoneTouchpoint;
    public ContactChannel Channel => ContactChannel.PhoneOut;
    public ContactDirection Direction => ContactDirection.ToClient;
}

internal sealed class LogCallBackValidator : AbstractValidator<LogCallBack>
{
    public LogCallBackValidator(CaseDeskDb db, TimeProvider clock) => Include(new ContactFieldsValidator<LogCallBack>(db, clock));
}

internal sealed class LogCallBackHandler(CaseDeskDb db, ClockBook clocks, CallerContext callers, TimeProvider clock) : IRequestHandler<LogCallBack, Guid>
{
    public const string SourceKind = "PhoneMessage";

    public async Task<Guid> Handle(LogCallBack request, CancellationToken ct)
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
        message.EnsureOpen();

        if (message.ClientId is null)
            message.LinkClient(request.ClientId, request.CaseId);
        else if (message.ClientId != request.ClientId)
            throw new DomainRefusalException(T("The call-back was not logged, because the message is linked to another client."));

        var now = clock.GetUtcNow().UtcDateTime;
        var fields = request with { CaseId = request.CaseId ?? message.CaseId };
        var contact = await ContactLog.AddAsync(db, clocks, fields, caller.UserId, now, SourceKind, message.Id, ct);
        message.CalledBack(contact.Id, now);
        // Measured to the call-back as it happened (the contact's time), not to when it was typed in.
        await clocks.StopAsync(ClockKind.CallBack, message.Id, request.OccurredAtUtc, ct);
        await db.SaveChangesAsync(ct);
        return contact.Id;
    }
}
