using System.Security.Cryptography;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Letters;
using CaseDesk.Domain.Privacy;
using CaseDesk.Domain.Reference;
using CaseDesk.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseDesk.Domain.Data;

public sealed record DemoLogin(string UserName, string Password, string Role, string FullName);

/// <summary>
/// Brings a database up to date at start-up: applies migrations, switches the file to WAL,
/// seeds the standard's reference data and the roles (idempotently, every start), and creates
/// the first administrator from configuration or the demo logins on a new demo database.
/// </summary>
public static class DatabaseInitializer
{
    public const string DemoPassword = "CaseDesk2026";

    public static async Task MigrateAndSeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await MigrateAsync(services, ct);
        await SeedAsync(services, ct);
    }

    /// <summary>
    /// Applies the migrations, one node at a time: EF Core's own lock on SQLite; on PostgreSQL, where two fresh nodes
    /// started together both ran CREATE DATABASE and then applied the same migration twice (StartTogetherTests), the
    /// database is created by whichever node comes first and the migrations run under a session advisory lock.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
        try
        {
            if (db.Database.IsNpgsql())
                await MigratePostgresOneNodeAtATimeAsync(db, ct);
            else
                await db.Database.MigrateAsync(ct);
        }
        catch (Exception caught) when (Unreachable(caught) is { } e)
        {
            // Not reachable, refused, or the login was: say where it tried (never the password) and what to check.
            var where = scope.ServiceProvider.GetRequiredService<DatabaseSettings>().Describe();
            throw new InvalidOperationException(
                $"Cannot connect to {where}: {e.Message}. Check that PostgreSQL runs there and accepts connections from this machine, " +
                "and the host, port, database, user and password in ConnectionStrings:CaseDesk.", e);
        }
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
    }

    /// <summary>
    /// The connection failure behind an exception, if that is what it is: not reachable, refused, or the login was. The
    /// database creator's existence check reports it wrapped by the execution strategy ("likely due to a transient failure").
    /// </summary>
    private static NpgsqlException? Unreachable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException npgsql)
                return npgsql is not PostgresException refused || refused.SqlState.StartsWith("28", StringComparison.Ordinal) || refused.SqlState == "3D000"
                    ? npgsql : null;
        }
        return null;
    }

    /// <summary>"CaseDesk migrations" in a number of its own (the writers' lock is another): held by one node's connection.</summary>
    private const long MigrationLock = 4855288752058495852;

    private static async Task MigratePostgresOneNodeAtATimeAsync(CaseDeskDb db, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try
            {
                await creator.CreateAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Another node created it a moment ago.
            }
        }
        await using var gate = new NpgsqlConnection(db.Database.GetConnectionString());
        await gate.OpenAsync(ct);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock})", gate))
            await take.ExecuteNonQueryAsync(ct);
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            // Closing the connection releases it too (also when this node dies meanwhile).
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock})", gate);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Reference data, search keys, promise clocks and roles: inserts what is missing, never twice when run again. Several
    /// app nodes run it one at a time (the host holds the start-up lease around it).
    /// </summary>
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
        await SeedReferenceDataAsync(db, ct);
        await FillSearchKeysAsync(db, ct);
        await Contacts.PromiseClocks.BackfillAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
        }
    }

    /// <summary>Inserts missing rows and refreshes the texts of existing ones; never deletes.</summary>
    public static async Task SeedReferenceDataAsync(CaseDeskDb db, CancellationToken ct = default)
    {
        var touchpoints = await db.Touchpoints.ToDictionaryAsync(t => t.Number, ct);
        foreach (var seed in StandardReferenceData.Touchpoints)
        {
            if (!touchpoints.TryGetValue(seed.Number, out var row))
                db.Touchpoints.Add(row = new Touchpoint { Number = seed.Number });
            row.Phase = seed.Phase;
            row.NameLt = seed.NameLt; row.NameEn = seed.NameEn;
            row.NeedsLt = seed.NeedsLt; row.NeedsEn = seed.NeedsEn;
            row.RepresentativesLt = seed.RepresentativesLt; row.RepresentativesEn = seed.RepresentativesEn;
        }

        var commitments = await db.Commitments.ToDictionaryAsync(c => c.Number, ct);
        foreach (var seed in StandardReferenceData.Commitments)
        {
            if (!commitments.TryGetValue(seed.Number, out var row))
                db.Commitments.Add(row = new Commitment { Number = seed.Number });
            row.Numeral = seed.Numeral; row.IsMeasured = seed.IsMeasured;
            row.TitleLt = seed.TitleLt; row.TitleEn = seed.TitleEn;
            row.SummaryLt = seed.SummaryLt; row.SummaryEn = seed.SummaryEn;
        }

        var groups = await db.ClientGroups.ToDictionaryAsync(g => g.Code, ct);
        foreach (var seed in StandardReferenceData.ClientGroups)
        {
            if (!groups.TryGetValue(seed.Code, out var row))
                db.ClientGroups.Add(row = new ClientGroup { Code = seed.Code });
            row.SortOrder = seed.SortOrder; row.NameLt = seed.NameLt; row.NameEn = seed.NameEn;
        }

        var units = await db.OrgUnits.ToDictionaryAsync(u => u.Id, ct);
        foreach (var seed in StandardReferenceData.Units)
        {
            if (!units.ContainsKey(seed.Id))
                db.OrgUnits.Add(new OrgUnit { Id = seed.Id, Code = seed.Code, NameLt = seed.NameLt, NameEn = seed.NameEn });
        }

        // The standard templates are the department's texts kept in code: brought up to date on every start, like the commitments.
        var templates = await db.LetterTemplates.ToDictionaryAsync(t => t.Id, ct);
        foreach (var seed in StandardLetterTemplates.All)
        {
            if (!templates.TryGetValue(seed.Id, out var row))
                db.LetterTemplates.Add(row = new LetterTemplate { Id = seed.Id });
            row.Code = seed.Code; row.Language = seed.Language; row.Name = seed.Name; row.Subject = seed.Subject; row.Body = seed.Body;
        }

        var targetKinds = await db.CommitmentTargets.Select(t => t.Kind).Distinct().ToListAsync(ct);
        foreach (var d in DefaultTargets.All.Where(d => !targetKinds.Contains(d.Kind)))
            db.CommitmentTargets.Add(new CommitmentTarget(Guid.CreateVersion7(), d.Kind, d.Minutes, d.Unit, DefaultTargets.DefaultAtRiskPercent,
                d.Commitment, d.Touchpoint, DefaultTargets.EffectiveFrom, "system", DefaultTargets.EffectiveFrom, "Numatytoji reikšmė"));

        var causes = await db.RootCauses.Select(r => r.Code).ToListAsync(ct);
        foreach (var cause in Complaints.RootCauses.Defaults.Where(r => !causes.Contains(r.Code)))
            db.RootCauses.Add(new Complaints.RootCause { Code = cause.Code, NameLt = cause.NameLt, NameEn = cause.NameEn });

        if (!await db.OfficeDays.AnyAsync(ct))
            db.OfficeDays.AddRange(WorkingCalendar.DefaultHours.Select(h => new OfficeDay { Day = h.Day, Opens = h.Opens, Closes = h.Closes }));

        if (!await db.AppSecrets.AnyAsync(s => s.Name == AppSecret.PersonalCodeLookupKey, ct))
            db.AppSecrets.Add(new AppSecret { Name = AppSecret.PersonalCodeLookupKey, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Phone messages and e-mails stored before migration SearchKeys have an empty search key (the folding is .NET's,
    /// not SQL's), so it is filled here once; every later row gets its key when it is written.
    /// </summary>
    public static async Task FillSearchKeysAsync(CaseDeskDb db, CancellationToken ct = default)
    {
        foreach (var message in await db.PhoneMessages.Where(m => m.SearchKey == "").ToListAsync(ct))
            message.RefreshSearchKey();
        foreach (var email in await db.EmailEnquiries.Where(e => e.SearchKey == "").ToListAsync(ct))
            email.RefreshSearchKey();
        // Cases and training copies stored before migration CaseAndTrainingSearchKeys.
        foreach (var @case in await db.Cases.Where(c => c.ServiceKey == "" && c.ServiceRequested != "").ToListAsync(ct))
            @case.RefreshSearchKey();
        foreach (var copy in await db.TrainingCopies.Where(c => c.SearchKey == "").ToListAsync(ct))
            copy.RefreshSearchKey();
        // Clients stored before migration ClientNameOrder.
        foreach (var client in await db.Clients.Where(c => c.NameOrder == "").ToListAsync(ct))
            client.Rename(client.FirstName, client.LastName);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Creates the first Admin from configuration when no Admin exists. Returns false when there was nothing to do.</summary>
    public static async Task<bool> EnsureAdminAsync(IServiceProvider services, string? email, string? password, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
            return false;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
            return false;
        var admin = new StaffUser { UserName = email, Email = email, FirstName = "Administratorius", Position = "Sistemos administratorius", EmailConfirmed = true };
        Check(await users.CreateAsync(admin, password), "the bootstrap administrator (Bootstrap:AdminEmail / Bootstrap:AdminPassword)");
        Check(await users.AddToRoleAsync(admin, Roles.Admin), "the bootstrap administrator's role");
        return true;
    }

    /// <summary>One login per role plus a second caseworker, created only on a database with no users.</summary>
    public static async Task<IReadOnlyList<DemoLogin>> SeedDemoLoginsAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var logins = DemoStaff.Select(d => new DemoLogin(d.UserName, DemoPassword, d.Role, $"{d.First} {d.Last}")).ToList();
        if (await users.Users.AnyAsync(ct))
            return logins;
        foreach (var d in DemoStaff)
        {
            var user = new StaffUser
            {
                UserName = d.UserName, Email = $"{d.UserName}@casedesk.demo", EmailConfirmed = true,
                FirstName = d.First, LastName = d.Last, Position = d.Position, UnitId = d.Unit,
                PhoneNumber = d.Phone,
            };
            Check(await users.CreateAsync(user, DemoPassword), $"demo user {d.UserName}");
            Check(await users.AddToRoleAsync(user, d.Role), $"demo user {d.UserName}'s role");
        }
        return logins;
    }

    private static readonly Guid ReceptionUnit = StandardReferenceData.Units[0].Id;
    private static readonly Guid ServicesUnit = StandardReferenceData.Units[1].Id;

    private static readonly (string UserName, string Role, string First, string Last, string Position, Guid Unit, string Phone)[] DemoStaff =
    [
        ("reception", Roles.Reception, "Rasa", "Jankauskienė", "Skambučių centro specialistė", ReceptionUnit, "+370 315 56 661"),
        ("caseworker", Roles.Caseworker, "Asta", "Petrauskienė", "Socialinė darbuotoja", ServicesUnit, "+370 315 56 662"),
        ("caseworker2", Roles.Caseworker, "Tomas", "Kazlauskas", "Socialinis darbuotojas", ServicesUnit, "+370 315 56 663"),
        ("head", Roles.Head, "Vida", "Stankevičienė", "Skyriaus vedėja", ServicesUnit, "+370 315 56 660"),
        ("quality", Roles.QualityOfficer, "Darius", "Vaitkus", "Vyriausiasis specialistas (standarto įgyvendinimas)", ServicesUnit, "+370 315 56 664"),
        ("trainer", Roles.Trainer, "Laura", "Žukauskaitė", "Mokymų koordinatorė", ServicesUnit, "+370 315 56 665"),
        ("admin", Roles.Admin, "Mantas", "Urbonas", "Sistemos administratorius", ServicesUnit, "+370 315 56 666"),
    ];

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
