using MimeKit;

namespace CaseDesk.App.Mail;

/// <summary>
/// The "Mail" section's outgoing side (docs/mail.md): who replies come from, and either the SMTP relay (Mail:Smtp) or,
/// with no Mail:Smtp:Host, a pick-up folder the messages are written to as .eml files. Read and checked once at start-up.
/// </summary>
public sealed class MailSettings
{
    public const string Section = "Mail";
    /// <summary>The sender of .eml files written with no mail server configured (nothing is sent from it).</summary>
    public const string PickupFrom = "casedesk@localhost";

    public string From { get; set; } = "";
    public string FromName { get; set; } = "";
    public string PickupFolder { get; set; } = "";
    public MailServerSettings Smtp { get; set; } = new();

    /// <summary>No mail server: replies are written to <see cref="PickupFolder"/> and count as sent once written.</summary>
    public bool UsesPickupFolder => string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>Binds the section, fills the defaults (pick-up folder beside the data, the port of the chosen security).</summary>
    public static MailSettings Load(IConfiguration config, string dataFolder)
    {
        var settings = new MailSettings();
        config.GetSection(Section).Bind(settings);
        settings.From = settings.From.Trim();
        settings.FromName = settings.FromName.Trim();
        if (string.IsNullOrWhiteSpace(settings.PickupFolder))
            settings.PickupFolder = Path.Combine(dataFolder, "mail-pickup");
        if (settings.UsesPickupFolder && settings.From.Length == 0)
            settings.From = PickupFrom;
        if (!settings.UsesPickupFolder && settings.Smtp.Port == 0)
            settings.Smtp.Port = settings.Smtp.Security switch { MailSecurity.StartTls => 587, MailSecurity.None => 25, _ => 465 };
        return settings;
    }

    /// <summary>What is wrong, in words an administrator can act on; empty when usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (!MailboxAddress.TryParse(From, out var from) || from.Address != From || !From.Contains('@'))
            yield return $"{Section}:From '{From}' is not an e-mail address; set the department's address replies come from (e.g. socialine.parama@example.lt).";
        if (UsesPickupFolder)
        {
            string? problem = null;
            try
            {
                Directory.CreateDirectory(PickupFolder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                problem = $"{Section}:PickupFolder '{PickupFolder}' cannot be created ({e.Message}); set a folder CaseDesk may write to, or set {Section}:Smtp:Host.";
            }
            if (problem is not null)
                yield return problem;
        }
        else
        {
            foreach (var problem in Smtp.Problems($"{Section}:Smtp"))
                yield return problem;
        }
    }
}
