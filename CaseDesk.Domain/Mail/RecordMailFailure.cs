using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Mail;

/// <summary>An attempt failed with the server's reason: permanent (5xx) fails the message at once, otherwise it waits its back-off.</summary>
[SystemOnly]
public sealed record RecordMailFailure(Guid OutboxId, string Reason, bool Permanent, DateTime AtUtc) : ICommand<OutboxStatus>;

internal sealed class RecordMailFailureValidator : AbstractValidator<RecordMailFailure>
{
    /// <summary>The server's reply is kept as it came (cut to the column by the message), but never empty.</summary>
    public RecordMailFailureValidator() => RuleFor(r => r.Reason).NotEmpty().FreeText();
}

internal sealed class RecordMailFailureHandler(CaseDeskDb db) : IRequestHandler<RecordMailFailure, OutboxStatus>
{
    public async Task<OutboxStatus> Handle(RecordMailFailure request, CancellationToken ct)
    {
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == request.OutboxId, ct)
            ?? throw new NotFoundException(nameof(OutboxMessage), request.OutboxId);
        if (message.Status != OutboxStatus.Pending)
            return message.Status;
        message.RecordFailure(request.Reason, request.Permanent, request.AtUtc);
        // A tracking code that cannot be delivered is not tried again (no one may resend it: it would need the code), so its copy goes too.
        if (message.Status == OutboxStatus.Failed && message.SourceKind == Public.PublicCodeMail.SourceKind)
            message.ForgetText();
        await db.SaveChangesAsync(ct);
        return message.Status;
    }
}
