using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Emails;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Mail;

/// <summary>
/// The mail server accepted a queued message at <paramref name="AcceptedAtUtc"/> (or it was written to the pick-up folder):
/// the message is sent, and what it belongs to learns so (an e-mail's reply: answered, its clock stopped at that moment).
/// Reported by the app's sender as the system; a message already recorded as sent is left as it is.
/// </summary>
[SystemOnly]
public sealed record RecordMailAccepted(Guid OutboxId, DateTime AcceptedAtUtc) : ICommand<bool>;

internal sealed class RecordMailAcceptedHandler(CaseDeskDb db, ClockBook clocks) : IRequestHandler<RecordMailAccepted, bool>
{
    public async Task<bool> Handle(RecordMailAccepted request, CancellationToken ct)
    {
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == request.OutboxId, ct)
            ?? throw new NotFoundException(nameof(OutboxMessage), request.OutboxId);
        if (message.Status == OutboxStatus.Sent)
            return false;
        message.MarkSent(request.AcceptedAtUtc);
        // The tracking code is kept only as its hash: once it reached the server, its copy in the queue goes.
        if (message.SourceKind == Public.PublicCodeMail.SourceKind)
            message.ForgetText();
        if (message.SourceKind == ReplyToEmailHandler.SourceKind)
        {
            var email = await db.EmailEnquiries.SingleOrDefaultAsync(e => e.Id == message.SourceId, ct);
            // An e-mail erased since the reply was queued has nothing left to close.
            if (email is not null)
            {
                email.ReplyAccepted(request.AcceptedAtUtc);
                await clocks.StopAsync(ClockKind.EmailReply, email.Id, request.AcceptedAtUtc, ct);
            }
        }
        else if (ComplaintMail.IsComplaintKind(message.SourceKind))
        {
            // The acknowledgement (commitment XI) or the outcome reached the client's mail server: that step's clock stops now,
            // but only the clock the message answers: an outcome queued before a reopening does not stop the fresh clock.
            var kind = message.SourceKind == ComplaintMail.AcknowledgementKind ? ClockKind.ComplaintAcknowledged : ClockKind.ComplaintResolved;
            if (await db.ResponseClocks.AnyAsync(c => c.SubjectId == message.SourceId && c.Kind == kind
                    && (c.State == ClockState.Running || c.State == ClockState.Paused) && c.StartedAtUtc <= message.CreatedAtUtc, ct))
                await clocks.StopAsync(kind, message.SourceId, request.AcceptedAtUtc, ct);
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
