using CaseDesk.Domain;
using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Users;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CaseDesk.Tests.Support;

/// <summary>
/// A real CaseDesk database for one test: a temp SQLite file, or with <c>CASEDESK_TEST_PROVIDER=Postgres</c> a fresh
/// PostgreSQL database on the server of <c>CASEDESK_TEST_POSTGRES</c> (<see cref="TestProvider"/>); the domain's own service
/// registrations, migrated and seeded like at start-up. Send requests through the real sender,
/// then open a fresh context to see what was written.
/// <code>
/// await using var db = await TestDatabase.CreateAsync();
/// var admin = await db.CreateCallerAsync(Roles.Admin);
/// var id = await db.Send(new CreateStaffUser(...), admin);
/// var audit = await db.AuditEntriesAsync();
/// </code>
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? folder;
    private readonly string? filePath;
    private readonly DbContextOptions<CaseDeskDb> inspectOptions;
    private int generatedUsers;

    private TestDatabase(DatabaseSettings settings, string? folder, FakeClock clock, Action<IServiceCollection>? configure)
    {
        this.folder = folder;
        Settings = settings;
        if (settings.IsSqlite)
            filePath = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        Clock = clock;

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddCaseDeskDomain(settings);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        configure?.Invoke(services);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        var inspect = new DbContextOptionsBuilder<CaseDeskDb>();
        settings.Apply(inspect);
        inspectOptions = inspect.Options;
    }

    /// <summary>The database file; SQLite keeps <c>-wal</c> and <c>-shm</c> files beside it. SQLite only: see <see cref="TestProvider.SkipUnlessSqlite"/>.</summary>
    public string FilePath => filePath ?? throw new InvalidOperationException(
        "This test reads the SQLite file but runs on PostgreSQL: start it with TestProvider.SkipUnlessSqlite(\"why\").");

    public DatabaseSettings Settings { get; }

    public string ConnectionString => Settings.ConnectionString;

    public bool IsSqlite => Settings.IsSqlite;

    /// <summary>The clock every handler and pipeline step sees; move it with <see cref="FakeClock.Advance"/>.</summary>
    public FakeClock Clock { get; }

    public ServiceProvider Services { get; }

    /// <param name="clock">Defaults to a <see cref="FakeClock"/> at <see cref="FakeClock.DefaultStart"/>.</param>
    /// <param name="services">Runs after the domain's registrations: add test handlers or replace services.</param>
    /// <param name="migrate">False leaves an empty file, for tests of the migration itself.</param>
    public static async Task<TestDatabase> CreateAsync(FakeClock? clock = null, Action<IServiceCollection>? services = null, bool migrate = true)
    {
        if (TestProvider.Current == DatabaseProvider.Postgres)
        {
            // A copy of a migrated template database (CREATE DATABASE ... TEMPLATE) costs a few ms; migrating costs a second.
            var name = PostgresDatabaseName();
            await PostgresAdminAsync(migrate
                ? $"CREATE DATABASE \"{name}\" TEMPLATE \"{await PostgresTemplate.Value}\""
                : $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'");
            var postgres = new TestDatabase(new DatabaseSettings(DatabaseProvider.Postgres, TestProvider.PostgresDatabase(name)), null,
                clock ?? new FakeClock(), services);
            if (migrate)
                await postgres.MigrateAndSeedAsync();
            return postgres;
        }
        var folder = NewFolder();
        var database = new TestDatabase(SqliteIn(folder), folder, clock ?? new FakeClock(), services);
        if (migrate)
        {
            // Migrating costs ~150 ms of fsyncs per test; a copy of a migrated file costs a few. The real
            // initializer still runs on the copy, so every test also proves that re-running it is harmless.
            File.Copy(await Template.Value, database.FilePath);
            await database.MigrateAndSeedAsync();
        }
        return database;
    }

    private static readonly Lazy<Task<string>> Template = new(BuildTemplateAsync);

    private static async Task<string> BuildTemplateAsync()
    {
        var folder = NewFolder();
        var template = new TestDatabase(SqliteIn(folder), folder, new FakeClock(), configure: null);
        await template.MigrateAndSeedAsync();
        await template.Services.DisposeAsync();
        // Closing the last connection checkpoints the WAL into the file, so the file alone is the whole database.
        SqliteConnection.ClearPool(new SqliteConnection(template.ConnectionString));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return template.FilePath;
    }

    private static DatabaseSettings SqliteIn(string folder) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "casedesk.db") }.ToString());

    private static string NewFolder() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "casedesk-tests", Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>One migrated and seeded database per test run, copied by every test; dropped when the run ends.</summary>
    private static readonly Lazy<Task<string>> PostgresTemplate = new(BuildPostgresTemplateAsync);

    private static async Task<string> BuildPostgresTemplateAsync()
    {
        var name = PostgresDatabaseName() + "_template";
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, TestProvider.PostgresDatabase(name));
        var template = new TestDatabase(settings, null, new FakeClock(), configure: null);
        await template.MigrateAndSeedAsync(); // creates the database too
        await template.Services.DisposeAsync();
        // CREATE DATABASE ... TEMPLATE refuses a template that has open connections.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(settings.ConnectionString));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => PostgresAdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
        return name;
    }

    private static string PostgresDatabaseName() => "casedesk_test_" + Guid.NewGuid().ToString("N");

    private static async Task PostgresAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestProvider.PostgresDatabase("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public Task MigrateAndSeedAsync() => DatabaseInitializer.MigrateAndSeedAsync(Services);

    /// <summary>Sends a request through the real <see cref="ICaseDeskSender"/> (one DI scope, the whole pipeline).</summary>
    public Task<TResult> Send<TResult>(IRequest<TResult> request, Caller caller) =>
        Services.GetRequiredService<ICaseDeskSender>().Send(request, caller);

    /// <summary>Creates a staff user (no password: tests send as callers, they do not sign in) and returns them as a caller.</summary>
    public async Task<Caller> CreateUserAsync(string userName, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser
        {
            UserName = userName, Email = $"{userName}@test.casedesk", EmailConfirmed = true,
            FirstName = userName, LastName = "Tester", Position = "Tester",
        };
        Check(await users.CreateAsync(user), $"user {userName}");
        if (roles.Length > 0)
            Check(await users.AddToRolesAsync(user, roles), $"the roles of {userName}");
        return new Caller(user.Id, userName, roles.ToHashSet());
    }

    /// <summary>Puts a staff member into a unit of the department (caseworkers open their unit's clients without a reason).</summary>
    public async Task PlaceInUnitAsync(Caller caller, Guid unitId)
    {
        await using var db = OpenDb();
        var user = await db.Users.SingleAsync(u => u.Id == caller.UserId);
        user.UnitId = unitId;
        await db.SaveChangesAsync();
    }

    /// <summary>A new user with a generated name and these roles.</summary>
    public Task<Caller> CreateCallerAsync(params string[] roles) =>
        CreateUserAsync($"user{Interlocked.Increment(ref generatedUsers)}", roles);

    /// <summary>A fresh context outside any request, to inspect (or tamper with) what is stored. Dispose it.</summary>
    public CaseDeskDb OpenDb() => new(inspectOptions);

    public async Task<T> ReadAsync<T>(Func<CaseDeskDb, Task<T>> read)
    {
        await using var db = OpenDb();
        return await read(db);
    }

    /// <summary>Runs code against services of a fresh DI scope (e.g. UserManager), as start-up jobs do.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<List<AuditEntry>> AuditEntriesAsync() =>
        ReadAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync());

    public Task<StaffUser?> FindUserByNameAsync(string userName) =>
        ReadAsync(db => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName));

    public Task<List<string>> RolesOfAsync(string userId) =>
        ReadAsync(db => db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .OrderBy(name => name)
            .ToListAsync());

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (!IsSqlite)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
            await PostgresAdminAsync($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}\" WITH (FORCE)");
            return;
        }
        // Pooled connections keep the file (and its -wal/-shm) open; close them before deleting.
        SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
        Directory.Delete(folder!, recursive: true);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Test setup could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
