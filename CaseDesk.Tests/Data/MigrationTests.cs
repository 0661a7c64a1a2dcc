using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task A_fresh_database_migrates_to_the_latest_migration()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using (var before = database.OpenDb())
        {
            Assert.NotEmpty(before.Database.GetMigrations());
            Assert.Equal(before.Database.GetMigrations(), await before.Database.GetPendingMigrationsAsync());
        }

        await database.MigrateAndSeedAsync();

        await using var db = database.OpenDb();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task The_model_has_no_change_that_a_migration_does_not_capture()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var db = database.OpenDb();

        Assert.False(db.Database.HasPendingModelChanges(),
            "The EF model differs from the last migration's snapshot: run `dotnet ef migrations add <Name> --project CaseDesk.Domain --output-dir Data/Migrations` " +
            "and `dotnet ef migrations add <Name> --project CaseDesk.Migrations.Postgres --output-dir Migrations`.");
    }

    [SkippableFact]
    public async Task The_file_runs_in_wal_mode_with_a_busy_timeout_and_foreign_keys_on_every_connection()
    {
        TestProvider.SkipUnlessSqlite("WAL, busy_timeout and foreign_keys are PRAGMAs of a SQLite file.");
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.OpenDb();

        Assert.Equal("wal", await Pragma(db, "journal_mode"));
        Assert.Equal("5000", await Pragma(db, "busy_timeout"));
        Assert.Equal("1", await Pragma(db, "foreign_keys"));
    }

    private static async Task<string> Pragma(DbContext db, string name)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
