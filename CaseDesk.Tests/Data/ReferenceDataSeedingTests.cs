using CaseDesk.Domain.Data;
using CaseDesk.Domain.Reference;
using CaseDesk.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.Data;

public sealed class ReferenceDataSeedingTests : IAsyncLifetime
{
    private TestDatabase database = default!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<(int Touchpoints, int Commitments, int ClientGroups, int Roles)> Counts() =>
        database.ReadAsync(async db => (
            await db.Touchpoints.CountAsync(), await db.Commitments.CountAsync(),
            await db.ClientGroups.CountAsync(), await db.Roles.CountAsync()));

    [Fact]
    public async Task Seeding_the_standard_twice_leaves_one_copy_of_it()
    {
        Assert.Equal((10, 11, 8, 6), await Counts());

        await database.MigrateAndSeedAsync();
        await using (var db = database.OpenDb())
            await DatabaseInitializer.SeedReferenceDataAsync(db);

        Assert.Equal((10, 11, 8, 6), await Counts());
    }

    [Fact]
    public async Task The_touchpoints_carry_the_standards_lithuanian_texts()
    {
        var touchpoints = await database.ReadAsync(db => db.Touchpoints.AsNoTracking().OrderBy(t => t.Number).ToListAsync());

        Assert.Equal(Enumerable.Range(1, 10), touchpoints.Select(t => t.Number));
        Assert.Equal("Skambutis telefonu į Socialinės paramos skyrių", touchpoints[1].NameLt);
        Assert.Equal("Phone call to the department", touchpoints[1].NameEn);
        Assert.Equal("Specialisto atvykimas į kliento namus", touchpoints[6].NameLt);
        Assert.Equal(JourneyPhase.ServicePreparation, touchpoints[6].Phase);
        Assert.All(touchpoints, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.NeedsLt));
            Assert.False(string.IsNullOrWhiteSpace(t.RepresentativesLt));
            Assert.NotEqual(t.NameEn, t.NameLt);
        });
    }

    [Fact]
    public async Task Reseeding_restores_edited_reference_texts()
    {
        await using (var db = database.OpenDb())
        {
            var touchpoint = await db.Touchpoints.SingleAsync(t => t.Number == 4);
            touchpoint.NameLt = "sugadinta";
            await db.SaveChangesAsync();
        }

        await database.MigrateAndSeedAsync();

        Assert.Equal("Informaciniai stendai", await database.ReadAsync(db => db.Touchpoints.Where(t => t.Number == 4).Select(t => t.NameLt).SingleAsync()));
    }

    [Fact]
    public async Task Every_role_exists_once()
    {
        var roles = await database.InScopeAsync(services =>
            services.GetRequiredService<RoleManager<IdentityRole>>().Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync());

        Assert.Equal(Domain.Common.Roles.All.Order(), roles);
    }
}
