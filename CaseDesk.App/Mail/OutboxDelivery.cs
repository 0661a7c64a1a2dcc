using MimeKit;

namespace CaseDesk.App.Mail;

/// <summary>How one attempt ended: accepted, or refused with the server's reason; permanent refusals (5xx) are not retried.</summary>
public sealed record DeliveryOutcome(bool Accepted, bool Permanent, string? Reason)
{
    public static DeliveryOutcome Sent { get; } = new(true, false, null);

    public static DeliveryOutcome Transient(string reason) => new(false, false, reason);

    public static DeliveryOutcome Refused(string reason) => new(false, true, reason);
}

/// <summary>Where the outbox's messages go for one run: the SMTP relay (one connection for the run) or the pick-up folder.</summary>
public abstract class MailDelivery : IAsyncDisposable
{
    public abstract Task<DeliveryOutcome> DeliverAsync(MimeMessage message, CancellationToken ct);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static MailDelivery For(MailSettings settings) =>
        settings.UsesPickupFolder ? new OutboxPickupFolder(settings.PickupFolder) : new SmtpDelivery(settings.Smtp);
}

/// <summary>
/// No mail server configured: each message becomes an .eml file named after its Message-Id (a resend overwrites it), written
/// whole under a temporary name and then renamed, so a program collecting the folder never reads half a message.
/// </summary>
public sealed class OutboxPickupFolder(string folder) : MailDelivery
{
    public string Folder => folder;

    public static string FileName(string messageId) =>
        string.Concat(messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_')) + ".eml";

    public override async Task<DeliveryOutcome> DeliverAsync(MimeMessage message, CancellationToken ct)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, FileName(message.MessageId ?? Guid.NewGuid().ToString("N")));
            var partial = path + ".partial";
            await message.WriteToAsync(partial, ct);
            File.Move(partial, path, overwrite: true);
            return DeliveryOutcome.Sent;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return DeliveryOutcome.Transient($"The pick-up folder could not be written: {e.Message}");
        }
    }
}
