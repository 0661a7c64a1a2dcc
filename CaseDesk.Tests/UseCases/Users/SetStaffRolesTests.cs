using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Users;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.UseCases.Users;

public sealed class SetStaffRolesTests : IAsyncLifetime
{
    private TestDatabase database = default!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    /// <summary>The row as the Users page shows it to an admin, with the version the admin's save will carry.</summary>
    private async Task<StaffRow> RowAsSeenBy(Caller admin, string userName)
    {
        var page = await database.Send(new ListStaff(new ListWindow(Search: userName)), admin);
        return Assert.Single(page.Items, row => row.UserName == userName);
    }

    [Fact]
    public async Task An_admin_replaces_the_roles_and_gets_the_new_version()
    {
        var admin = await database.CreateCallerAsync(Roles.Admin);
        var asta = await database.CreateUserAsync("asta", Roles.Caseworker);
        var stampBefore = (await database.FindUserByNameAsync("asta"))!.SecurityStamp;
        var row = await RowAsSeenBy(admin, "asta");

        var newVersion = await database.Send(new SetStaffRoles(asta.UserId, [Roles.Head, Roles.QualityOfficer], row.Version), admin);

        Assert.Equal(["Head", "QualityOfficer"], await database.RolesOfAsync(asta.UserId));
        var stored = await database.FindUserByNameAsync("asta");
        Assert.NotEqual(row.Version, newVersion);
        Assert.Equal(stored!.ConcurrencyStamp, newVersion);
        // A role change must end the user's other sessions.
        Assert.NotEqual(stampBefore, stored.SecurityStamp);
        var entry = Assert.Single(await database.AuditEntriesAsync());
        Assert.Equal((AuditKind.Change, nameof(SetStaffRoles), admin.UserId), (entry.Kind, entry.Action, entry.UserId));
    }

    [Fact]
    public async Task Removing_your_own_admin_role_is_refused_because_nobody_could_manage_users_then_and_is_audited_as_refused()
    {
        using var _ = UiCulture.Use("en");
        var admin = await database.CreateUserAsync("mantas", Roles.Admin, Roles.Head);
        var row = await RowAsSeenBy(admin, "mantas");

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(
            () => database.Send(new SetStaffRoles(admin.UserId, [Roles.Head], row.Version), admin));

        Assert.Contains("because", refusal.Because);
        Assert.Equal(["Admin", "Head"], await database.RolesOfAsync(admin.UserId));
        Assert.Equal(row.Version, (await database.FindUserByNameAsync("mantas"))!.ConcurrencyStamp);
        var entry = Assert.Single(await database.AuditEntriesAsync());
        Assert.Equal(AuditKind.Refused, entry.Kind);
        Assert.Equal(nameof(SetStaffRoles), entry.Action);
        Assert.Equal(admin.UserId, entry.UserId);
        Assert.Equal(refusal.Because, entry.Reason);
        Assert.Equal(database.Clock.UtcDateTime, entry.AtUtc);
    }

    [Fact]
    public async Task The_refusal_reads_in_lithuanian_for_a_lithuanian_user()
    {
        using var _ = UiCulture.Use("lt");
        var admin = await database.CreateUserAsync("mantas", Roles.Admin);
        var row = await RowAsSeenBy(admin, "mantas");

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(
            () => database.Send(new SetStaffRoles(admin.UserId, [Roles.Caseworker], row.Version), admin));

        Assert.StartsWith("Negalite pašalinti savo administratoriaus rolės", refusal.Because);
        Assert.Contains(", nes ", refusal.Because);
    }

    [Fact]
    public async Task Another_admin_may_remove_an_admins_role()
    {
        var mantas = await database.CreateUserAsync("mantas", Roles.Admin);
        var other = await database.CreateCallerAsync(Roles.Admin);
        var row = await RowAsSeenBy(other, "mantas");

        await database.Send(new SetStaffRoles(mantas.UserId, [Roles.Trainer], row.Version), other);

        Assert.Equal(["Trainer"], await database.RolesOfAsync(mantas.UserId));
    }

    [Fact]
    public async Task Saving_with_a_stale_version_is_a_conflict_and_keeps_the_other_admins_change()
    {
        var first = await database.CreateCallerAsync(Roles.Admin);
        var second = await database.CreateCallerAsync(Roles.Admin);
        var asta = await database.CreateUserAsync("asta", Roles.Caseworker);
        var seenByFirst = await RowAsSeenBy(first, "asta");
        var seenBySecond = await RowAsSeenBy(second, "asta");
        await database.Send(new SetStaffRoles(asta.UserId, [Roles.Head], seenBySecond.Version), second);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => database.Send(new SetStaffRoles(asta.UserId, [Roles.Reception], seenByFirst.Version), first));

        Assert.Equal(nameof(StaffUser), conflict.What);
        Assert.Equal("Head", conflict.StoredValues["Roles"]);
        Assert.Equal(["Head"], await database.RolesOfAsync(asta.UserId));
    }

    [Fact]
    public async Task An_unknown_role_is_refused_on_the_roles_field()
    {
        var admin = await database.CreateCallerAsync(Roles.Admin);
        var asta = await database.CreateUserAsync("asta", Roles.Caseworker);
        var row = await RowAsSeenBy(admin, "asta");

        var error = await Assert.ThrowsAsync<RequestValidationException>(
            () => database.Send(new SetStaffRoles(asta.UserId, ["Janitor"], row.Version), admin));

        Assert.Equal(["Roles"], error.Errors.Keys);
        Assert.Equal(["Caseworker"], await database.RolesOfAsync(asta.UserId));
    }
}
