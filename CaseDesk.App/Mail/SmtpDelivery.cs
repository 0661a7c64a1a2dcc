using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace CaseDesk.App.Mail;

/// <summary>
/// Sends over SMTP with MailKit, TLS as <see cref="MailServerSettings"/> says (on by default, the pinned certificate when set).
/// One connection per run, opened at the first message and opened again after a connection error. The reasons it returns are
/// the server's replies or the connection's error, never a setting: the password is only handed to the server.
/// </summary>
public sealed class SmtpDelivery(MailServerSettings server) : MailDelivery
{
    private SmtpClient? client;

    public override async Task<DeliveryOutcome> DeliverAsync(MimeMessage message, CancellationToken ct)
    {
        try
        {
            var smtp = await ConnectedAsync(ct);
            await smtp.SendAsync(message, ct);
            return DeliveryOutcome.Sent;
        }
        catch (SmtpCommandException e)
        {
            // The server answered: 5xx is its final word on this message, 4xx asks to try later.
            var code = (int)e.StatusCode;
            var reason = $"{code} {e.Message}".Trim();
            return code >= 500 ? DeliveryOutcome.Refused(reason) : DeliveryOutcome.Transient(reason);
        }
        catch (AuthenticationException e)
        {
            await DropAsync();
            return DeliveryOutcome.Transient($"The mail server refused CaseDesk's sign-in (check Mail:Smtp:User and its password): {e.Message}");
        }
        catch (SslHandshakeException)
        {
            await DropAsync();
            return DeliveryOutcome.Transient("The mail server's TLS certificate was not accepted (check Mail:Smtp:CertificateSha256 or the server's certificate).");
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException
                                      or ServiceNotAuthenticatedException or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            await DropAsync();
            return DeliveryOutcome.Transient($"The mail server could not be reached: {e.Message}");
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
    {
        if (client is { IsConnected: true })
            return client;
        client?.Dispose();
        client = new SmtpClient { Timeout = 60_000, ServerCertificateValidationCallback = (_, certificate, _, errors) => server.AcceptCertificate(certificate, errors) };
        await client.ConnectAsync(server.Host, server.Port, server.SocketOptions, ct);
        if (!string.IsNullOrEmpty(server.User))
            await client.AuthenticateAsync(server.User, server.Password ?? "", ct);
        return client;
    }

    private async Task DropAsync()
    {
        if (client is null)
            return;
        try
        {
            if (client.IsConnected)
                await client.DisconnectAsync(quit: false);
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException)
        {
            // Already broken; the next message opens a new connection.
        }
        client.Dispose();
        client = null;
    }

    public override async ValueTask DisposeAsync()
    {
        if (client is { IsConnected: true })
        {
            try
            {
                await client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SmtpCommandException)
            {
                // The messages are already accepted or recorded; a failed QUIT changes nothing.
            }
        }
        client?.Dispose();
        client = null;
    }
}
