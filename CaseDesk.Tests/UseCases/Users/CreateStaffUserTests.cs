using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Users;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Users;

public sealed class CreateStaffUserTests : IAsyncLifetime
{
    private TestDatabase database = default!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static CreateStaffUser NewUser(string userName = "jonas", params string[] roles) => new(
        userName, $"{userName}@example.lt", "Jonas", "Jonaitis", "Socialinis darbuotojas", "+370 600 00000",
        UnitId: null, Roles: roles.Length == 0 ? [Roles.Caseworker] : roles, InitialPassword: "Slaptas2026x");

    [Fact]
    public async Task An_admin_creates_a_user_with_the_chosen_roles()
    {
        var admin = await database.CreateCallerAsync(Roles.Admin);

        var id = await database.Send(NewUser("jonas", Roles.Caseworker, Roles.Head), admin);

        var stored = await database.FindUserByNameAsync("jonas");
        Assert.NotNull(stored);
        Assert.Equal(id, stored.Id);
        Assert.Equal("jonas@example.lt", stored.Email);
        Assert.Equal(["Caseworker", "Head"], await database.RolesOfAsync(id));
    }

    [Fact]
    public async Task Invalid_input_is_refused_field_by_field_and_nothing_is_written()
    {
        var admin = await database.CreateCallerAsync(Roles.Admin);
        var usersBefore = await database.ReadAsync(db => db.Users.CountAsync());
        var invalid = new CreateStaffUser("bad name!", "not-an-address", "", "", "", null, null, [], "");

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => database.Send(invalid, admin));

        Assert.Equal(
            ["Email", "FirstName", "InitialPassword", "LastName", "Roles", "UserName"],
            error.Errors.Keys.Order());
        Assert.All(error.Errors.Values, messages => Assert.NotEmpty(messages));
        Assert.Equal(usersBefore, await database.ReadAsync(db => db.Users.CountAsync()));
        Assert.Empty(await database.AuditEntriesAsync());
    }

    [Fact]
    public async Task A_weak_password_is_refused_on_the_password_field_and_no_user_remains()
    {
        var admin = await database.CreateCallerAsync(Roles.Admin);

        var error = await Assert.ThrowsAsync<RequestValidationException>(
            () => database.Send(NewUser() with { InitialPassword = "short" }, admin));

        Assert.Equal(["InitialPassword"], error.Errors.Keys);
        Assert.Null(await database.FindUserByNameAsync("jonas"));
        Assert.Empty(await database.AuditEntriesAsync());
    }

    [Fact]
    public async Task A_duplicate_user_name_is_refused_on_the_user_name_field()
    {
        var admin = await database.CreateCallerAsync(Roles.Admin);
        await database.Send(NewUser("jonas"), admin);

        var error = await Assert.ThrowsAsync<RequestValidationException>(
            () => database.Send(NewUser("jonas") with { Email = "other@example.lt" }, admin));

        Assert.Contains("UserName", error.Errors.Keys);
        Assert.Single(await database.AuditEntriesAsync());
    }

    [Theory]
    [InlineData(Roles.Caseworker)]
    [InlineData(Roles.QualityOfficer)]
    [InlineData(Roles.Head)]
    public async Task A_caller_without_the_admin_role_is_denied_no_user_is_created_and_the_denial_is_audited(string role)
    {
        var caller = await database.CreateCallerAsync(role);
        var usersBefore = await database.ReadAsync(db => db.Users.CountAsync());

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(NewUser("jonas"), caller));

        Assert.Equal(nameof(CreateStaffUser), denied.RequestName);
        Assert.Null(await database.FindUserByNameAsync("jonas"));
        Assert.Equal(usersBefore, await database.ReadAsync(db => db.Users.CountAsync()));
        var entry = Assert.Single(await database.AuditEntriesAsync());
        Assert.Equal(AuditKind.Denied, entry.Kind);
        Assert.Equal(caller.UserId, entry.UserId);
        Assert.Equal(caller.UserName, entry.UserName);
        Assert.Equal(nameof(CreateStaffUser), entry.Action);
        Assert.Equal(database.Clock.UtcDateTime, entry.AtUtc);
        Assert.Contains(role, entry.Reason);
    }

    [Fact]
    public async Task An_anonymous_caller_is_denied()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(NewUser("jonas"), Caller.Anonymous));

        Assert.Null(await database.FindUserByNameAsync("jonas"));
        Assert.Equal(AuditKind.Denied, Assert.Single(await database.AuditEntriesAsync()).Kind);
    }

    [Fact]
    public async Task A_created_user_gets_exactly_one_change_audit_row_saying_who_when_what_and_which_record()
    {
        var admin = await database.CreateUserAsync("mantas", Roles.Admin);
        database.Clock.Advance(TimeSpan.FromMinutes(42));

        var id = await database.Send(NewUser("jonas"), admin);

        var entry = Assert.Single(await database.AuditEntriesAsync());
        Assert.Equal(AuditKind.Change, entry.Kind);
        Assert.Equal(admin.UserId, entry.UserId);
        Assert.Equal("mantas", entry.UserName);
        Assert.Equal(FakeClock.DefaultStart.UtcDateTime.AddMinutes(42), entry.AtUtc);
        Assert.Equal(nameof(CreateStaffUser), entry.Action);
        Assert.Equal(nameof(StaffUser), entry.EntityType);
        Assert.Equal(id, entry.EntityId);
        Assert.Contains($"StaffUser {id}: created", entry.Fields);
    }

    [Fact]
    public async Task When_the_audit_row_cannot_be_written_the_user_is_not_created_either()
    {
        var admin = await database.CreateCallerAsync(Roles.Admin);
        // The database itself refuses change audit rows, so the failure comes after the handler saved the user.
        await using (var db = database.OpenDb())
        {
            await db.Database.ExecuteSqlRawAsync(database.IsSqlite
                ? "CREATE TRIGGER refuse_change_audit BEFORE INSERT ON AuditEntries WHEN NEW.Kind = 1 " +
                  "BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END;"
                : "CREATE FUNCTION refuse_change_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " +
                  "IF NEW.\"Kind\" = 1 THEN RAISE EXCEPTION 'audit log unavailable'; END IF; RETURN NEW; END $$; " +
                  "CREATE TRIGGER refuse_change_audit BEFORE INSERT ON \"AuditEntries\" FOR EACH ROW EXECUTE FUNCTION refuse_change_audit();");
        }

        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => database.Send(NewUser("jonas"), admin));

        Assert.Contains("audit log unavailable", failure.InnerException?.Message);
        Assert.Null(await database.FindUserByNameAsync("jonas"));
        Assert.Empty(await database.ReadAsync(db => db.UserRoles.Where(ur => ur.UserId != admin.UserId).ToListAsync()));
    }
}
