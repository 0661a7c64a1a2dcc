using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseDesk.Domain.Data.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.Version).IsConcurrencyToken();
        b.Property(i => i.Commitments).HasMaxLength(100);
        b.Property(i => i.WhatHappened).HasMaxLength(8000);
        b.Property(i => i.HowHandled).HasMaxLength(8000);
        b.Property(i => i.Outcome).HasMaxLength(4000);
        b.HasIndex(i => i.RecordedAtUtc).HasDatabaseName("IX_Incidents_Recorded");
        b.HasIndex(i => i.ClientId).HasDatabaseName("IX_Incidents_ClientId");
        b.HasOne<Client>().WithMany().HasForeignKey(i => i.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Complaint>().WithMany().HasForeignKey(i => i.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Contact>().WithMany().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.People).WithOne().HasForeignKey(p => p.IncidentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Redactions).WithOne().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(i => i.People).HasField("people").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(i => i.Redactions).HasField("redactions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class IncidentPersonConfiguration : IEntityTypeConfiguration<IncidentPerson>
{
    public void Configure(EntityTypeBuilder<IncidentPerson> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Pseudonym).HasMaxLength(60);
        b.HasIndex(p => p.IncidentId).HasDatabaseName("IX_IncidentPeople_Incident");
    }
}

internal sealed class IncidentRedactionConfiguration : IEntityTypeConfiguration<IncidentRedaction>
{
    public void Configure(EntityTypeBuilder<IncidentRedaction> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Original).HasMaxLength(400);
        b.Property(r => r.Replacement).HasMaxLength(100);
        b.HasIndex(r => r.IncidentId).HasDatabaseName("IX_IncidentRedactions_Incident");
    }
}

internal sealed class TrainingCopyConfiguration : IEntityTypeConfiguration<TrainingCopy>
{
    public void Configure(EntityTypeBuilder<TrainingCopy> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Commitments).HasMaxLength(100);
        b.Property(c => c.Period).HasMaxLength(10);
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Situation).HasMaxLength(8000);
        b.Property(c => c.Handling).HasMaxLength(8000);
        b.Property(c => c.Outcome).HasMaxLength(4000);
        b.Ignore(c => c.IsReleased);
        b.HasIndex(c => c.IncidentId).IsUnique().HasDatabaseName("UX_TrainingCopies_Incident");
        // The trainer library: released copies, newest first.
        b.HasIndex(c => new { c.Status, c.ReleasedAtUtc }).HasDatabaseName("IX_TrainingCopies_Status_Released");
        b.HasOne<Incident>().WithMany().HasForeignKey(c => c.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionPackConfiguration : IEntityTypeConfiguration<SessionPack>
{
    public void Configure(EntityTypeBuilder<SessionPack> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Questions).HasMaxLength(4000);
        b.HasIndex(p => p.UpdatedAtUtc).HasDatabaseName("IX_SessionPacks_Updated");
        b.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PackId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Items).HasField("items").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SessionPackItemConfiguration : IEntityTypeConfiguration<SessionPackItem>
{
    public void Configure(EntityTypeBuilder<SessionPackItem> b)
    {
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.Questions).HasMaxLength(4000);
        b.HasIndex(i => new { i.PackId, i.Position }).HasDatabaseName("IX_SessionPackItems_Pack_Position");
        b.HasOne<TrainingCopy>().WithMany().HasForeignKey(i => i.CopyId).OnDelete(DeleteBehavior.Restrict);
    }
}
