using System.Security.Cryptography;
using System.Text;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Emails.Intake;
using MimeKit;
using MimeKit.Text;

namespace CaseDesk.App.Mail;

/// <summary>
/// Turns one raw message into what CaseDesk registers: the sender, the subject, the body as plain text (HTML read as text,
/// nothing executed, no markup kept), the attachments within the caps, and the receiving server's verdict on the sender.
/// A message MimeKit cannot read becomes an <see cref="UnreadableMessage"/> to keep aside.
/// </summary>
public static class ImapMessageReader
{
    public const int MaxBodyChars = 20000;

    public static object Read(MailboxSettings box, long uidValidity, long uid, DateTime arrivedAtUtc, byte[] raw)
    {
        var kept = raw.Length > SetAsideMail.MaxRawBytes ? raw[..SetAsideMail.MaxRawBytes] : raw;
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            message = MimeMessage.Load(new ParserOptions { AllowUnquotedCommasInAddresses = true }, stream);
        }
        catch (Exception e) when (e is FormatException or ParseException or InvalidOperationException)
        {
            return new UnreadableMessage(uid, null, null, null, arrivedAtUtc, SetAsideReason.Malformed, OneLine(e.Message), kept, raw.Length);
        }

        var messageId = MessageIdOf(message.MessageId, box.Name, uidValidity, uid);
        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        try
        {
            var (body, cut) = BodyOf(message);
            return new IncomingMessage(uid, messageId, References(message), arrivedAtUtc,
                message.Date == DateTimeOffset.MinValue ? null : message.Date.UtcDateTime,
                OneLine(from?.Address ?? "") ?? "", OneLine(from?.Name), DifferentReplyTo(message, from), OneLine(message.Subject) ?? "",
                body, cut, VerificationFailure(message), Attachments(message, box), kept, raw.Length);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever MimeKit trips over in the parts of a message, the message is kept aside with the reason, never left to block the mailbox.
            return new UnreadableMessage(uid, messageId, OneLine(from?.Address), OneLine(message.Subject), arrivedAtUtc, SetAsideReason.Malformed,
                OneLine(e.Message), kept, raw.Length);
        }
    }

    /// <summary>The Message-Id without brackets; a message without one (or with an absurd one) gets a stable id of its place in the mailbox.</summary>
    public static string MessageIdOf(string? messageId, string mailbox, long uidValidity, long uid)
    {
        var id = OneLine(messageId?.Trim().Trim('<', '>'));
        if (!string.IsNullOrEmpty(id) && id.Length <= IncomingEmail.MessageIdLength)
            return id;
        if (!string.IsNullOrEmpty(id))
            return "sha256." + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id))).ToLowerInvariant() + "@casedesk.invalid";
        var place = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(mailbox))).ToLowerInvariant()[..16];
        return $"{place}.{uidValidity}.{uid}@casedesk.invalid";
    }

    private static string? References(MimeMessage message)
    {
        var ids = message.References.Select(r => OneLine(r)).Where(r => !string.IsNullOrEmpty(r)).ToList();
        var text = string.Join(' ', ids);
        // Keep the newest ids when the chain is long: they are the ones a reply threads under.
        while (text.Length > 4000 && ids.Count > 1)
        {
            ids.RemoveAt(0);
            text = string.Join(' ', ids);
        }
        return text.Length is 0 or > 4000 ? null : text;
    }

    /// <summary>Reply-To when it names another address than From: recorded and warned about; replies go to From only.</summary>
    private static string? DifferentReplyTo(MimeMessage message, MailboxAddress? from)
    {
        var replyTo = message.ReplyTo.Mailboxes.Select(m => m.Address).FirstOrDefault(a => !string.Equals(a, from?.Address, StringComparison.OrdinalIgnoreCase));
        return OneLine(replyTo);
    }

    /// <summary>"spf=fail", "dkim=fail" or "dmarc=fail" from any Authentication-Results header; null when none failed.</summary>
    public static string? VerificationFailure(MimeMessage message)
    {
        var failed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var header in message.Headers.Where(h => h.Id == HeaderId.AuthenticationResults))
        {
            foreach (var method in new[] { "spf", "dkim", "dmarc" })
            {
                if (System.Text.RegularExpressions.Regex.IsMatch(header.Value, $@"\b{method}\s*=\s*(fail|softfail|permerror)\b",
                        System.Text.RegularExpressions.RegexOptions.IgnoreCase))
                    failed.Add($"{method}=fail");
            }
        }
        return failed.Count == 0 ? null : string.Join(", ", failed);
    }

    private static (string Body, bool Cut) BodyOf(MimeMessage message)
    {
        var text = message.TextBody;
        if (string.IsNullOrWhiteSpace(text) && message.HtmlBody is { } html)
            text = HtmlAsText(html);
        text = Clean(text ?? "");
        if (text.Length <= MaxBodyChars)
            return (text, false);
        var note = "\n\n[CaseDesk: the e-mail was longer than 20,000 characters and was cut here; the whole message is kept with the set-aside mail.]";
        var end = MaxBodyChars - note.Length;
        if (char.IsHighSurrogate(text[end - 1]))
            end--;
        return (text[..end] + note, true);
    }

    /// <summary>The words of an HTML body, with line breaks for blocks. Scripts, styles and the head are dropped; nothing is fetched or run.</summary>
    public static string HtmlAsText(string html)
    {
        var output = new StringBuilder(html.Length / 2);
        var skipping = 0;
        var tokenizer = new HtmlTokenizer(new StringReader(html)) { DecodeCharacterReferences = true };
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when tag.Id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head or HtmlTagId.Title or HtmlTagId.NoScript
                    or HtmlTagId.Object or HtmlTagId.Embed or HtmlTagId.Applet or HtmlTagId.TextArea or HtmlTagId.Select or HtmlTagId.IFrame:
                    if (!tag.IsEmptyElement)
                        skipping = Math.Max(0, skipping + (tag.IsEndTag ? -1 : 1));
                    break;
                case HtmlTagToken tag when tag.Id is HtmlTagId.Br:
                    output.Append('\n');
                    break;
                case HtmlTagToken tag when tag.Id is HtmlTagId.P or HtmlTagId.Div or HtmlTagId.LI or HtmlTagId.TR or HtmlTagId.H1 or HtmlTagId.H2
                    or HtmlTagId.H3 or HtmlTagId.H4 or HtmlTagId.H5 or HtmlTagId.H6 or HtmlTagId.BlockQuote or HtmlTagId.Table or HtmlTagId.Pre:
                    output.Append('\n');
                    break;
                case HtmlScriptDataToken or HtmlCDataToken:
                    break;
                case HtmlDataToken data when skipping == 0:
                    output.Append(data.Data);
                    break;
            }
        }
        var lines = output.ToString().Replace("\r", "").Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"[ \t\u00A0]+", " ").Trim());
        return System.Text.RegularExpressions.Regex.Replace(string.Join('\n', lines), @"\n{3,}", "\n\n").Trim();
    }

    private static IReadOnlyList<IncomingAttachment> Attachments(MimeMessage message, MailboxSettings box)
    {
        var list = new List<IncomingAttachment>();
        long keptBytes = 0;
        foreach (var entity in message.Attachments)
        {
            var name = OneLine(entity is MimePart part ? part.FileName : (entity as MessagePart)?.Message?.Subject) ?? "";
            if (name.Length == 0)
                name = entity is MessagePart ? "message.eml" : "attachment";
            // The file name is only a label: no path, nothing a browser or a file system could read as one.
            name = string.Concat(name.Split(Path.GetInvalidFileNameChars().Concat(['/', '\\']).ToArray())).Trim();
            if (name.Length > 255)
                name = name[..255];
            using var bytes = new MemoryStream();
            if (entity is MimePart mime)
                mime.Content?.DecodeTo(bytes);
            else if (entity is MessagePart embedded)
                embedded.Message?.WriteTo(bytes);
            var size = bytes.Length;
            var type = OneLine(entity.ContentType.MimeType) ?? "application/octet-stream";
            AttachmentNotKept? notKept = size > box.MaxAttachmentBytes ? AttachmentNotKept.TooLarge
                : keptBytes + size > box.MaxAttachmentBytesPerMessage ? AttachmentNotKept.MessageTooLarge : null;
            if (notKept is null)
                keptBytes += size;
            list.Add(new IncomingAttachment(name.Length == 0 ? "attachment" : name, type.Length > 100 ? "application/octet-stream" : type, size,
                notKept is null ? bytes.ToArray() : null, notKept));
        }
        return list;
    }

    /// <summary>Free text as the domain keeps it: no control characters but tabs and line breaks, no lone surrogates.</summary>
    private static string Clean(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Append(c).Append(text[++i]);
                continue;
            }
            if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
                continue;
            result.Append(c);
        }
        return result.ToString().Replace("\r\n", "\n").Trim();
    }

    /// <summary>One line as the domain keeps it: no control or invisible format characters.</summary>
    public static string? OneLine(string? text)
    {
        if (text is null)
            return null;
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
                continue;
            }
            if (char.IsControl(c) || char.IsSurrogate(c) || BidiText.IsInvisibleFormat(c))
            {
                if (c is '\t' or '\n' or '\r')
                    clean.Append(' ');
                continue;
            }
            clean.Append(c);
        }
        return clean.ToString().Trim();
    }
}
