using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Emails.Intake;

/// <summary>What came with a fetched e-mail: the receiving server's warnings and the attachments (names and sizes, no bytes).</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head)]
public sealed record GetEmailIntake(Guid EmailId) : IQuery<EmailIntake>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

/// <summary><see cref="Fetched"/> is false for an e-mail typed in by staff: then there is nothing more to show.</summary>
public sealed record EmailIntake(Guid EmailId, Guid? EmailClientId, bool Fetched, string? Mailbox, DateTime? ArrivedAtUtc, DateTime? SentAtUtc,
    string? FromAddress, string? ReplyToAddress, string? VerificationFailure, bool BodyCut, IReadOnlyList<AttachmentRow> Attachments) : IHasClientId
{
    Guid IHasClientId.ClientId => EmailClientId ?? Guid.Empty;
}

public sealed record AttachmentRow(Guid Id, string FileName, string ContentType, long SizeBytes, bool Kept, AttachmentNotKept? NotKept);

internal sealed class GetEmailIntakeHandler(CaseDeskDb db) : IRequestHandler<GetEmailIntake, EmailIntake>
{
    public async Task<EmailIntake> Handle(GetEmailIntake request, CancellationToken ct)
    {
        var email = await db.EmailEnquiries.AsNoTracking().Where(e => e.Id == request.EmailId)
            .Select(e => new { e.Id, e.ClientId, e.FromAddress }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(nameof(EmailEnquiry), request.EmailId);
        var origin = await db.Set<IncomingEmail>().AsNoTracking().SingleOrDefaultAsync(i => i.EmailEnquiryId == request.EmailId, ct);
        var attachments = await db.Set<EmailAttachment>().AsNoTracking().Where(a => a.EmailEnquiryId == request.EmailId)
            .OrderBy(a => a.FileName)
            .Select(a => new AttachmentRow(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.Content != null, a.NotKept))
            .ToListAsync(ct);
        return new EmailIntake(email.Id, email.ClientId, origin is not null, origin?.Mailbox, origin?.ArrivedAtUtc, origin?.SentAtUtc, email.FromAddress,
            origin?.ReplyToAddress, origin?.VerificationFailure, origin?.BodyCut ?? false, attachments);
    }
}

/// <summary>One kept attachment's bytes, for a download (never shown inline): an audited read of the client's e-mail.</summary>
[AllowedRoles(Roles.Reception, Roles.Caseworker, Roles.Head)]
public sealed record GetEmailAttachment(Guid Id) : IQuery<AttachmentFile>, IReadsPersonalData
{
    Guid? IReadsPersonalData.ClientId => null;
}

public sealed record AttachmentFile(Guid Id, Guid EmailId, Guid? EmailClientId, string FileName, string ContentType, byte[] Content) : IHasClientId
{
    Guid IHasClientId.ClientId => EmailClientId ?? Guid.Empty;
}

internal sealed class GetEmailAttachmentHandler(CaseDeskDb db) : IRequestHandler<GetEmailAttachment, AttachmentFile>
{
    public async Task<AttachmentFile> Handle(GetEmailAttachment request, CancellationToken ct) =>
        await db.Set<EmailAttachment>().AsNoTracking().Where(a => a.Id == request.Id && a.Content != null)
            .Join(db.EmailEnquiries, a => a.EmailEnquiryId, e => e.Id, (a, e) => new AttachmentFile(a.Id, e.Id, e.ClientId, a.FileName, a.ContentType, a.Content!))
            .SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException(nameof(EmailAttachment), request.Id);
}
