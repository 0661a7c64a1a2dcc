namespace CaseDesk.App.Mail;

/// <summary>
/// One department mailbox CaseDesk reads over IMAP (<c>Mail:Mailboxes</c>, an array): its name (shown to staff, and the
/// key of its cursor), the folder, how often, and the server and account (<see cref="MailServerSettings"/>, in the same
/// object). No mailboxes configured means incoming mail is off: staff register e-mails by hand.
/// </summary>
public sealed class MailboxSettings
{
    public const string Section = "Mail:Mailboxes";

    public string Name { get; set; } = "";
    public string Folder { get; set; } = "INBOX";
    public int FetchEverySeconds { get; set; } = 60;
    /// <summary>Messages registered per transaction; a fetch killed midway repeats at most one batch, and that batch is skipped by its Message-Ids.</summary>
    public int BatchSize { get; set; } = 25;
    /// <summary>Mark fetched messages \Seen on the server (off: the mailbox is left exactly as it was).</summary>
    public bool MarkSeen { get; set; }
    /// <summary>Delete fetched messages on the server (off unless set here; the department's mail client then no longer shows them).</summary>
    public bool DeleteAfterFetch { get; set; }
    /// <summary>A bigger attachment is listed with the reason, not kept.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;
    /// <summary>The attachments of one message together: past this, the rest are listed, not kept.</summary>
    public long MaxAttachmentBytesPerMessage { get; set; } = 25 * 1024 * 1024;
    /// <summary>A bigger message is not downloaded: it is set aside with its headers.</summary>
    public long MaxMessageBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>The server and account, read from the same configuration object.</summary>
    public MailServerSettings Server { get; set; } = new();

    public TimeSpan FetchEvery => TimeSpan.FromSeconds(FetchEverySeconds);

    /// <summary>The cluster lease of this mailbox: one node reads it at a time.</summary>
    public string LeaseName => $"mail-in:{Name}";

    /// <summary>Every configured mailbox, or none; throws with what to fix when the settings are wrong, so start-up stops.</summary>
    public static IReadOnlyList<MailboxSettings> From(IConfiguration config)
    {
        var boxes = new List<MailboxSettings>();
        var problems = new List<string>();
        foreach (var (section, index) in config.GetSection(Section).GetChildren().Select((s, i) => (s, i)))
        {
            var box = section.Get<MailboxSettings>() ?? new MailboxSettings();
            box.Server = section.Get<MailServerSettings>() ?? new MailServerSettings();
            if (box.Server.Port == 0)
                box.Server.Port = box.Server.Security == MailSecurity.SslOnConnect ? 993 : 143;
            problems.AddRange(box.Problems($"{Section}:{section.Key}"));
            boxes.Add(box);
        }
        foreach (var duplicate in boxes.Where(b => b.Name.Trim().Length > 0).GroupBy(b => b.Name.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add($"{Section}: the name \"{duplicate.Key}\" is used by {duplicate.Count()} mailboxes; give each mailbox its own Name.");
        if (problems.Count > 0)
            throw new InvalidOperationException("Incoming mail is configured wrongly:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => " - " + p)));
        return boxes;
    }

    public IEnumerable<string> Problems(string section)
    {
        if (string.IsNullOrWhiteSpace(Name))
            yield return $"{section}:Name is empty; name the mailbox (e.g. \"skyrius\"), staff see it on the e-mails page.";
        else if (Name.Length > 80 || Name.Any(char.IsControl))
            yield return $"{section}:Name must be one line of at most 80 characters.";
        if (string.IsNullOrWhiteSpace(Folder))
            yield return $"{section}:Folder is empty; use INBOX or the folder's name on the server.";
        if (FetchEverySeconds is < 5 or > 86400)
            yield return $"{section}:FetchEverySeconds must be between 5 and 86400.";
        if (BatchSize is < 1 or > 500)
            yield return $"{section}:BatchSize must be between 1 and 500.";
        if (MaxAttachmentBytes < 0 || MaxAttachmentBytesPerMessage < 0 || MaxMessageBytes < 1024)
            yield return $"{section}: the size caps (MaxAttachmentBytes, MaxAttachmentBytesPerMessage, MaxMessageBytes) must be positive.";
        if (string.IsNullOrWhiteSpace(Server.User))
            yield return $"{section}:User is empty; set the mailbox account's user name (a dedicated account or an app password, docs/mail.md).";
        foreach (var problem in Server.Problems(section))
            yield return problem;
    }
}
