using CaseDesk.Domain.Common;
using CaseDesk.Domain.Users;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Users;

/// <summary>Lists sorted by name in SQL follow the Lithuanian alphabet on both engines (ADR 0010; more in Data/LithuanianSortTests).</summary>
public sealed class LithuanianNameOrderTests
{
    [Fact]
    public async Task Colleagues_are_listed_in_the_Lithuanian_alphabet_c_before_č_before_d()
    {
        await using var database = await TestDatabase.CreateAsync();
        var reception = await database.CreateCallerAsync(Roles.Reception);
        string[] lastNames = ["Žukas", "Sabonis", "Černiauskas", "Zabiela", "Dambrauskas", "Šimkus", "Cibulskis", "Tamošiūnas"];
        foreach (var lastName in lastNames)
        {
            var caller = await database.CreateCallerAsync(Roles.Caseworker);
            await using var db = database.OpenDb();
            var user = await db.Users.SingleAsync(u => u.Id == caller.UserId);
            user.LastName = lastName;
            await db.SaveChangesAsync();
        }

        var listed = (await database.Send(new ListColleagues(Roles.Caseworker), reception))
            .Select(c => c.FullName.Split(' ')[1]).ToList();

        Assert.Equal(["Cibulskis", "Černiauskas", "Dambrauskas", "Sabonis", "Šimkus", "Tamošiūnas", "Zabiela", "Žukas"], listed);
    }
}
