using System.Text;
using CaseDesk.Domain.Mail;
using MimeKit;
using MimeKit.Text;

namespace CaseDesk.App.Mail;

/// <summary>
/// A queued message as MIME: UTF-8 throughout (Lithuanian letters in the subject as RFC 2047 words, the body quoted-printable),
/// From the department, the Date it was queued and the Message-Id fixed then, so every attempt is the same message;
/// In-Reply-To and References thread it under the client's message. A person wrote it, so no Auto-Submitted header.
/// </summary>
public static class MimeComposer
{
    public static MimeMessage Compose(OutboxMessageToSend queued, MailSettings settings)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(Encoding.UTF8, settings.FromName, settings.From));
        message.To.Add(new MailboxAddress(Encoding.UTF8, queued.ToName ?? "", queued.ToAddress));
        message.Headers.Replace(HeaderId.Subject, Encoding.UTF8, queued.Subject);
        message.Date = new DateTimeOffset(DateTime.SpecifyKind(queued.CreatedAtUtc, DateTimeKind.Utc));
        message.MessageId = queued.MessageId;
        if (!string.IsNullOrWhiteSpace(queued.InReplyTo))
            message.InReplyTo = queued.InReplyTo;
        foreach (var id in (queued.References ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            message.References.Add(id);
        var body = new TextPart(TextFormat.Plain) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        body.SetText(Encoding.UTF8, queued.TextBody.Replace("\r\n", "\n").Replace("\n", "\r\n"));
        message.Body = body;
        return message;
    }
}
