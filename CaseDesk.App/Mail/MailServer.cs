using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MailKit.Security;

namespace CaseDesk.App.Mail;

/// <summary>How CaseDesk talks to a mail server: TLS is on unless a setting turns it off by name.</summary>
public enum MailSecurity
{
    /// <summary>TLS from the first byte (IMAPS 993, SMTPS 465). The default.</summary>
    SslOnConnect,
    /// <summary>Plain connection upgraded with STARTTLS, refused when the server does not offer it (IMAP 143, submission 587).</summary>
    StartTls,
    /// <summary>No encryption. Only for a server on the same machine; start-up refuses it for any other host.</summary>
    None,
}

/// <summary>
/// One mail server's address and account (an IMAP mailbox or the SMTP relay). The password is read from
/// configuration (environment or a secret store) and never logged or written to the audit trail.
/// </summary>
public sealed class MailServerSettings
{
    public string Host { get; set; } = "";
    public int Port { get; set; }
    public MailSecurity Security { get; set; } = MailSecurity.SslOnConnect;
    public string? User { get; set; }
    public string? Password { get; set; }
    /// <summary>
    /// SHA-256 fingerprint (hex) of the server's certificate, for a department server with a certificate
    /// no public authority signed. When set, only that certificate is accepted; otherwise the system's trust store decides.
    /// </summary>
    public string? CertificateSha256 { get; set; }

    public SecureSocketOptions SocketOptions => Security switch
    {
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.SslOnConnect,
    };

    /// <summary>The certificate check for MailKit's ServerCertificateValidationCallback.</summary>
    public bool AcceptCertificate(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (string.IsNullOrWhiteSpace(CertificateSha256))
            return errors == SslPolicyErrors.None;
        if (certificate is null)
            return false;
        var actual = Convert.ToHexString(certificate.GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256));
        return string.Equals(actual, CertificateSha256.Replace(":", "").Replace(" ", ""), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>What is wrong with these settings, in words an administrator can act on; empty when usable.</summary>
    public IEnumerable<string> Problems(string section)
    {
        if (string.IsNullOrWhiteSpace(Host))
            yield return $"{section}:Host is empty; set the mail server's host name.";
        if (Port is <= 0 or > 65535)
            yield return $"{section}:Port must be a TCP port (1-65535).";
        if (Security == MailSecurity.None && !IsLocal(Host))
            yield return $"{section}:Security=None sends passwords and mail unencrypted; it is allowed only for a server on this machine. Use SslOnConnect or StartTls.";
        if (!string.IsNullOrEmpty(User) && string.IsNullOrEmpty(Password))
            yield return $"{section}:Password is missing for user {User}; set it in the environment (e.g. {section.Replace(":", "__")}__Password).";
    }

    private static bool IsLocal(string host) => host is "localhost" or "127.0.0.1" or "::1";
}
