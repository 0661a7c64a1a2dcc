using CaseDesk.Domain.Common;
using CaseDesk.Domain.Emails.Intake;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;

namespace CaseDesk.App.Mail;

/// <summary>What one fetch of a mailbox did.</summary>
public sealed record FetchReport(int Seen, int Registered, int SetAside, int AlreadyTaken);

/// <summary>
/// Reads one mailbox over IMAP from where its cursor stands (UIDVALIDITY and the last UID taken, in the database) and hands
/// the new messages to <see cref="TakeInMail"/> in batches, as the system. The server is only read: nothing is moved or
/// deleted unless the mailbox's settings say so, and the connection is TLS with the certificate checked (or pinned).
/// </summary>
public sealed class ImapFetcher(ICaseDeskSender sender, TimeProvider clock, ILogger<ImapFetcher> logger)
{
    /// <summary>A batch is sent once it holds this many bytes of mail, even before <see cref="MailboxSettings.BatchSize"/> messages.</summary>
    private const long BatchBytes = 32 * 1024 * 1024;

    public async Task<FetchReport> FetchAsync(MailboxSettings box, CancellationToken ct)
    {
        using var client = new ImapClient { Timeout = 60_000 };
        client.ServerCertificateValidationCallback = (_, certificate, _, errors) => box.Server.AcceptCertificate(certificate, errors);
        await client.ConnectAsync(box.Server.Host, box.Server.Port, box.Server.SocketOptions, ct);
        await client.AuthenticateAsync(box.Server.User ?? "", box.Server.Password ?? "", ct);
        var folder = box.Folder.Equals("INBOX", StringComparison.OrdinalIgnoreCase) ? client.Inbox : await client.GetFolderAsync(box.Folder, ct);
        var writes = box.MarkSeen || box.DeleteAfterFetch;
        await folder.OpenAsync(writes ? FolderAccess.ReadWrite : FolderAccess.ReadOnly, ct);

        var status = (await sender.Send(new GetIncomingMailStatus(), Caller.System, ct)).FirstOrDefault(s => s.Mailbox == box.Name);
        long uidValidity = folder.UidValidity;
        var after = status is not null && status.UidValidity == uidValidity ? status.LastUid : 0;
        if (status is not null && status.UidValidity != 0 && status.UidValidity != uidValidity)
            logger.LogWarning("Mailbox {Mailbox}: UIDVALIDITY changed from {Old} to {New}; reading the folder again, skipping messages already registered by their Message-Id",
                box.Name, status.UidValidity, uidValidity);

        var uids = after >= uint.MaxValue - 1 ? [] : (await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId((uint)after + 1), UniqueId.MaxValue)), ct))
            .Where(u => u.Id > after).OrderBy(u => u.Id).ToList();
        int registered = 0, setAside = 0, already = 0;
        foreach (var chunk in uids.Chunk(box.BatchSize))
        {
            var summaries = (await folder.FetchAsync(chunk, MessageSummaryItems.UniqueId | MessageSummaryItems.InternalDate | MessageSummaryItems.Size, ct))
                .OrderBy(s => s.UniqueId.Id).ToList();
            var messages = new List<IncomingMessage>();
            var unreadable = new List<UnreadableMessage>();
            long bytes = 0;
            async Task SendAsync(long lastUid)
            {
                MailTaken taken;
                try
                {
                    taken = await sender.Send(new TakeInMail(box.Name, uidValidity, lastUid, messages.ToList(), unreadable.ToList()), Caller.System, ct);
                }
                catch (Exception refused) when (refused is RequestValidationException or Microsoft.EntityFrameworkCore.DbUpdateException)
                {
                    // Something in the batch slipped past the reader's cleaning: the refused messages are set aside, the rest registered.
                    logger.LogWarning("Mailbox {Mailbox}: a batch was refused ({Problem}); taking its messages one by one", box.Name, refused.Message);
                    taken = await OneByOneAsync(box, uidValidity, lastUid, messages, unreadable, ct);
                }
                registered += taken.Registered;
                setAside += taken.SetAside;
                already += taken.AlreadyTaken;
                messages.Clear();
                unreadable.Clear();
                bytes = 0;
            }
            foreach (var summary in summaries)
            {
                var arrived = (summary.InternalDate ?? clock.GetUtcNow()).UtcDateTime;
                if (summary.Size is { } size && size > box.MaxMessageBytes)
                {
                    var headers = await folder.GetHeadersAsync(summary.UniqueId, ct);
                    using var headerBytes = new MemoryStream();
                    headers.WriteTo(headerBytes);
                    unreadable.Add(new UnreadableMessage(summary.UniqueId.Id,
                        ImapMessageReader.MessageIdOf(headers[MimeKit.HeaderId.MessageId], box.Name, uidValidity, summary.UniqueId.Id),
                        ImapMessageReader.OneLine(headers[MimeKit.HeaderId.From]), ImapMessageReader.OneLine(headers[MimeKit.HeaderId.Subject]), arrived,
                        SetAsideReason.TooLarge, $"The message is {size} bytes; the cap for this mailbox (MaxMessageBytes) is {box.MaxMessageBytes}.",
                        headerBytes.ToArray(), size));
                }
                else
                {
                    byte[] raw;
                    await using (var stream = await folder.GetStreamAsync(summary.UniqueId, ct))
                    {
                        using var copy = new MemoryStream();
                        await stream.CopyToAsync(copy, ct);
                        raw = copy.ToArray();
                    }
                    bytes += raw.Length;
                    switch (ImapMessageReader.Read(box, uidValidity, summary.UniqueId.Id, arrived, raw))
                    {
                        case IncomingMessage message:
                            messages.Add(message);
                            break;
                        case UnreadableMessage bad:
                            unreadable.Add(bad);
                            break;
                    }
                }
                if (bytes >= BatchBytes)
                    await SendAsync(summary.UniqueId.Id);
            }
            if (messages.Count > 0 || unreadable.Count > 0)
                await SendAsync(summaries.Count > 0 ? summaries[^1].UniqueId.Id : chunk[^1].Id);
            if (box.MarkSeen)
                await folder.AddFlagsAsync(chunk, MessageFlags.Seen, silent: true, ct);
            if (box.DeleteAfterFetch)
                await folder.AddFlagsAsync(chunk, MessageFlags.Deleted, silent: true, ct);
        }
        if (box.DeleteAfterFetch && uids.Count > 0)
            await folder.ExpungeAsync(uids, ct);
        await client.DisconnectAsync(quit: true, ct);
        if (registered + setAside > 0)
            logger.LogInformation("Mailbox {Mailbox}: {Registered} e-mails registered, {SetAside} set aside, {Already} already taken", box.Name, registered, setAside, already);
        return new FetchReport(uids.Count, registered, setAside, already);
    }

    private async Task<MailTaken> OneByOneAsync(MailboxSettings box, long uidValidity, long lastUid, List<IncomingMessage> messages,
        List<UnreadableMessage> unreadable, CancellationToken ct)
    {
        int registered = 0, setAside = 0, already = 0;
        var refused = new List<UnreadableMessage>();
        foreach (var message in messages)
        {
            try
            {
                var one = await sender.Send(new TakeInMail(box.Name, uidValidity, 0, [message], []), Caller.System, ct);
                (registered, setAside, already) = (registered + one.Registered, setAside + one.SetAside, already + one.AlreadyTaken);
            }
            catch (Exception e) when (e is RequestValidationException or Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                refused.Add(new UnreadableMessage(message.Uid, message.MessageId, ImapMessageReader.OneLine(message.FromAddress),
                    ImapMessageReader.OneLine(message.Subject), message.ArrivedAtUtc, SetAsideReason.Refused,
                    ImapMessageReader.OneLine(e.Message), message.Raw, message.RawSize));
            }
        }
        var rest = await sender.Send(new TakeInMail(box.Name, uidValidity, lastUid, [], [.. unreadable, .. refused]), Caller.System, ct);
        return new MailTaken(registered, setAside + rest.SetAside, already + rest.AlreadyTaken);
    }
}
