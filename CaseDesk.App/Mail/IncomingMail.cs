using System.Net.Sockets;
using CaseDesk.App.Hosting;
using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Emails.Intake;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.AspNetCore.Authorization;

namespace CaseDesk.App.Mail;

/// <summary>The configured mailboxes (none: incoming mail is off and staff register e-mails by hand).</summary>
public sealed class IncomingMail(IReadOnlyList<MailboxSettings> mailboxes)
{
    public IReadOnlyList<MailboxSettings> Mailboxes { get; } = mailboxes;

    public bool IsOn => Mailboxes.Count > 0;
}

public static class IncomingMailSetup
{
    /// <summary>Reads <c>Mail:Mailboxes</c> (wrong settings stop start-up with what to fix) and starts the fetch when any mailbox is set.</summary>
    public static void AddIncomingMail(this WebApplicationBuilder builder)
    {
        var mailboxes = MailboxSettings.From(builder.Configuration);
        builder.Services.AddSingleton(new IncomingMail(mailboxes));
        builder.Services.AddSingleton<ImapFetcher>();
        if (mailboxes.Count > 0)
            builder.Services.AddHostedService<IncomingMailService>();
    }

    public const string AttachmentRoles = $"{Roles.Reception},{Roles.Caseworker},{Roles.Head}";

    public static string AttachmentPath(Guid attachmentId) => $"emails/attachments/{attachmentId}";

    /// <summary>
    /// An attachment of a fetched e-mail, always as a download (Content-Disposition: attachment, a neutral content type), never
    /// shown in the browser; read through the domain as the signed-in user, so the role check applies and the read is audited.
    /// </summary>
    public static void MapIncomingMailEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/emails/attachments/{id:guid}", async (HttpContext http, ICaseDeskSender sender, Guid id, CancellationToken ct) =>
        {
            try
            {
                var file = await sender.Send(new GetEmailAttachment(id), UiSender.CallerFrom(http.User), ct);
                http.Response.Headers.CacheControl = "no-store";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(file.Content, "application/octet-stream", file.FileName);
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }
            catch (AccessDeniedException)
            {
                return Results.Forbid();
            }
        }).RequireAuthorization(new AuthorizeAttribute { Roles = AttachmentRoles });
    }

    /// <summary>What went wrong with a fetch, in words an administrator can act on; never the password.</summary>
    public static string Describe(Exception e, MailboxSettings box)
    {
        var where = $"{box.Server.Host}:{box.Server.Port}";
        var words = e switch
        {
            System.Security.Authentication.AuthenticationException or SslHandshakeException =>
                $"The TLS connection to {where} failed: the server's certificate was not accepted (check Mail:Mailboxes CertificateSha256 or the system's trust store).",
            MailKit.Security.AuthenticationException => $"{where} refused the user name or password of {box.Server.User}.",
            SocketException s => $"Cannot reach {where} ({s.SocketErrorCode}).",
            FolderNotFoundException => $"The folder \"{box.Folder}\" does not exist on {where}.",
            ImapCommandException c => $"{where} refused a command: {c.Response} {c.ResponseText}",
            ImapProtocolException or ServiceNotConnectedException or IOException => $"The connection to {where} broke off: {e.Message}",
            OperationCanceledException or TimeoutException => $"{where} did not answer in time.",
            _ => $"The fetch failed ({e.GetType().Name}): {e.Message}",
        };
        if (!string.IsNullOrEmpty(box.Server.Password))
            words = words.Replace(box.Server.Password, "***", StringComparison.Ordinal);
        return words.Length > MailboxCursor.ErrorLength ? words[..MailboxCursor.ErrorLength] : words;
    }
}

/// <summary>
/// Fetches every configured mailbox on its own period, once across the app nodes (<see cref="ClusterWork"/>, a lease per
/// mailbox: a node that dies mid-fetch loses the lease and another takes over from the stored cursor). The outcome of
/// each look, good or bad, is recorded for the e-mails page.
/// </summary>
public sealed class IncomingMailService(IncomingMail incoming, ImapFetcher fetcher, ClusterWork cluster, ICaseDeskSender sender,
    TimeProvider clock, ILogger<IncomingMailService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(incoming.Mailboxes.Select(box => WatchAsync(box, stoppingToken)));

    private async Task WatchAsync(MailboxSettings box, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(box.FetchEvery, clock);
        do
        {
            try
            {
                await RunIfDueAsync(box, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Mailbox {Mailbox}: the fetch could not be run; it runs again in {Interval}", box.Name, box.FetchEvery);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One fetch of <paramref name="box"/> if its period's run is due and no other node has it; true when it ran.</summary>
    public Task<bool> RunIfDueAsync(MailboxSettings box, CancellationToken ct) =>
        cluster.RunIfDueAsync(box.LeaseName, box.FetchEvery, async leaseCt =>
        {
            string? error = null;
            try
            {
                await fetcher.FetchAsync(box, leaseCt);
            }
            catch (Exception e) when (e is not OperationCanceledException || !leaseCt.IsCancellationRequested)
            {
                error = IncomingMailSetup.Describe(e, box);
                logger.LogWarning("Mailbox {Mailbox}: {Error}", box.Name, error);
            }
            await sender.Send(new RecordMailboxCheck(box.Name, error), Caller.System, CancellationToken.None);
        }, ct);
}
