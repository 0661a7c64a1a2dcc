using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseDesk.Domain.Mail;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.HasKey(m => m.Id);
        b.Property(m => m.ToAddress).HasMaxLength(256);
        b.Property(m => m.ToName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.TextBody).HasMaxLength(50000);
        b.Property(m => m.MessageId).HasMaxLength(998);
        b.Property(m => m.InReplyTo).HasMaxLength(998);
        b.Property(m => m.References).HasMaxLength(5000);
        b.Property(m => m.SourceKind).HasMaxLength(40);
        b.Property(m => m.CreatedByUserId).HasMaxLength(450);
        b.Property(m => m.LastError).HasMaxLength(Outbox.ErrorLength);
        // The sender's question every few seconds: pending messages whose time has come.
        b.HasIndex(m => m.NextAttemptAtUtc).HasFilter("\"Status\" = 1").HasDatabaseName("IX_OutboxMessages_Due");
        b.HasIndex(m => new { m.SourceKind, m.SourceId }).HasDatabaseName("IX_OutboxMessages_Source");
        b.HasIndex(m => m.MessageId).IsUnique().HasDatabaseName("UX_OutboxMessages_MessageId");
    }
}
