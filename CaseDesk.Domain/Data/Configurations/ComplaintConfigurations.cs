using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseDesk.Domain.Data.Configurations;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Number).HasMaxLength(20);
        b.Property(c => c.Text).HasMaxLength(8000);
        b.Property(c => c.ContactName).HasMaxLength(200);
        b.Property(c => c.ContactDetails).HasMaxLength(300);
        b.Property(c => c.Apology).HasMaxLength(4000);
        b.Property(c => c.Facts).HasMaxLength(8000);
        b.Property(c => c.ActionPlan).HasMaxLength(4000);
        b.Property(c => c.RootCauseCode).HasMaxLength(40);
        b.Property(c => c.RootCauseText).HasMaxLength(4000);
        b.Property(c => c.Outcome).HasMaxLength(4000);
        b.Property(c => c.ClientInformedHow).HasMaxLength(200);
        b.Ignore(c => c.IsAnonymous);
        b.HasIndex(c => c.Number).IsUnique().HasDatabaseName("UX_Complaints_Number");
        // The officer's desk and dashboards: open complaints by stage and age.
        b.HasIndex(c => new { c.Stage, c.RegisteredAtUtc }).HasDatabaseName("IX_Complaints_Stage_Registered");
        b.HasIndex(c => new { c.Kind, c.ReceivedAtUtc }).HasDatabaseName("IX_Complaints_Kind_Received");
        b.HasIndex(c => c.ClientId).HasDatabaseName("IX_Complaints_ClientId");
        b.HasOne<Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RootCause>().WithMany().HasForeignKey(c => c.RootCauseCode).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Steps).WithOne().HasForeignKey(s => s.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Actions).WithOne().HasForeignKey(a => a.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Tags).WithOne().HasForeignKey(t => t.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Steps).HasField("steps").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.Actions).HasField("actions").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.Tags).HasField("tags").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ComplaintStepConfiguration : IEntityTypeConfiguration<ComplaintStep>
{
    public void Configure(EntityTypeBuilder<ComplaintStep> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Note).HasMaxLength(8000);
        b.HasIndex(s => new { s.ComplaintId, s.AtUtc }).HasDatabaseName("IX_ComplaintSteps_Complaint_At");
    }
}

internal sealed class ComplaintTagConfiguration : IEntityTypeConfiguration<ComplaintTag>
{
    public void Configure(EntityTypeBuilder<ComplaintTag> b)
    {
        b.HasKey(t => new { t.ComplaintId, t.Kind, t.Value });
        b.Property(t => t.Value).HasMaxLength(40);
        b.HasIndex(t => new { t.Kind, t.Value }).HasDatabaseName("IX_ComplaintTags_Kind_Value");
    }
}

internal sealed class CorrectiveActionConfiguration : IEntityTypeConfiguration<CorrectiveAction>
{
    public void Configure(EntityTypeBuilder<CorrectiveAction> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Description).HasMaxLength(2000);
        b.Property(a => a.Evidence).HasMaxLength(4000);
        b.Property(a => a.WithdrawalReason).HasMaxLength(1000);
        // Actions due or overdue for verification (a withdrawn action never is).
        b.HasIndex(a => a.DeadlineUtc).HasFilter("(\"VerifiedAtUtc\" IS NULL OR \"Result\" = 2) AND \"WithdrawnAtUtc\" IS NULL").HasDatabaseName("IX_CorrectiveActions_ToVerify");
        b.HasIndex(a => new { a.OwnerUserId, a.DeadlineUtc }).HasDatabaseName("IX_CorrectiveActions_Owner");
        b.HasOne<StaffUser>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RootCauseConfiguration : IEntityTypeConfiguration<RootCause>
{
    public void Configure(EntityTypeBuilder<RootCause> b)
    {
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(40);
        b.Property(r => r.NameLt).HasMaxLength(200);
        b.Property(r => r.NameEn).HasMaxLength(200);
    }
}

internal sealed class FeedbackDigestConfiguration : IEntityTypeConfiguration<FeedbackDigest>
{
    public void Configure(EntityTypeBuilder<FeedbackDigest> b)
    {
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Body).HasMaxLength(100_000);
        b.Property(d => d.Recipients).HasMaxLength(4000);
        b.HasIndex(d => d.SentAtUtc).HasDatabaseName("IX_FeedbackDigests_Sent");
    }
}

internal sealed class StandardReviewConfiguration : IEntityTypeConfiguration<StandardReview>
{
    public void Configure(EntityTypeBuilder<StandardReview> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Findings).HasMaxLength(20_000);
        b.Property(r => r.Decisions).HasMaxLength(20_000);
        b.Property(r => r.ChangesToStandard).HasMaxLength(20_000);
        b.Property(r => r.StaffInformedHow).HasMaxLength(500);
    }
}

internal sealed class EmployeeCommendationConfiguration : IEntityTypeConfiguration<EmployeeCommendation>
{
    public void Configure(EntityTypeBuilder<EmployeeCommendation> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Reason).HasMaxLength(2000);
        b.HasIndex(e => new { e.EmployeeUserId, e.NotedAtUtc }).HasDatabaseName("IX_EmployeeCommendations_Employee");
        b.HasOne<StaffUser>().WithMany().HasForeignKey(e => e.EmployeeUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Complaint>().WithMany().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Restrict);
    }
}
