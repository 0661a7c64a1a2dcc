using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Reference;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Visits;

public sealed record SeededCase(Guid ClientId, Guid CaseId, string Number);

/// <summary>Registers a client and opens a case for them through the real use cases, as the system.</summary>
public static class CaseworkSeed
{
    public static readonly Guid SocialServicesUnit = StandardReferenceData.Units.Single(u => u.Code == "social-services").Id;

    public static async Task<SeededCase> CaseAsync(TestDatabase database, Caller caseworker, bool meetWithTwoEmployees = false,
        string firstName = "Ona", string lastName = "Žemaitienė", string service = "Pagalba į namus")
    {
        var clientId = await database.Send(new RegisterClient(firstName, lastName, null, null, "+370 612 34567", null,
            "Vilniaus g. 12-3, Alytus", [], ClientLanguage.Lithuanian, null, null, meetWithTwoEmployees,
            meetWithTwoEmployees ? "Agresyvus sūnus" : null, [], ConfirmedNotDuplicate: true), Caller.System);
        var caseId = await database.Send(new OpenCase(clientId, service, SocialServicesUnit, caseworker.UserId, null), Caller.System);
        var number = await database.ReadAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Number).SingleAsync());
        return new SeededCase(clientId, caseId, number);
    }

    /// <summary>Gives a test user the signature details a letter carries (section 11).</summary>
    public static async Task SetSignatureAsync(TestDatabase database, Caller user, string firstName, string lastName, string position, string phone)
    {
        await using var db = database.OpenDb();
        var stored = await db.Users.SingleAsync(u => u.Id == user.UserId);
        stored.FirstName = firstName;
        stored.LastName = lastName;
        stored.Position = position;
        stored.PhoneNumber = phone;
        stored.UnitId = SocialServicesUnit;
        await db.SaveChangesAsync();
    }

    public static Task CloseAsync(TestDatabase database, Guid caseId) =>
        database.ReadAsync(async db =>
        {
            var version = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync();
            return await database.Send(new CloseCase(caseId, version, CaseOutcome.InformationOnly, null), Caller.System);
        });
}
