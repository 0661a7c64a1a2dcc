using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Mail;

/// <summary>
/// For a complaint's step form: the address its client messages can go to by e-mail (none: the choice is not offered), and where
/// the acknowledgement and the outcome sent by e-mail are on their way out (queued, sent at, failed with the server's reason).
/// </summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head, Roles.QualityOfficer)]
public sealed record GetComplaintMail(Guid ComplaintId) : IQuery<ComplaintMailState>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

public sealed record ComplaintMessageDelivery(Guid OutboxId, OutboxStatus Status, DateTime QueuedAtUtc, DateTime? SentAtUtc, DateTime? NextAttemptAtUtc,
    string? LastError, string ToAddress);

public sealed record ComplaintMailState(string? Address, ComplaintMessageDelivery? Acknowledgement, ComplaintMessageDelivery? Outcome);

internal sealed class GetComplaintMailHandler(CaseDeskDb db) : IRequestHandler<GetComplaintMail, ComplaintMailState>
{
    public async Task<ComplaintMailState> Handle(GetComplaintMail request, CancellationToken ct)
    {
        if (!await db.Complaints.AnyAsync(c => c.Id == request.ComplaintId, ct))
            throw new NotFoundException("Complaint", request.ComplaintId);
        var address = await ComplaintMail.AddressAsync(db, request.ComplaintId, ct);
        return new ComplaintMailState(address?.Address,
            Delivery(await ComplaintMail.LatestAsync(db, request.ComplaintId, ComplaintMail.AcknowledgementKind, ct)),
            Delivery(await ComplaintMail.LatestAsync(db, request.ComplaintId, ComplaintMail.OutcomeKind, ct)));
    }

    private static ComplaintMessageDelivery? Delivery(OutboxMessage? m) =>
        m is null ? null : new(m.Id, m.Status, m.CreatedAtUtc, m.SentAtUtc, m.NextAttemptAtUtc, m.LastError, m.ToAddress);
}
