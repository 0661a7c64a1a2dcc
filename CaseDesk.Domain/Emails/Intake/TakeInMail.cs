using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Emails.Intake;

/// <summary>
/// Registers a batch of messages fetched from one mailbox (run by the fetcher as the system, so it is audited), and moves
/// the mailbox's cursor past them in the same transaction: a fetch killed midway leaves either all of a batch or none.
/// Each message becomes an e-mail enquiry once (its Message-Id is unique); one that cannot be registered is set aside
/// with the reason, never dropped. Messages at or below the cursor were taken already (by another node, or before a restart) and are skipped.
/// </summary>
[SystemOnly]
public sealed record TakeInMail(string Mailbox, long UidValidity, long LastUid,
    IReadOnlyList<IncomingMessage> Messages, IReadOnlyList<UnreadableMessage> Unreadable) : ICommand<MailTaken>;

/// <summary>A parsed message: text only (HTML already turned into text), attachments with their bytes when under the caps.</summary>
public sealed record IncomingMessage(
    long Uid, string MessageId, string? References, DateTime ArrivedAtUtc, DateTime? SentAtUtc,
    string FromAddress, string? FromName, string? ReplyTo, string Subject, string Body, bool BodyCut, string? VerificationFailure,
    IReadOnlyList<IncomingAttachment> Attachments, ReadOnlyMemory<byte> Raw, long RawSize);

public sealed record IncomingAttachment(string FileName, string ContentType, long SizeBytes, ReadOnlyMemory<byte>? Content, AttachmentNotKept? NotKept);

/// <summary>A message that could not be read (malformed, too large to download): what is known of it, to keep aside.</summary>
public sealed record UnreadableMessage(long Uid, string? MessageId, string? From, string? Subject, DateTime ArrivedAtUtc,
    SetAsideReason Reason, string? Detail, ReadOnlyMemory<byte> Raw, long RawSize);

public sealed record MailTaken(int Registered, int SetAside, int AlreadyTaken);

internal sealed class TakeInMailValidator : AbstractValidator<TakeInMail>
{
    public TakeInMailValidator()
    {
        RuleFor(r => r.Mailbox).NotEmpty().MaxLength(100).SingleLine();
        RuleForEach(r => r.Messages).SetValidator(new IncomingMessageValidator());
        RuleForEach(r => r.Unreadable).SetValidator(new UnreadableMessageValidator());
    }
}

internal sealed class IncomingMessageValidator : AbstractValidator<IncomingMessage>
{
    public IncomingMessageValidator()
    {
        RuleFor(m => m.MessageId).NotEmpty().MaxLength(IncomingEmail.MessageIdLength).SingleLine();
        RuleFor(m => m.References).MaxLength(4000).SingleLine();
        RuleFor(m => m.FromAddress).SingleLine();
        RuleFor(m => m.FromName).SingleLine();
        RuleFor(m => m.ReplyTo).SingleLine();
        RuleFor(m => m.Subject).SingleLine();
        RuleFor(m => m.Body).MaxLength(20000).FreeText();
        RuleFor(m => m.VerificationFailure).SingleLine();
        RuleForEach(m => m.Attachments).SetValidator(new IncomingAttachmentValidator());
    }
}

internal sealed class IncomingAttachmentValidator : AbstractValidator<IncomingAttachment>
{
    public IncomingAttachmentValidator()
    {
        RuleFor(a => a.FileName).SingleLine();
        RuleFor(a => a.ContentType).SingleLine();
    }
}

internal sealed class UnreadableMessageValidator : AbstractValidator<UnreadableMessage>
{
    public UnreadableMessageValidator()
    {
        RuleFor(m => m.MessageId).SingleLine();
        RuleFor(m => m.From).SingleLine();
        RuleFor(m => m.Subject).SingleLine();
        RuleFor(m => m.Detail).FreeText();
    }
}

internal sealed class TakeInMailHandler(CaseDeskDb db, ClockBook clocks, CallerContext callers, TimeProvider clock) : IRequestHandler<TakeInMail, MailTaken>
{
    public async Task<MailTaken> Handle(TakeInMail request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cursor = await db.Set<MailboxCursor>().SingleOrDefaultAsync(c => c.Mailbox == request.Mailbox, ct);
        if (cursor is null)
            db.Add(cursor = new MailboxCursor(request.Mailbox));
        bool Fresh(long uid) => !cursor.HasTaken(request.UidValidity, uid);

        var messages = request.Messages.Where(m => Fresh(m.Uid)).ToList();
        var ids = messages.Select(m => m.MessageId).Distinct().ToList();
        // What each known id was registered as: the same id from the same sender with the same subject is the same message
        // delivered again (another mailbox, a renumbered folder); anything else reusing the id is kept aside, never skipped.
        var known = (await db.Set<IncomingEmail>().Where(e => ids.Contains(e.MessageId))
                .Join(db.EmailEnquiries, i => i.EmailEnquiryId, e => e.Id, (i, e) => new { i.MessageId, e.FromAddress, e.Subject })
                .ToListAsync(ct))
            .ToDictionary(k => k.MessageId, k => (k.FromAddress, k.Subject));
        int registered = 0, setAside = 0, already = request.Messages.Count - messages.Count;
        foreach (var message in messages)
        {
            if (known.TryGetValue(message.MessageId, out var first))
            {
                if (SameMessage(first, message))
                {
                    already++;
                    continue;
                }
                db.Add(SetAside(request, message.Uid, message.MessageId, message.FromAddress, message.Subject, message.ArrivedAtUtc,
                    SetAsideReason.SameIdOtherMessage,
                    $"An e-mail with this Message-Id was registered already from {first.FromAddress}; this one differs, so it was not registered.",
                    message.Raw, message.RawSize, null, now));
                setAside++;
                continue;
            }
            known[message.MessageId] = (message.FromAddress.Trim(), (Cut(message.Subject, 300) ?? "").Trim());
            if (!System.Net.Mail.MailAddress.TryCreate(message.FromAddress, out _) || message.FromAddress.Length > 256)
            {
                db.Add(SetAside(request, message.Uid, message.MessageId, message.FromAddress, message.Subject, message.ArrivedAtUtc,
                    SetAsideReason.Refused, "The message has no usable sender address (From).", message.Raw, message.RawSize, null, now));
                setAside++;
                continue;
            }
            var emailId = await RegisterAsync(request.Mailbox, request.UidValidity, message, now, ct);
            registered++;
            if (message.BodyCut)
            {
                db.Add(SetAside(request, message.Uid, message.MessageId, message.FromAddress, message.Subject, message.ArrivedAtUtc,
                    SetAsideReason.BodyCut, "The text was longer than 20,000 characters; the e-mail was registered with the beginning of it.",
                    message.Raw, message.RawSize, emailId, now));
                setAside++;
            }
        }
        foreach (var unreadable in request.Unreadable.Where(u => Fresh(u.Uid)))
        {
            db.Add(SetAside(request, unreadable.Uid, unreadable.MessageId, unreadable.From, unreadable.Subject, unreadable.ArrivedAtUtc,
                unreadable.Reason, unreadable.Detail, unreadable.Raw, unreadable.RawSize, null, now));
            setAside++;
        }
        cursor.Advance(request.UidValidity, request.LastUid);
        cursor.Checked(now, null);
        await db.SaveChangesAsync(ct);
        return new MailTaken(registered, setAside, already);
    }

    private async Task<Guid> RegisterAsync(string mailbox, long uidValidity, IncomingMessage m, DateTime now, CancellationToken ct)
    {
        // Only a verified sender whose address exactly one client has is matched; anything else waits for a person.
        var clientId = m.VerificationFailure is null ? await OnlyClientWithAsync(m.FromAddress, ct) : null;
        var email = new EmailEnquiry(Guid.CreateVersion7(), m.ArrivedAtUtc, m.FromAddress, Cut(m.FromName, 200), Cut(m.Subject, 300) ?? "", m.Body,
            clientId, null, null, callers.Caller.UserId, now);
        email.SetOrigin(mailbox, m.MessageId, Cut(m.References, 4000));
        db.EmailEnquiries.Add(email);
        db.Add(new IncomingEmail(email.Id, mailbox, uidValidity, m.Uid, m.MessageId, m.ArrivedAtUtc, m.SentAtUtc,
            Cut(m.ReplyTo, 256), Cut(m.VerificationFailure, 200), m.BodyCut));
        foreach (var a in m.Attachments)
            db.Add(new EmailAttachment(Guid.CreateVersion7(), email.Id, Cut(a.FileName, 255) ?? "", Cut(a.ContentType, 100) ?? "", a.SizeBytes,
                a.NotKept is null ? a.Content?.ToArray() : null, a.NotKept));
        // The reply clock runs from when the department's server received the e-mail, not from the sender's Date header.
        await clocks.StartAsync(ClockKind.EmailReply, nameof(EmailEnquiry), email.Id, null, clientId, null, m.ArrivedAtUtc, ct);
        return email.Id;
    }

    private async Task<Guid?> OnlyClientWithAsync(string address, CancellationToken ct)
    {
        var folded = address.Trim().ToLowerInvariant();
        var found = await db.Clients.Where(c => c.Email != null && c.Email.ToLower() == folded).Select(c => c.Id).Take(2).ToListAsync(ct);
        return found.Count == 1 ? found[0] : null;
    }

    private static SetAsideMail SetAside(TakeInMail request, long uid, string? messageId, string? from, string? subject, DateTime arrived,
        SetAsideReason reason, string? detail, ReadOnlyMemory<byte> raw, long rawSize, Guid? emailId, DateTime now) =>
        new(Guid.CreateVersion7(), request.Mailbox, request.UidValidity, uid, Cut(messageId, IncomingEmail.MessageIdLength), Cut(from, 300),
            Cut(subject, 300), arrived, now, reason, Cut(detail, 1000), raw.ToArray(), rawSize, emailId);

    private static bool SameMessage((string FromAddress, string Subject) first, IncomingMessage message) =>
        string.Equals(first.FromAddress, message.FromAddress.Trim(), StringComparison.OrdinalIgnoreCase)
        && string.Equals(first.Subject, (Cut(message.Subject, 300) ?? "").Trim(), StringComparison.Ordinal);

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
