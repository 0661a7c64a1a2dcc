using CaseDesk.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseDesk.Domain.Emails.Intake;

/// <summary>
/// Where a fetched e-mail came from and what the receiving server said about it: one row per registered message. The
/// unique <see cref="MessageId"/> is what keeps a message from being registered twice, by two nodes or after a restart.
/// </summary>
public sealed class IncomingEmail
{
    public const int MessageIdLength = 500;

    private IncomingEmail() { }

    public IncomingEmail(Guid emailId, string mailbox, long uidValidity, long uid, string messageId, DateTime arrivedAtUtc,
        DateTime? sentAtUtc, string? replyTo, string? verificationFailure, bool bodyCut)
    {
        EmailEnquiryId = emailId;
        Mailbox = mailbox;
        UidValidity = uidValidity;
        Uid = uid;
        MessageId = messageId;
        ArrivedAtUtc = arrivedAtUtc;
        SentAtUtc = sentAtUtc;
        ReplyToAddress = replyTo;
        VerificationFailure = verificationFailure;
        BodyCut = bodyCut;
    }

    public Guid EmailEnquiryId { get; private set; }
    public string Mailbox { get; private set; } = "";
    public long UidValidity { get; private set; }
    public long Uid { get; private set; }
    public string MessageId { get; private set; } = "";
    /// <summary>When the department's server received it (IMAP INTERNALDATE): the reply clock starts here.</summary>
    public DateTime ArrivedAtUtc { get; private set; }
    /// <summary>The sender's own Date header, which the sender can set to anything: shown, never used for the clock.</summary>
    public DateTime? SentAtUtc { get; private set; }
    /// <summary>A Reply-To that differs from From: recorded and warned about, never replied to.</summary>
    public string? ReplyToAddress { get; private set; }
    /// <summary>The receiving server's Authentication-Results that failed (e.g. "dmarc=fail"): the sender is not verified and not matched.</summary>
    public string? VerificationFailure { get; private set; }
    public bool BodyCut { get; private set; }
}

/// <summary>A file that came with an incoming e-mail. Kept in the database up to the size caps; over them, listed with the reason.</summary>
public sealed class EmailAttachment
{
    private EmailAttachment() { }

    public EmailAttachment(Guid id, Guid emailId, string fileName, string contentType, long sizeBytes, byte[]? content, AttachmentNotKept? notKept)
    {
        Id = id;
        EmailEnquiryId = emailId;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Content = content;
        NotKept = notKept;
    }

    public Guid Id { get; private set; }
    public Guid EmailEnquiryId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public byte[]? Content { get; private set; }
    public AttachmentNotKept? NotKept { get; private set; }
}

public enum AttachmentNotKept
{
    /// <summary>Bigger than the cap for one attachment.</summary>
    TooLarge = 1,
    /// <summary>The message's attachments together passed the cap for one message.</summary>
    MessageTooLarge = 2,
}

/// <summary>Why an incoming message was set aside instead of (or besides) being registered.</summary>
public enum SetAsideReason
{
    /// <summary>The MIME structure could not be read.</summary>
    Malformed = 1,
    /// <summary>Bigger than the mailbox's cap for one message: not downloaded, its headers kept.</summary>
    TooLarge = 2,
    /// <summary>No usable sender address, or the registration refused it.</summary>
    Refused = 3,
    /// <summary>Registered with its text cut to the longest an e-mail holds; the whole message is kept here.</summary>
    BodyCut = 4,
    /// <summary>
    /// Carries the Message-Id of an e-mail registered already, but another sender or subject: not the same message delivered
    /// again but one that reuses its id (a forged or broken Message-Id), so it is kept for a person instead of being skipped.
    /// </summary>
    SameIdOtherMessage = 5,
}

/// <summary>
/// An incoming message CaseDesk could not register as it came: kept with its raw bytes (up to a cap) and the reason, for
/// reception or a head to read; the mailbox's cursor moves on, so one bad message never blocks the ones after it.
/// </summary>
public sealed class SetAsideMail
{
    public const int MaxRawBytes = 2 * 1024 * 1024;

    private SetAsideMail() { }

    public SetAsideMail(Guid id, string mailbox, long uidValidity, long uid, string? messageId, string? from, string? subject,
        DateTime arrivedAtUtc, DateTime setAsideAtUtc, SetAsideReason reason, string? detail, byte[] raw, long rawSize, Guid? emailId)
    {
        Id = id;
        Mailbox = mailbox;
        UidValidity = uidValidity;
        Uid = uid;
        MessageId = messageId;
        From = from;
        Subject = subject;
        ArrivedAtUtc = arrivedAtUtc;
        SetAsideAtUtc = setAsideAtUtc;
        Reason = reason;
        Detail = detail;
        Raw = raw.Length > MaxRawBytes ? raw[..MaxRawBytes] : raw;
        RawSize = Math.Max(rawSize, raw.Length);
        EmailEnquiryId = emailId;
    }

    public Guid Id { get; private set; }
    public string Mailbox { get; private set; } = "";
    public long UidValidity { get; private set; }
    public long Uid { get; private set; }
    public string? MessageId { get; private set; }
    public string? From { get; private set; }
    public string? Subject { get; private set; }
    public DateTime ArrivedAtUtc { get; private set; }
    public DateTime SetAsideAtUtc { get; private set; }
    public SetAsideReason Reason { get; private set; }
    /// <summary>What the parser or the registration said, in English (technical detail beside the translated reason).</summary>
    public string? Detail { get; private set; }
    /// <summary>The message as it came, cut at <see cref="MaxRawBytes"/>.</summary>
    public byte[] Raw { get; private set; } = [];
    public long RawSize { get; private set; }
    /// <summary>The e-mail registered from it with its text cut, if one was.</summary>
    public Guid? EmailEnquiryId { get; private set; }
}

/// <summary>How far CaseDesk has read one configured mailbox, and how its last fetch went (shown on the e-mails page).</summary>
public sealed class MailboxCursor
{
    public const int ErrorLength = 1000;

    private MailboxCursor() { }

    public MailboxCursor(string mailbox) => Mailbox = mailbox;

    public string Mailbox { get; private set; } = "";
    /// <summary>The folder's UIDVALIDITY when <see cref="LastUid"/> was read; a different one means the UIDs were renumbered.</summary>
    public long UidValidity { get; private set; }
    public long LastUid { get; private set; }
    public DateTime? LastCheckedAtUtc { get; private set; }
    public DateTime? LastSuccessAtUtc { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>True when the messages up to <paramref name="uid"/> of this UIDVALIDITY were already taken in.</summary>
    public bool HasTaken(long uidValidity, long uid) => uidValidity == UidValidity && uid <= LastUid;

    public void Advance(long uidValidity, long lastUid)
    {
        if (uidValidity != UidValidity)
        {
            UidValidity = uidValidity;
            LastUid = 0;
        }
        LastUid = Math.Max(LastUid, lastUid);
    }

    public void Checked(DateTime atUtc, string? error)
    {
        LastCheckedAtUtc = atUtc;
        if (error is null)
            LastSuccessAtUtc = atUtc;
        LastError = error is null ? null : error.Length > ErrorLength ? error[..ErrorLength] : error;
    }
}

internal sealed class IncomingEmailConfiguration : IEntityTypeConfiguration<IncomingEmail>
{
    public void Configure(EntityTypeBuilder<IncomingEmail> b)
    {
        b.ToTable("IncomingEmails");
        b.HasKey(e => e.EmailEnquiryId);
        b.Property(e => e.Mailbox).HasMaxLength(100);
        b.Property(e => e.MessageId).HasMaxLength(IncomingEmail.MessageIdLength);
        b.Property(e => e.ReplyToAddress).HasMaxLength(256);
        b.Property(e => e.VerificationFailure).HasMaxLength(200);
        b.HasIndex(e => e.MessageId).IsUnique().HasDatabaseName("UX_IncomingEmails_MessageId");
        b.HasOne<EmailEnquiry>().WithOne().HasForeignKey<IncomingEmail>(e => e.EmailEnquiryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EmailAttachmentConfiguration : IEntityTypeConfiguration<EmailAttachment>
{
    public void Configure(EntityTypeBuilder<EmailAttachment> b)
    {
        b.ToTable("EmailAttachments");
        b.HasKey(a => a.Id);
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.HasIndex(a => a.EmailEnquiryId).HasDatabaseName("IX_EmailAttachments_Email");
        b.HasOne<EmailEnquiry>().WithMany().HasForeignKey(a => a.EmailEnquiryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SetAsideMailConfiguration : IEntityTypeConfiguration<SetAsideMail>
{
    public void Configure(EntityTypeBuilder<SetAsideMail> b)
    {
        b.ToTable("SetAsideMail");
        b.HasKey(m => m.Id);
        b.Property(m => m.Mailbox).HasMaxLength(100);
        b.Property(m => m.MessageId).HasMaxLength(IncomingEmail.MessageIdLength);
        b.Property(m => m.From).HasMaxLength(300);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.Detail).HasMaxLength(1000);
        b.HasIndex(m => new { m.Mailbox, m.UidValidity, m.Uid, m.Reason }).IsUnique().HasDatabaseName("UX_SetAsideMail_Message");
        b.HasIndex(m => m.SetAsideAtUtc).HasDatabaseName("IX_SetAsideMail_When");
    }
}

internal sealed class MailboxCursorConfiguration : IEntityTypeConfiguration<MailboxCursor>
{
    public void Configure(EntityTypeBuilder<MailboxCursor> b)
    {
        b.ToTable("MailboxCursors");
        b.HasKey(c => c.Mailbox);
        b.Property(c => c.Mailbox).HasMaxLength(100);
        b.Property(c => c.LastError).HasMaxLength(MailboxCursor.ErrorLength);
    }
}
