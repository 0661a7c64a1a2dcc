using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CaseDesk.Tests.Mail;

/// <summary>
/// A real SMTP server for a test (the SmtpServer package, in process, over TCP on a free loopback port): TLS from the first byte
/// with a self-signed certificate the client pins by <see cref="CertificateSha256"/>, optionally a required sign-in, and on
/// request a refusal (4xx or 5xx) of the next messages' DATA. Keeps every accepted message, raw and parsed.
/// Chosen over exim4 because it needs no root, no system service and no port 25, and answers exactly as told.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly SmtpServer.SmtpServer server;
    private readonly Task running;
    private readonly Store store;

    private SmtpSink(int port, X509Certificate2 certificate, (string User, string Password)? account)
    {
        Port = port;
        CertificateSha256 = Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
        store = new Store();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("sink.localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(true).Certificate(certificate)
                .AuthenticationRequired(account is not null))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        if (account is { } a)
            services.Add(new Accounts(a.User, a.Password, Logins));
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(stop.Token);
    }

    public int Port { get; }

    public string CertificateSha256 { get; }

    /// <summary>Every message accepted, in order.</summary>
    public IReadOnlyList<Received> Messages => store.Messages.ToList();

    /// <summary>The user names (with whether the password matched) of every sign-in attempt.</summary>
    public ConcurrentQueue<(string User, bool Accepted)> Logins { get; } = new();

    /// <summary>The next <paramref name="count"/> messages are refused at DATA with this reply (e.g. 451 or 550).</summary>
    public void RefuseNext(int count, int code, string text) => store.Refuse(count, code, text);

    public static async Task<SmtpSink> StartAsync((string User, string Password)? account = null)
    {
        var sink = new SmtpSink(FreePort(), SelfSignedCertificate(), account);
        // StartAsync binds in the background: wait until the port answers.
        for (var i = 0; ; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, sink.Port);
                return sink;
            }
            catch (SocketException) when (i < 100)
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        server.Shutdown();
        try
        {
            await running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
            // Stopping is what was asked.
        }
        stop.Dispose();
    }

    public sealed record Received(MimeMessage Message, string Raw, string MailFrom, IReadOnlyList<string> RcptTo);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=sink.localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Through PKCS#12 so the private key is usable by SslStream on Linux.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    private sealed class Store : MessageStore
    {
        private readonly Lock gate = new();
        private int refusals;
        private SmtpResponse? refusal;

        public ConcurrentQueue<Received> Messages { get; } = new();

        public void Refuse(int count, int code, string text)
        {
            lock (gate)
            {
                refusals = count;
                refusal = new SmtpResponse((SmtpReplyCode)code, text);
            }
        }

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            lock (gate)
            {
                if (refusals > 0)
                {
                    refusals--;
                    return Task.FromResult(refusal!);
                }
            }
            var bytes = buffer.ToArray();
            using var stream = new MemoryStream(bytes);
            var message = MimeMessage.Load(stream, cancellationToken);
            Messages.Enqueue(new Received(message, System.Text.Encoding.UTF8.GetString(bytes), Address(transaction.From),
                transaction.To.Select(Address).ToList()));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private static string Address(SmtpServer.Mail.IMailbox mailbox) => $"{mailbox.User}@{mailbox.Host}";

    private sealed class Accounts(string user, string password, ConcurrentQueue<(string, bool)> logins) : IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string u, string p, CancellationToken cancellationToken)
        {
            var ok = u == user && p == password;
            logins.Enqueue((u, ok));
            return Task.FromResult(ok);
        }
    }
}
