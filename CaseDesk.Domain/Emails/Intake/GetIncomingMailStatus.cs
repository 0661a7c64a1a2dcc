using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Emails.Intake;

/// <summary>How far each mailbox was read and how its last fetch went; also where the fetcher starts reading.</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head)]
public sealed record GetIncomingMailStatus : IQuery<IReadOnlyList<MailboxStatus>>;

public sealed record MailboxStatus(string Mailbox, long UidValidity, long LastUid, DateTime? LastCheckedAtUtc, DateTime? LastSuccessAtUtc, string? LastError);

internal sealed class GetIncomingMailStatusHandler(CaseDeskDb db) : IRequestHandler<GetIncomingMailStatus, IReadOnlyList<MailboxStatus>>
{
    public async Task<IReadOnlyList<MailboxStatus>> Handle(GetIncomingMailStatus request, CancellationToken ct) =>
        await db.Set<MailboxCursor>().AsNoTracking().OrderBy(c => c.Mailbox)
            .Select(c => new MailboxStatus(c.Mailbox, c.UidValidity, c.LastUid, c.LastCheckedAtUtc, c.LastSuccessAtUtc, c.LastError))
            .ToListAsync(ct);
}
