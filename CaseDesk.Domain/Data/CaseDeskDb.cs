using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Emails;
using CaseDesk.Domain.Incidents;
using CaseDesk.Domain.Letters;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Domain.Privacy;
using CaseDesk.Domain.Visits;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Reference;
using CaseDesk.Domain.Users;
using CaseDesk.Domain.Dashboard;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Data;

public sealed class CaseDeskDb(DbContextOptions<CaseDeskDb> options) : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Touchpoint> Touchpoints => Set<Touchpoint>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<ClientGroup> ClientGroups => Set<ClientGroup>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<HouseholdMember> HouseholdMembers => Set<HouseholdMember>();
    public DbSet<ClientGroupMembership> ClientGroupMemberships => Set<ClientGroupMembership>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseStatusChange> CaseStatusChanges => Set<CaseStatusChange>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Promise> Promises => Set<Promise>();
    public DbSet<PhoneMessage> PhoneMessages => Set<PhoneMessage>();
    public DbSet<EmailEnquiry> EmailEnquiries => Set<EmailEnquiry>();
    public DbSet<LetterTemplate> LetterTemplates => Set<LetterTemplate>();
    public DbSet<InformationLetter> InformationLetters => Set<InformationLetter>();
    public DbSet<HomeVisit> HomeVisits => Set<HomeVisit>();
    public DbSet<VisitReschedule> VisitReschedules => Set<VisitReschedule>();
    public DbSet<CommitmentTarget> CommitmentTargets => Set<CommitmentTarget>();
    public DbSet<TargetReview> TargetReviews => Set<TargetReview>();
    public DbSet<OfficeDay> OfficeDays => Set<OfficeDay>();
    public DbSet<Closure> Closures => Set<Closure>();
    public DbSet<ResponseClock> ResponseClocks => Set<ResponseClock>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<ComplaintStep> ComplaintSteps => Set<ComplaintStep>();
    public DbSet<ComplaintTag> ComplaintTags => Set<ComplaintTag>();
    public DbSet<CorrectiveAction> CorrectiveActions => Set<CorrectiveAction>();
    public DbSet<RootCause> RootCauses => Set<RootCause>();
    public DbSet<FeedbackDigest> FeedbackDigests => Set<FeedbackDigest>();
    public DbSet<StandardReview> StandardReviews => Set<StandardReview>();
    public DbSet<EmployeeCommendation> EmployeeCommendations => Set<EmployeeCommendation>();
    public DbSet<RetentionPeriod> RetentionPeriods => Set<RetentionPeriod>();
    public DbSet<RetentionRun> RetentionRuns => Set<RetentionRun>();
    public DbSet<ErasureRequest> ErasureRequests => Set<ErasureRequest>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<IncidentPerson> IncidentPeople => Set<IncidentPerson>();
    public DbSet<IncidentRedaction> IncidentRedactions => Set<IncidentRedaction>();
    public DbSet<TrainingCopy> TrainingCopies => Set<TrainingCopy>();
    public DbSet<SessionPack> SessionPacks => Set<SessionPack>();
    public DbSet<SessionPackItem> SessionPackItems => Set<SessionPackItem>();
    public DbSet<Public.PublicTimesSnapshot> PublicTimesSnapshots => Set<Public.PublicTimesSnapshot>();
    public DbSet<Public.PublicFeedbackTicket> PublicFeedbackTickets => Set<Public.PublicFeedbackTicket>();

    /// <summary>
    /// The collation that sorts names in Lithuanian (c &lt; č &lt; d, s &lt; š &lt; t, z &lt; ž): ICU <c>lt-LT</c> on PostgreSQL
    /// (the name columns' own collation), <see cref="LithuanianOrder"/> on SQLite (registered on every connection). A query
    /// that sorts by a name says so on both engines: <c>OrderBy(u => EF.Functions.Collate(u.LastName, LithuanianCollation))</c>.
    /// SQLite's columns keep byte order in the schema: a collation there would stop every tool that does not know it (the
    /// sqlite3 shell, <c>PRAGMA integrity_check</c>) from reading the file.
    /// </summary>
    public const string LithuanianCollation = "lithuanian";


    // Shared by every app node (docs/decisions/0011): the key ring of sign-in cookies, antiforgery tokens, circuits
    // and personal codes; the leases of periodic work; each node's count of published dashboard changes.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Lease> Leases => Set<Lease>();
    public DbSet<DashboardNodeMark> DashboardNodeMarks => Set<DashboardNodeMark>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CaseDeskDb).Assembly);
        if (Database.IsNpgsql())
            SortNamesInLithuanian(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands DateTime back as Unspecified, and Npgsql's timestamp with time zone takes only Kind=Utc: every stored instant is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
        // Text compares byte by byte as on SQLite, whatever the server's default collation: the search keys' range scans
        // (key ≤ x < key + U+FFFF), the case numbers' order and every equality behave the same on both engines.
        if (Database.IsNpgsql())
            configurationBuilder.Properties<string>().UseCollation("C");
    }

    /// <summary>The name columns that lists sort by; PostgreSQL only (SQLite compares bytes).</summary>
    private static void SortNamesInLithuanian(ModelBuilder builder)
    {
        builder.HasCollation(LithuanianCollation, locale: "lt-LT", provider: "icu", deterministic: true);
        builder.Entity<StaffUser>().Property(u => u.FirstName).UseCollation(LithuanianCollation);
        builder.Entity<StaffUser>().Property(u => u.LastName).UseCollation(LithuanianCollation);
        builder.Entity<Client>().Property(c => c.FirstName).UseCollation(LithuanianCollation);
        builder.Entity<Client>().Property(c => c.LastName).UseCollation(LithuanianCollation);
        builder.Entity<PhoneMessage>().Property(m => m.CallerName).UseCollation(LithuanianCollation);
        builder.Entity<OrgUnit>().Property(u => u.NameLt).UseCollation(LithuanianCollation);
        builder.Entity<IncidentPerson>().Property(p => p.Name).UseCollation(LithuanianCollation);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewVersions();
        BidiText.BalanceTracked(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewVersions();
        BidiText.BalanceTracked(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void RenewVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
                entry.Entity.Version = Guid.NewGuid();
        }
    }
}
