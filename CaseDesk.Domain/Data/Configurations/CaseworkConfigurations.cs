using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Emails;
using CaseDesk.Domain.Letters;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Domain.Privacy;
using CaseDesk.Domain.Reference;
using CaseDesk.Domain.Users;
using CaseDesk.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseDesk.Domain.Data.Configurations;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.FirstName).HasMaxLength(100);
        b.Property(c => c.LastName).HasMaxLength(100);
        b.Property(c => c.NameKey).HasMaxLength(201);
        b.Property(c => c.FirstNameKey).HasMaxLength(201);
        b.Property(c => c.NameOrder).HasMaxLength(2401);
        b.Property(c => c.PersonalCodeHash).HasMaxLength(64);
        b.Property(c => c.PersonalCodeCipher).HasMaxLength(500);
        b.Property(c => c.Phone).HasMaxLength(40);
        b.Property(c => c.PhoneKey).HasMaxLength(20);
        b.Property(c => c.Email).HasMaxLength(256);
        b.Property(c => c.Address).HasMaxLength(300);
        b.Property(c => c.LanguageNote).HasMaxLength(200);
        b.Property(c => c.AccessibilityNeeds).HasMaxLength(1000);
        b.Property(c => c.SafetyNote).HasMaxLength(1000);
        b.Ignore(c => c.FullName);
        b.HasIndex(c => c.NameKey).HasDatabaseName("IX_Clients_NameKey");
        b.HasIndex(c => c.FirstNameKey).HasDatabaseName("IX_Clients_FirstNameKey");
        b.HasIndex(c => c.NameOrder).HasDatabaseName("IX_Clients_NameOrder");
        b.HasIndex(c => c.PhoneKey).HasDatabaseName("IX_Clients_PhoneKey");
        b.HasIndex(c => c.PersonalCodeHash).IsUnique().HasFilter("\"PersonalCodeHash\" IS NOT NULL").HasDatabaseName("UX_Clients_PersonalCodeHash");
        b.HasMany(c => c.Household).WithOne().HasForeignKey(h => h.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Groups).WithOne().HasForeignKey(g => g.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Household).HasField("household").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.Groups).HasField("groups").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class HouseholdMemberConfiguration : IEntityTypeConfiguration<HouseholdMember>
{
    public void Configure(EntityTypeBuilder<HouseholdMember> b)
    {
        b.HasKey(h => h.Id);
        // Client-made keys on children added to a loaded aggregate: without this EF takes them for existing rows.
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.Name).HasMaxLength(200);
        b.Property(h => h.Relation).HasMaxLength(100);
    }
}

internal sealed class ClientGroupMembershipConfiguration : IEntityTypeConfiguration<ClientGroupMembership>
{
    public void Configure(EntityTypeBuilder<ClientGroupMembership> b)
    {
        b.HasKey(g => new { g.ClientId, g.GroupCode });
        b.HasOne<ClientGroup>().WithMany().HasForeignKey(g => g.GroupCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Number).HasMaxLength(20);
        b.Property(c => c.ServiceRequested).HasMaxLength(500);
        b.Property(c => c.ServiceKey).HasMaxLength(500);
        b.Property(c => c.OutcomeNote).HasMaxLength(2000);
        b.HasIndex(c => c.Number).IsUnique().HasDatabaseName("UX_Cases_Number");
        b.HasIndex(c => c.ClientId).HasDatabaseName("IX_Cases_ClientId");
        // The caseworker's list: open cases of one assignee by due date.
        b.HasIndex(c => new { c.AssignedToUserId, c.DueAtUtc }).HasFilter("\"Status\" <> 4").HasDatabaseName("IX_Cases_OpenByAssignee");
        // Reception and heads: open cases of a unit (unassigned first) by due date.
        b.HasIndex(c => new { c.UnitId, c.Status, c.DueAtUtc }).HasDatabaseName("IX_Cases_Unit_Status_Due");
        b.HasOne<Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.AssignedToUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.History).WithOne().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.History).HasField("history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CaseStatusChangeConfiguration : IEntityTypeConfiguration<CaseStatusChange>
{
    public void Configure(EntityTypeBuilder<CaseStatusChange> b)
    {
        b.HasKey(h => h.Id);
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.Note).HasMaxLength(2000);
        b.HasIndex(h => new { h.CaseId, h.AtUtc }).HasDatabaseName("IX_CaseStatusChanges_Case_At");
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Summary).HasMaxLength(4000);
        b.Property(c => c.Discussed).HasMaxLength(4000);
        b.Property(c => c.Decided).HasMaxLength(4000);
        b.Property(c => c.Done).HasMaxLength(4000);
        b.Property(c => c.NextStep).HasMaxLength(2000);
        b.Property(c => c.NextMeetingPlace).HasMaxLength(300);
        b.Property(c => c.SourceKind).HasMaxLength(40);
        b.HasIndex(c => new { c.CaseId, c.OccurredAtUtc }).HasDatabaseName("IX_Contacts_Case_Occurred");
        b.HasIndex(c => new { c.ClientId, c.OccurredAtUtc }).HasDatabaseName("IX_Contacts_Client_Occurred");
        b.HasIndex(c => new { c.EmployeeUserId, c.OccurredAtUtc }).HasDatabaseName("IX_Contacts_Employee_Occurred");
        b.HasOne<Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Touchpoint>().WithMany().HasForeignKey(c => c.Touchpoint).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PromiseConfiguration : IEntityTypeConfiguration<Promise>
{
    public void Configure(EntityTypeBuilder<Promise> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.Text).HasMaxLength(1000);
        b.Property(p => p.DoneNote).HasMaxLength(1000);
        b.HasIndex(p => new { p.OwnerUserId, p.DueAtUtc }).HasFilter("\"DoneAtUtc\" IS NULL").HasDatabaseName("IX_Promises_OpenByOwner");
        b.HasIndex(p => p.CaseId).HasDatabaseName("IX_Promises_CaseId");
        b.HasOne<Client>().WithMany().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Contact>().WithMany().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PhoneMessageConfiguration : IEntityTypeConfiguration<PhoneMessage>
{
    public void Configure(EntityTypeBuilder<PhoneMessage> b)
    {
        b.HasKey(m => m.Id);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.Property(m => m.CallerName).HasMaxLength(200);
        b.Property(m => m.Organisation).HasMaxLength(200);
        b.Property(m => m.Position).HasMaxLength(150);
        b.Property(m => m.Phone).HasMaxLength(40);
        b.Property(m => m.Message).HasMaxLength(4000);
        b.Property(m => m.SearchKey).HasMaxLength(401);
        b.Property(m => m.CalledBackWho).HasMaxLength(200);
        b.Property(m => m.CallBackSummary).HasMaxLength(4000);
        b.HasIndex(m => new { m.AddresseeUserId, m.CalledAtUtc }).HasFilter("\"CalledBackAtUtc\" IS NULL").HasDatabaseName("IX_PhoneMessages_OpenByAddressee");
        b.HasIndex(m => m.ClientId).HasDatabaseName("IX_PhoneMessages_ClientId");
        b.HasOne<StaffUser>().WithMany().HasForeignKey(m => m.AddresseeUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Client>().WithMany().HasForeignKey(m => m.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EmailEnquiryConfiguration : IEntityTypeConfiguration<EmailEnquiry>
{
    public void Configure(EntityTypeBuilder<EmailEnquiry> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.Property(e => e.FromAddress).HasMaxLength(256);
        b.Property(e => e.FromName).HasMaxLength(200);
        b.Property(e => e.Subject).HasMaxLength(300);
        b.Property(e => e.Body).HasMaxLength(20000);
        b.Property(e => e.SearchKey).HasMaxLength(758);
        b.Property(e => e.ReplySubject).HasMaxLength(300);
        b.Property(e => e.ReplyBody).HasMaxLength(20000);
        b.Property(e => e.ReplySignature).HasMaxLength(1000);
        b.Property(e => e.Mailbox).HasMaxLength(100);
        b.Property(e => e.MessageId).HasMaxLength(998);
        b.Property(e => e.ThreadReferences).HasMaxLength(4000);
        b.HasIndex(e => new { e.Status, e.ReceivedAtUtc }).HasDatabaseName("IX_EmailEnquiries_Status_Received");
        b.HasIndex(e => new { e.AssignedToUserId, e.ReceivedAtUtc }).HasFilter("\"Status\" <> 3").HasDatabaseName("IX_EmailEnquiries_OpenByAssignee");
        b.HasIndex(e => e.ClientId).HasDatabaseName("IX_EmailEnquiries_ClientId");
        b.HasOne<Client>().WithMany().HasForeignKey(e => e.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LetterTemplateConfiguration : IEntityTypeConfiguration<LetterTemplate>
{
    public void Configure(EntityTypeBuilder<LetterTemplate> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.Code).HasMaxLength(40);
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.Subject).HasMaxLength(300);
        b.Property(t => t.Language).HasDefaultValue(ClientLanguage.Lithuanian).HasSentinel((ClientLanguage)0);
        b.HasIndex(t => new { t.Code, t.Language }).IsUnique().HasDatabaseName("UX_LetterTemplates_Code_Language");
    }
}

internal sealed class InformationLetterConfiguration : IEntityTypeConfiguration<InformationLetter>
{
    public void Configure(EntityTypeBuilder<InformationLetter> b)
    {
        b.HasKey(l => l.Id);
        b.Property(l => l.Version).IsConcurrencyToken();
        b.Property(l => l.Subject).HasMaxLength(300);
        b.Property(l => l.Body).HasMaxLength(20000);
        b.Property(l => l.Language).HasDefaultValue(ClientLanguage.Lithuanian).HasSentinel((ClientLanguage)0);
        b.HasIndex(l => new { l.CaseId, l.CreatedAtUtc }).HasDatabaseName("IX_InformationLetters_Case");
        b.HasIndex(l => new { l.CreatedByUserId, l.RequestedAtUtc }).HasFilter("\"SentAtUtc\" IS NULL").HasDatabaseName("IX_InformationLetters_UnsentByAuthor");
        b.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Client>().WithMany().HasForeignKey(l => l.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LetterTemplate>().WithMany().HasForeignKey(l => l.TemplateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HomeVisitConfiguration : IEntityTypeConfiguration<HomeVisit>
{
    public void Configure(EntityTypeBuilder<HomeVisit> b)
    {
        b.HasKey(v => v.Id);
        b.Property(v => v.Version).IsConcurrencyToken();
        b.Property(v => v.Purpose).HasMaxLength(1000);
        b.Property(v => v.CancelReason).HasMaxLength(1000);
        b.Ignore(v => v.ArrivalDelayMinutes);
        b.HasIndex(v => new { v.CaseworkerUserId, v.AgreedStartUtc }).HasDatabaseName("IX_HomeVisits_Caseworker_Start");
        b.HasIndex(v => v.CaseId).HasDatabaseName("IX_HomeVisits_CaseId");
        b.HasOne<Case>().WithMany().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Client>().WithMany().HasForeignKey(v => v.ClientId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(v => v.Reschedules).WithOne().HasForeignKey(r => r.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(v => v.Reschedules).HasField("reschedules").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class VisitRescheduleConfiguration : IEntityTypeConfiguration<VisitReschedule>
{
    public void Configure(EntityTypeBuilder<VisitReschedule> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Reason).HasMaxLength(1000);
        b.Property(r => r.ClientToldHow).HasMaxLength(200);
    }
}

internal sealed class AppSecretConfiguration : IEntityTypeConfiguration<AppSecret>
{
    public void Configure(EntityTypeBuilder<AppSecret> b)
    {
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(64);
    }
}
