using CaseDesk.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseDesk.Domain.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.UserId).HasMaxLength(64);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(120);
        b.Property(a => a.EntityType).HasMaxLength(80);
        b.Property(a => a.EntityId).HasMaxLength(64);
        b.HasIndex(a => a.AtUtc).HasDatabaseName("IX_AuditEntries_AtUtc");
        b.HasIndex(a => new { a.EntityType, a.EntityId }).HasDatabaseName("IX_AuditEntries_Entity");
        b.HasIndex(a => new { a.UserId, a.AtUtc }).HasDatabaseName("IX_AuditEntries_User");
        b.HasIndex(a => new { a.OutsideUnit, a.Id }).HasDatabaseName("IX_AuditEntries_OutsideUnit");
    }
}
