using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Users;
using CaseDesk.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.Data;

/// <summary>The first administrator from configuration (Bootstrap:AdminEmail / AdminPassword), as start-up calls it.</summary>
public sealed class BootstrapAdminTests : IAsyncLifetime
{
    private const string Password = "Bootstrap-2026x";
    private TestDatabase database = default!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<IList<StaffUser>> AdminsAsync() =>
        database.InScopeAsync(services => services.GetRequiredService<UserManager<StaffUser>>().GetUsersInRoleAsync(Roles.Admin));

    [Fact]
    public async Task The_configured_admin_is_created_once_with_the_admin_role_and_can_sign_in_with_the_configured_password()
    {
        var created = await DatabaseInitializer.EnsureAdminAsync(database.Services, "vedeja@savivaldybe.lt", Password);

        Assert.True(created);
        var admin = Assert.Single(await AdminsAsync());
        Assert.Equal(("vedeja@savivaldybe.lt", "vedeja@savivaldybe.lt"), (admin.UserName, admin.Email));
        Assert.True(await database.InScopeAsync(services => services.GetRequiredService<UserManager<StaffUser>>().CheckPasswordAsync(admin, Password)));
    }

    [Fact]
    public async Task A_second_start_with_the_same_or_other_settings_creates_no_further_admin()
    {
        await DatabaseInitializer.EnsureAdminAsync(database.Services, "vedeja@savivaldybe.lt", Password);
        var first = Assert.Single(await AdminsAsync());

        var again = await DatabaseInitializer.EnsureAdminAsync(database.Services, "vedeja@savivaldybe.lt", Password);
        var other = await DatabaseInitializer.EnsureAdminAsync(database.Services, "kitas@savivaldybe.lt", Password);

        Assert.Equal((false, false), (again, other));
        Assert.Equal(first.Id, Assert.Single(await AdminsAsync()).Id);
        Assert.Null(await database.FindUserByNameAsync("kitas@savivaldybe.lt"));
    }

    [Fact]
    public async Task Without_settings_no_admin_is_created()
    {
        Assert.False(await DatabaseInitializer.EnsureAdminAsync(database.Services, null, null));
        Assert.False(await DatabaseInitializer.EnsureAdminAsync(database.Services, "vedeja@savivaldybe.lt", " "));

        Assert.Empty(await AdminsAsync());
    }
}
