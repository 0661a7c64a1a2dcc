using CaseDesk.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseDesk.Domain.Data.Configurations;

internal sealed class RetentionPeriodConfiguration : IEntityTypeConfiguration<RetentionPeriod>
{
    public void Configure(EntityTypeBuilder<RetentionPeriod> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.SetByUserId).HasMaxLength(64);
        b.Property(r => r.Note).HasMaxLength(1000);
        b.HasIndex(r => new { r.Kind, r.SetAtUtc }).HasDatabaseName("IX_RetentionPeriods_Kind_SetAt");
    }
}

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.RanByUserId).HasMaxLength(64);
        b.Property(r => r.Summary).HasMaxLength(1000);
        b.HasIndex(r => r.RanAtUtc).HasDatabaseName("IX_RetentionRuns_RanAt");
    }
}

internal sealed class ErasureRequestConfiguration : IEntityTypeConfiguration<ErasureRequest>
{
    public void Configure(EntityTypeBuilder<ErasureRequest> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Reason).HasMaxLength(2000);
        b.Property(r => r.RequestedByUserId).HasMaxLength(64);
        b.Property(r => r.DecidedByUserId).HasMaxLength(64);
        b.Property(r => r.RefusalBecause).HasMaxLength(2000);
        b.Property(r => r.ExecutionSummary).HasMaxLength(1000);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.Status, r.RequestedAtUtc }).HasDatabaseName("IX_ErasureRequests_Status_RequestedAt");
        b.HasIndex(r => r.ClientId).HasDatabaseName("IX_ErasureRequests_Client");
    }
}
