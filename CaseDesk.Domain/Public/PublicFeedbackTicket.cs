using CaseDesk.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseDesk.Domain.Public;

/// <summary>
/// The tracking code of feedback given on the public website (docs/public.md). Only the code's SHA-256 is kept: the code itself is
/// shown to the visitor once (and mailed when they left an e-mail address), so the database alone cannot reveal a working code.
/// The code is random (at least 80 bits, from the system's cryptographic generator), not derived from the complaint's id, number or time.
/// </summary>
public sealed class PublicFeedbackTicket
{
    public Guid Id { get; set; }
    public Guid ComplaintId { get; set; }
    /// <summary>Lower-case hex SHA-256 of the normalized code (<see cref="TrackingCode.Normalize"/>).</summary>
    public string CodeHash { get; set; } = "";
    /// <summary>The form's one-time key: the same form posted twice (a reload, a double click) registers the feedback once.</summary>
    public string SubmissionKey { get; set; } = "";
    /// <summary>The language the visitor wrote in (lt, en, ru, pl): the status page and the code's e-mail use it.</summary>
    public string Language { get; set; } = "lt";
    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class PublicFeedbackTicketConfiguration : IEntityTypeConfiguration<PublicFeedbackTicket>
{
    public void Configure(EntityTypeBuilder<PublicFeedbackTicket> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.CodeHash).HasMaxLength(64).IsRequired();
        b.Property(t => t.SubmissionKey).HasMaxLength(64).IsRequired();
        b.Property(t => t.Language).HasMaxLength(2).IsRequired();
        b.HasIndex(t => t.CodeHash).IsUnique().HasDatabaseName("IX_PublicFeedbackTickets_CodeHash");
        b.HasIndex(t => t.SubmissionKey).IsUnique().HasDatabaseName("IX_PublicFeedbackTickets_SubmissionKey");
        b.HasIndex(t => t.ComplaintId).IsUnique().HasDatabaseName("IX_PublicFeedbackTickets_Complaint");
        // Erasure or retention that removes the feedback removes its code with it.
        b.HasOne<Complaint>().WithMany().HasForeignKey(t => t.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}
