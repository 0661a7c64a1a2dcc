using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Privacy;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Privacy;

public sealed class RetentionTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private PrivacyStaff staff = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        staff = await ClientLife.StaffAsync(database);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task The_defaults_apply_until_an_administrator_sets_a_new_version()
    {
        var settings = await database.Send(new GetRetentionSettings(), staff.Admin);
        Assert.Equal(Enum.GetValues<RetentionKind>().Length, settings.InForce.Count);
        Assert.All(settings.InForce, r => Assert.Equal((true, RetentionDefaults.Months[r.Kind]), (r.IsDefault, r.Months)));

        var first = await database.Send(new SetRetentionPeriod(RetentionKind.PhoneMessages, 6, "DPO nurodymas", null), staff.Admin);
        var second = await database.Send(new SetRetentionPeriod(RetentionKind.PhoneMessages, 9, null, first), staff.Admin);

        settings = await database.Send(new GetRetentionSettings(), staff.Head);
        var phone = settings.InForce.Single(r => r.Kind == RetentionKind.PhoneMessages);
        Assert.Equal((9, false, (Guid?)second, "admin Tester"), (phone.Months, phone.IsDefault, phone.VersionId, phone.SetBy));
        Assert.Equal([9, 6], settings.History.Where(h => h.Kind == RetentionKind.PhoneMessages).Select(h => h.Months));
    }

    [Fact]
    public async Task A_second_administrator_editing_the_same_version_gets_a_conflict_and_others_are_denied()
    {
        await database.Send(new SetRetentionPeriod(RetentionKind.Emails, 24, null, null), staff.Admin);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            database.Send(new SetRetentionPeriod(RetentionKind.Emails, 48, null, null), staff.Admin));
        Assert.Equal("24", conflict.StoredValues[nameof(RetentionPeriod.Months)]);
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new SetRetentionPeriod(RetentionKind.Emails, 48, null, null), staff.Head));
        await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(new SetRetentionPeriod(RetentionKind.Emails, 0, null, null), staff.Admin));
    }

    [Fact]
    public async Task Expired_records_are_anonymized_in_place_while_statistics_and_younger_records_stay()
    {
        var alfa = await ClientLife.SeedAsync(database, staff, "Alfakodas", "Liudvikas", "Žvirgždauskas", "3850615123", "+370 611 22334");
        await ClientLife.CloseEverythingAsync(database, alfa, staff.Caseworker);
        var beta = await ClientLife.SeedAsync(database, staff, "Betakodas", "Teodoras", "Pakalniškis", "4920304456", "+370 699 88776");
        var before = await StatisticsFigures.ComputeAsync(database, staff.Officer, withDashboard: false);

        // Six years on: contacts (5 y), phone messages (1 y), e-mails (3 y), letters (5 y), visits (5 y), complaints (3 y) and the
        // audit log (5 y) have expired; the clients (10 y after the last case closed) have not.
        database.Clock.Advance(TimeSpan.FromDays(6 * 366));
        var total = await RunRetentionAsync();

        Assert.True(total > 0);
        await using (var db = database.OpenDb())
        {
            Assert.All(await db.Contacts.AsNoTracking().ToListAsync(), c => Assert.Equal(Anonymization.Redacted, c.Summary));
            Assert.All(await db.Promises.AsNoTracking().ToListAsync(), p => Assert.Equal(Anonymization.Redacted, p.Text));
            Assert.All(await db.PhoneMessages.AsNoTracking().ToListAsync(), m => Assert.Equal((Anonymization.Name, ""), (m.CallerName, m.Phone)));
            Assert.All(await db.EmailEnquiries.AsNoTracking().ToListAsync(), e => Assert.Equal((Anonymization.Redacted, ""), (e.Body, e.FromAddress)));
            Assert.All(await db.InformationLetters.AsNoTracking().ToListAsync(), l => Assert.Equal(Anonymization.Redacted, l.Body));
            Assert.All(await db.HomeVisits.AsNoTracking().ToListAsync(), v => Assert.Equal(Anonymization.Redacted, v.Purpose));
            Assert.All(await db.Complaints.AsNoTracking().ToListAsync(), c => Assert.Equal(Anonymization.Redacted, c.Text));
            Assert.Empty(await db.AuditEntries.AsNoTracking().Where(a => a.AtUtc < database.Clock.UtcDateTime.AddYears(-5) && a.Reason != null).ToListAsync());
            Assert.Contains(await db.AuditEntries.AsNoTracking().Where(a => a.Action == nameof(Domain.Clients.RevealPersonalCode)).ToListAsync(), a => a.UserName == "asta");
            Assert.Equal([alfa.FirstName, beta.FirstName], (await db.Clients.AsNoTracking().OrderBy(c => c.FirstName).Select(c => c.FirstName).ToListAsync()).Order());
        }
        Assert.Equal(before, await StatisticsFigures.ComputeAsync(database, staff.Officer, withDashboard: false));

        // Eleven years on, the client whose cases are all closed goes too; the one with open cases stays.
        database.Clock.Advance(TimeSpan.FromDays(5 * 366));
        await RunRetentionAsync();

        await using (var db = database.OpenDb())
        {
            Assert.Equal(Anonymization.Name, await db.Clients.Where(c => c.Id == alfa.ClientId).Select(c => c.LastName).SingleAsync());
            Assert.Equal(beta.LastName, await db.Clients.Where(c => c.Id == beta.ClientId).Select(c => c.LastName).SingleAsync());
            var runs = await db.RetentionRuns.AsNoTracking().OrderBy(r => r.RanAtUtc).ToListAsync();
            Assert.Contains(runs, r => r.Summary.Contains("ClientsAndClosedCases=1", StringComparison.Ordinal) && r.RanByUserId == Caller.System.UserId);
        }
        Assert.Empty(await DatabaseScan.FindAsync(database, alfa.StoredStrings, "AuditEntries.UserName"));
        Assert.Equal(before, await StatisticsFigures.ComputeAsync(database, staff.Officer, withDashboard: false));
    }

    [Fact]
    public async Task Nothing_younger_than_its_retention_period_is_touched()
    {
        var alfa = await ClientLife.SeedAsync(database, staff, "Alfakodas", "Liudvikas", "Žvirgždauskas", "3850615123", "+370 611 22334");
        database.Clock.Advance(TimeSpan.FromDays(300));

        Assert.Equal(0, await RunRetentionAsync());

        var hits = await DatabaseScan.FindAsync(database, [alfa.Marker]);
        Assert.Contains(hits, h => h.Table == "PhoneMessages");
        Assert.Contains(hits, h => h.Table == "Contacts");
        var entry = (await database.AuditEntriesAsync()).Last();
        Assert.Equal((nameof(ApplyRetention), AuditKind.Change, Caller.System.UserId), (entry.Action, entry.Kind, entry.UserId));
    }

    /// <summary>What the retention job does: batches until a run finds nothing left.</summary>
    private async Task<int> RunRetentionAsync()
    {
        var total = 0;
        for (var run = 0; run < 20; run++)
        {
            var result = await database.Send(new ApplyRetention(BatchSize: 3), Caller.System);
            total += result.Total;
            if (result.Total == 0)
                return total;
        }
        throw new InvalidOperationException("Retention did not finish in 20 runs.");
    }
}
