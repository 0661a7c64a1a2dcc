using CaseDesk.Domain.Clocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseDesk.Domain.Data.Configurations;

internal sealed class CommitmentTargetConfiguration : IEntityTypeConfiguration<CommitmentTarget>
{
    public void Configure(EntityTypeBuilder<CommitmentTarget> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Commitment).HasMaxLength(5);
        b.Property(t => t.Note).HasMaxLength(1000);
        b.HasIndex(t => new { t.Kind, t.EffectiveFromUtc }).HasDatabaseName("IX_CommitmentTargets_Kind_Effective");
    }
}

internal sealed class TargetReviewConfiguration : IEntityTypeConfiguration<TargetReview>
{
    public void Configure(EntityTypeBuilder<TargetReview> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Note).HasMaxLength(2000);
    }
}

internal sealed class OfficeDayConfiguration : IEntityTypeConfiguration<OfficeDay>
{
    public void Configure(EntityTypeBuilder<OfficeDay> b)
    {
        b.HasKey(d => d.Day);
        b.Property(d => d.Day).ValueGeneratedNever();
        b.Property(d => d.Version).IsConcurrencyToken();
    }
}

internal sealed class ClosureConfiguration : IEntityTypeConfiguration<Closure>
{
    public void Configure(EntityTypeBuilder<Closure> b)
    {
        b.HasKey(c => c.Date);
        b.Property(c => c.Reason).HasMaxLength(300);
    }
}

internal sealed class ResponseClockConfiguration : IEntityTypeConfiguration<ResponseClock>
{
    public void Configure(EntityTypeBuilder<ResponseClock> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.SubjectKind).HasMaxLength(40);
        b.Property(c => c.Commitment).HasMaxLength(5);
        b.Property(c => c.PauseReason).HasMaxLength(500);
        b.Ignore(c => c.IsOpen);
        b.HasIndex(c => new { c.SubjectId, c.Kind }).HasDatabaseName("IX_ResponseClocks_Subject");
        // My work: an owner's open clocks by due time.
        b.HasIndex(c => new { c.OwnerUserId, c.DueAtUtc }).HasFilter("\"State\" IN (1, 2)").HasDatabaseName("IX_ResponseClocks_OpenByOwner");
        // The breach sweep: running clocks past due that no head has been told of yet.
        b.HasIndex(c => c.DueAtUtc).HasFilter("\"State\" = 1 AND \"BreachNotifiedAtUtc\" IS NULL").HasDatabaseName("IX_ResponseClocks_BreachSweep");
        // Dashboards: finished clocks by kind and stop time.
        b.HasIndex(c => new { c.Kind, c.StoppedAtUtc }).HasDatabaseName("IX_ResponseClocks_Kind_Stopped");
        b.HasOne<CommitmentTarget>().WithMany().HasForeignKey(c => c.TargetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.HasKey(n => n.Id);
        b.Property(n => n.Id).ValueGeneratedNever();
        b.Property(n => n.Text).HasMaxLength(1000);
        b.Property(n => n.Link).HasMaxLength(300);
        b.HasIndex(n => new { n.UserId, n.CreatedAtUtc }).HasFilter("\"ReadAtUtc\" IS NULL").HasDatabaseName("IX_Notifications_UnreadByUser");
        b.HasIndex(n => new { n.ClockId, n.UserId }).IsUnique().HasFilter("\"ClockId\" IS NOT NULL").HasDatabaseName("UX_Notifications_Clock_User");
    }
}
