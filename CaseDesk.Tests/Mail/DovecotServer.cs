using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CaseDesk.App.Mail;
using MailKit;
using MailKit.Net.Imap;
using MimeKit;

namespace CaseDesk.Tests.Mail;

/// <summary>
/// A throw-away Dovecot IMAP server (Debian's <c>dovecot-imapd</c>) for one test: its own dovecot.conf in a temp folder
/// (base_dir, state, log, a passwd-file user, maildir storage), listening on 127.0.0.1 on a free port with TLS required and
/// a self-signed certificate made here, which the app pins by its SHA-256 (the default set-up: TLS on). Run in the
/// foreground as a child process, so the test ends exactly the process it started; no systemd. Without dovecot the test
/// skips with the reason, unless CASEDESK_REQUIRE_MAIL=1, where that is a failure.
/// </summary>
public sealed class DovecotServer : IAsyncDisposable
{
    public const string RequireVariable = "CASEDESK_REQUIRE_MAIL";
    public const string DovecotPath = "/usr/sbin/dovecot";
    public const string User = "skyrius";

    private readonly string folder;
    private Process? process;

    private DovecotServer(string folder, int port, string password, string certificateSha256)
    {
        this.folder = folder;
        Port = port;
        Password = password;
        CertificateSha256 = certificateSha256;
    }

    public int Port { get; }
    public string Password { get; }
    public string CertificateSha256 { get; }
    public string LogPath => Path.Combine(folder, "dovecot.log");
    public string MaildirNew => Path.Combine(folder, "home", User, "Maildir", "new");

    public static string? MissingReason() =>
        File.Exists(DovecotPath) ? null : $"dovecot not found at {DovecotPath}; install Debian's dovecot-imapd package (apt-get install dovecot-imapd).";

    public static void Check()
    {
        if (MissingReason() is not { } reason)
            return;
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            throw new InvalidOperationException($"{reason} {RequireVariable}=1, so this is a failure, not a skip.");
        Skip.If(true, reason);
    }

    /// <summary>The mailbox settings the app would be given for this server (TLS from the first byte, certificate pinned).</summary>
    public MailboxSettings Mailbox(string name = "skyrius", int batchSize = 25) => new()
    {
        Name = name,
        BatchSize = batchSize,
        Server = new MailServerSettings
        {
            Host = "127.0.0.1", Port = Port, Security = MailSecurity.SslOnConnect, User = User, Password = Password, CertificateSha256 = CertificateSha256,
        },
    };

    public static async Task<DovecotServer> StartAsync()
    {
        Check();
        var folder = Directory.CreateTempSubdirectory("casedesk-dovecot-").FullName;
        // Dovecot's mail processes run as an unprivileged user (it refuses root), so they must be able to walk into the folder.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var password = "Pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var sha = WriteCertificate(folder);
        var server = new DovecotServer(folder, FreePort(), password, sha);
        server.WriteConfiguration();
        await server.RunAsync();
        return server;
    }

    private static string WriteCertificate(string folder)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(folder, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "key.pem"), key.ExportECPrivateKeyPem());
        return Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
    }

    private void WriteConfiguration()
    {
        var root = Environment.UserName == "root";
        // As root: the mail processes as "dovecot", the login processes as "dovenull" (dovecot refuses root for both).
        var mailUser = root ? "dovecot" : Environment.UserName;
        var loginUser = root ? "dovenull" : Environment.UserName;
        var home = Path.Combine(folder, "home", User);
        Directory.CreateDirectory(Path.Combine(home, "Maildir", "new"));
        Directory.CreateDirectory(Path.Combine(home, "Maildir", "cur"));
        Directory.CreateDirectory(Path.Combine(home, "Maildir", "tmp"));
        foreach (var sub in new[] { "run", "state" })
            Directory.CreateDirectory(Path.Combine(folder, sub));
        if (root)
            Chown(Path.Combine(folder, "home"), mailUser);
        File.WriteAllText(Path.Combine(folder, "passwd"), $"{User}:{{PLAIN}}{Password}::::::\n");
        File.WriteAllText(Path.Combine(folder, "dovecot.conf"), $$"""
            base_dir = {{folder}}/run
            state_dir = {{folder}}/state
            log_path = {{folder}}/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = required
            ssl_cert = <{{folder}}/cert.pem
            ssl_key = <{{folder}}/key.pem
            auth_mechanisms = plain
            auth_failure_delay = 0
            first_valid_uid = 0
            default_internal_user = {{mailUser}}
            default_internal_group = {{mailUser}}
            default_login_user = {{loginUser}}
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{folder}}/passwd
            }
            userdb {
              driver = static
              args = uid={{mailUser}} gid={{mailUser}} home={{folder}}/home/%u
            }
            mail_location = maildir:{{folder}}/home/%u/Maildir
            service imap-login {
              inet_listener imap {
                port = 0
              }
              inet_listener imaps {
                port = {{Port}}
                ssl = yes
              }
            }
            """);
    }

    private static void Chown(string path, string user)
    {
        using var chown = Process.Start(new ProcessStartInfo("chown", ["-R", $"{user}:{user}", path]) { UseShellExecute = false })!;
        chown.WaitForExit();
        if (chown.ExitCode != 0)
            throw new InvalidOperationException($"chown {user} {path} failed.");
    }

    private async Task RunAsync()
    {
        var info = new ProcessStartInfo(DovecotPath, ["-F", "-c", Path.Combine(folder, "dovecot.conf")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {DovecotPath}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = await ConnectAsync();
                return;
            }
            catch (Exception e) when (e is SocketException or IOException or ImapProtocolException)
            {
                if (process.HasExited || DateTime.UtcNow > until)
                    throw new InvalidOperationException($"dovecot did not answer on port {Port}: {Log()}", e);
                await Task.Delay(100);
            }
        }
    }

    public string Log() => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "(no log)";

    /// <summary>A signed-in IMAP client, the way a sender's mail server or the department's mail client would put mail in.</summary>
    public async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient { ServerCertificateValidationCallback = (_, c, _, e) => Mailbox().Server.AcceptCertificate(c, e) };
        try
        {
            await client.ConnectAsync("127.0.0.1", Port, MailKit.Security.SecureSocketOptions.SslOnConnect);
            await client.AuthenticateAsync(User, Password);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Puts messages into INBOX by IMAP APPEND, with the arrival time (INTERNALDATE) given or now.</summary>
    public async Task AppendAsync(IEnumerable<MimeMessage> messages, DateTimeOffset? arrived = null)
    {
        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
        foreach (var chunk in messages.Chunk(200))
            await client.Inbox.AppendAsync(chunk.Select(m => (IAppendRequest)new AppendRequest(m, MessageFlags.None, arrived ?? DateTimeOffset.UtcNow)).ToList());
        await client.DisconnectAsync(true);
    }

    public Task AppendAsync(MimeMessage message, DateTimeOffset? arrived = null) => AppendAsync([message], arrived);

    /// <summary>Drops raw bytes into the maildir as a delivery agent would (for mail MimeKit would not build: broken MIME).</summary>
    public void Deliver(byte[] raw)
    {
        var name = $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.P{Environment.ProcessId}Q{Guid.NewGuid():N}.casedesk-test";
        var temp = Path.Combine(folder, "home", User, "Maildir", "tmp", name);
        File.WriteAllBytes(temp, raw);
        File.Move(temp, Path.Combine(MaildirNew, name));
    }

    /// <summary>How many messages INBOX holds now (the fetch must leave them there).</summary>
    public async Task<int> CountAsync()
    {
        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var count = client.Inbox.Count;
        await client.DisconnectAsync(true);
        return count;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A dovecot child may still hold a file for a moment; the temp folder is cleaned by the system later.
        }
    }
}
