using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Demo;
using CaseDesk.Domain.Privacy;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.Demo;

/// <summary>One tiny generated database shared by the read-only checks below.</summary>
public sealed class GeneratedDatabase : IAsyncLifetime
{
    public static readonly DemoDataOptions Tiny = new() { Clients = 50, Cases = 80, Contacts = 600, ExtraCaseworkers = 3, ExtraReceptionists = 1 };

    public TestDatabase Database { get; private set; } = default!;
    public DemoDataReport Report { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        if (Database.IsSqlite)
            Report = await DemoDataGenerator.GenerateAsync(Database.Services, Tiny);
    }

    public const string SqliteOnly = "the bulk generator writes SQLite files (bench data); PostgreSQL gets its demo through DemoHistory.";

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

/// <summary>The generator at tiny scale: the rows it writes in bulk are what the app itself would have written.</summary>
public sealed class DemoDataGeneratorTests(GeneratedDatabase generated) : IClassFixture<GeneratedDatabase>
{
    private readonly TestDatabase database = generated.Database;
    private readonly DemoDataReport report = generated.Report;

    [SkippableFact]
    public async Task It_writes_the_asked_numbers_and_every_foreign_key_holds()
    {
        TestProvider.SkipUnlessSqlite(GeneratedDatabase.SqliteOnly);
        Assert.Equal((50, 80, 600), await database.ReadAsync(async db =>
            (await db.Clients.CountAsync(), await db.Cases.CountAsync(), await db.Contacts.CountAsync())));
        Assert.Equal((50, 80, 600), (report.Clients, report.Cases, report.Contacts));

        var broken = await database.ReadAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"table\" AS \"Value\" FROM pragma_foreign_key_check").ToListAsync());
        Assert.Empty(broken);
    }

    [SkippableFact]
    public async Task Personal_codes_are_valid_unique_and_stored_as_the_apps_hash_and_cipher()
    {
        TestProvider.SkipUnlessSqlite(GeneratedDatabase.SqliteOnly);
        var stored = await database.ReadAsync(db => db.Clients.AsNoTracking().Where(c => c.PersonalCodeHash != null)
            .Select(c => new { c.PersonalCodeHash, c.PersonalCodeCipher, c.BirthDate }).ToListAsync());
        Assert.InRange(stored.Count, 5, 30);

        await database.InScopeAsync(async services =>
        {
            var protector = services.GetRequiredService<IPersonalCodeProtector>();
            foreach (var client in stored)
            {
                var code = protector.Unprotect(client.PersonalCodeCipher!);
                Assert.True(PersonalCode.IsValid(code), code);
                Assert.Equal(client.PersonalCodeHash, await protector.LookupHashAsync(code, CancellationToken.None));
                Assert.Equal(PersonalCode.BirthDate(code), client.BirthDate);
            }
            return true;
        });
        Assert.Equal(stored.Count, stored.Select(c => c.PersonalCodeHash).Distinct().Count());
    }

    [SkippableFact]
    public async Task Search_keys_are_computed_as_the_entities_compute_them()
    {
        TestProvider.SkipUnlessSqlite(GeneratedDatabase.SqliteOnly);
        var clients = await database.ReadAsync(db => db.Clients.AsNoTracking().ToListAsync());

        Assert.All(clients, c =>
        {
            Assert.Equal(Client.SearchKey($"{c.LastName} {c.FirstName}"), c.NameKey);
            Assert.Equal(Client.SearchKey($"{c.FirstName} {c.LastName}"), c.FirstNameKey);
            Assert.Equal(Client.PhoneSearchKey(c.Phone), c.PhoneKey);
        });
        Assert.Contains(clients, c => c.LastName.Any(ch => "ąčęėįšųūž".Contains(char.ToLowerInvariant(ch))));
    }

    [SkippableFact]
    public async Task Contacts_and_promises_keep_the_rules_of_the_use_cases()
    {
        TestProvider.SkipUnlessSqlite(GeneratedDatabase.SqliteOnly);
        var now = database.Clock.UtcDateTime;
        await database.ReadAsync(async db =>
        {
            Assert.Equal(0, await db.Contacts.CountAsync(c => c.CaseId != null && !db.Cases.Any(k => k.Id == c.CaseId && k.ClientId == c.ClientId)));
            Assert.Equal(0, await db.Contacts.CountAsync(c => c.OccurredAtUtc > now || c.Touchpoint < 1 || c.Touchpoint > 10));
            Assert.Equal(0, await db.Contacts.CountAsync(c => db.Cases.Any(k => k.Id == c.CaseId && k.ClosedAtUtc != null && c.OccurredAtUtc > k.ClosedAtUtc)));
            Assert.Equal(0, await db.Promises.CountAsync(p => p.DoneAtUtc == null && db.Cases.Any(k => k.Id == p.CaseId && k.Status == CaseStatus.Closed)));
            Assert.Equal(0, await db.Cases.CountAsync(k => k.Status != CaseStatus.Registered && k.AssignedToUserId == null));
            Assert.True(await db.CaseStatusChanges.CountAsync() >= 80);
            return true;
        });
    }
}

/// <summary>Writes through the use cases, so it gets a generated database of its own.</summary>
public sealed class DemoDataInUseTests : IAsyncLifetime
{
    private TestDatabase database = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        if (database.IsSqlite)
            await DemoDataGenerator.GenerateAsync(database.Services, GeneratedDatabase.Tiny);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [SkippableFact]
    public async Task The_generated_data_works_through_the_real_use_cases()
    {
        TestProvider.SkipUnlessSqlite(GeneratedDatabase.SqliteOnly);
        var reception = await database.CreateCallerAsync(Roles.Reception);
        var (client, lastName, worker, caseId) = await database.ReadAsync(async db =>
        {
            var open = await db.Cases.AsNoTracking().Where(k => k.AssignedToUserId != null && k.Status != CaseStatus.Closed).FirstAsync();
            var owner = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == open.ClientId);
            return (owner.Id, owner.LastName, open.AssignedToUserId!, open.Id);
        });
        var caseworker = new Caller(worker, "generated", new HashSet<string> { Roles.Caseworker });

        var found = await database.Send(new FindClients(new ListWindow(Search: lastName[..3])), reception);
        var mine = await database.Send(new ListCases(CaseScope.Mine, new ListWindow(Take: 200)), caseworker);
        var contact = await database.Send(Casework.Contact(client, caseId, database.Clock.UtcDateTime), caseworker);

        Assert.Contains(found.Items, r => r.ClientId == client);
        Assert.Contains(mine.Items, r => r.Id == caseId);
        Assert.NotEqual(Guid.Empty, contact);
    }
}
