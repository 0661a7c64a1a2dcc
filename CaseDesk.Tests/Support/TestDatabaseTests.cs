using CaseDesk.Domain.Common;
using CaseDesk.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.Support;

public sealed class TestDatabaseTests
{
    [Fact]
    public async Task Dispose_deletes_the_database_file_and_its_wal_and_shm_files()
    {
        var database = await TestDatabase.CreateAsync();
        var admin = await database.CreateCallerAsync(Roles.Admin);
        await database.Send(new SetMyLanguage("en"), admin);
        Assert.True(File.Exists(database.FilePath));

        await database.DisposeAsync();

        Assert.False(File.Exists(database.FilePath));
        Assert.False(File.Exists(database.FilePath + "-wal"));
        Assert.False(File.Exists(database.FilePath + "-shm"));
    }

    [Fact]
    public async Task Handlers_see_the_injected_clock()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(clock);
        var admin = await database.CreateCallerAsync(Roles.Admin);
        clock.Advance(TimeSpan.FromMinutes(5));

        await database.Send(new SetMyLanguage("en"), admin);

        var entry = Assert.Single(await database.AuditEntriesAsync());
        Assert.Equal(new DateTime(2026, 7, 1, 12, 5, 0, DateTimeKind.Utc), entry.AtUtc);
        Assert.Equal(DateTimeKind.Utc, entry.AtUtc.Kind);
    }

    [Fact]
    public async Task Created_callers_are_stored_users_with_their_roles()
    {
        await using var database = await TestDatabase.CreateAsync();

        var caller = await database.CreateUserAsync("asta", Roles.Caseworker, Roles.Head);

        Assert.Equal(["Caseworker", "Head"], await database.RolesOfAsync(caller.UserId));
        var stored = await database.ReadAsync(db => db.Users.SingleAsync(u => u.Id == caller.UserId));
        Assert.Equal("asta", stored.UserName);
        Assert.True(caller.IsInRole(Roles.Head));
    }
}
