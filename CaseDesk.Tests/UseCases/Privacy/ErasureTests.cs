using CaseDesk.Domain.Common;
using CaseDesk.Domain.Privacy;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Privacy;

public sealed class ErasureTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private PrivacyStaff staff = default!;
    private ClientLife alfa = default!;
    private ClientLife beta = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        staff = await ClientLife.StaffAsync(database);
        alfa = await ClientLife.SeedAsync(database, staff, "Alfakodas", "Liudvikas", "Žvirgždauskas", "3850615123", "+370 611 22334");
        beta = await ClientLife.SeedAsync(database, staff, "Betakodas", "Teodoras", "Pakalniškis", "4920304456", "+370 699 88776");
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private Task<Guid> VersionAsync(Guid requestId) =>
        database.ReadAsync(db => db.ErasureRequests.Where(r => r.Id == requestId).Select(r => r.Version).SingleAsync());

    private async Task EraseAsync(ClientLife life)
    {
        await ClientLife.CloseEverythingAsync(database, life, staff.Caseworker);
        await RequestAndApproveAsync(life);
    }

    private async Task RequestAndApproveAsync(ClientLife life)
    {
        var request = await database.Send(new RequestErasure(life.ClientId, ErasureGround.ClientRequest, "Klientas raštu paprašė ištrinti duomenis"), staff.Caseworker);
        await database.Send(new ApproveErasure(request, await VersionAsync(request)), staff.Head);
    }

    [Fact]
    public async Task Erasure_keeps_statistics()
    {
        await ClientLife.CloseEverythingAsync(database, alfa, staff.Caseworker);
        var before = await StatisticsFigures.ComputeAsync(database, staff.Officer);
        Assert.Contains(before, f => f.Key.StartsWith("share met by commitment", StringComparison.Ordinal));
        Assert.Contains(before, f => f.Key.StartsWith("median minutes", StringComparison.Ordinal));
        Assert.Equal("2", before["complaints received"]);
        Assert.Contains("complaint analysis", before.Keys);

        var request = await database.Send(new RequestErasure(alfa.ClientId, ErasureGround.ConsentWithdrawn, "Sutikimas atšauktas"), staff.Caseworker);
        await database.Send(new ApproveErasure(request, await VersionAsync(request)), staff.Head);

        var after = await StatisticsFigures.ComputeAsync(database, staff.Officer);
        Assert.Equal(before, after);
        // The erasure did happen: the figures stayed although the client's complaint lost its text.
        Assert.Equal(Anonymization.Redacted, await database.ReadAsync(db => db.Complaints.Where(c => c.Id == alfa.ComplaintIds[0]).Select(c => c.Text).SingleAsync()));
    }

    [Fact]
    public async Task After_erasure_no_personal_string_of_the_client_remains_anywhere_in_the_database()
    {
        // A feedback hand-over quotes the complaints of its period.
        var today = DateOnly.FromDateTime(VilniusTime.ToLocal(database.Clock.UtcDateTime));
        await database.Send(new Domain.Complaints.RecordFeedbackDigest(today.AddDays(-7), today), staff.Officer);
        // An incident for skills sessions made from one of the client's contacts: its source and replacement list name the client.
        await database.Send(new Domain.Incidents.PromoteContactToIncident(alfa.ContactIds[0], Domain.Incidents.IncidentType.Conflict), staff.Officer);
        var beforeHits = await DatabaseScan.FindAsync(database, alfa.StoredStrings, "AuditEntries.UserName");
        Assert.Contains(beforeHits, h => h.Table == "Clients");
        Assert.Contains(beforeHits, h => h.Table == "FeedbackDigests");
        Assert.Contains(beforeHits, h => h.Table == "Incidents");
        Assert.Contains(beforeHits, h => h.Table == "IncidentRedactions");

        await EraseAsync(alfa);

        var hits = await DatabaseScan.FindAsync(database, alfa.StoredStrings, "AuditEntries.UserName");
        Assert.Empty(hits);
        // The other client is untouched, and the scan does find what is there.
        var betaHits = await DatabaseScan.FindAsync(database, beta.StoredStrings, "AuditEntries.UserName");
        // Every one of them but the personal code, which is never stored in clear (ADR 0004).
        Assert.Equal(beta.StoredStrings.Where(s => s != beta.PersonalCode).Order(), betaHits.Select(h => h.Needle).Distinct().Order());
        Assert.Contains(betaHits, h => h is { Table: "Contacts", Column: "Summary" });
        Assert.Contains(betaHits, h => h is { Table: "EmailEnquiries", Column: "Body" });
        Assert.Contains(betaHits, h => h is { Table: "FeedbackDigests", Column: "Body" });
    }

    [Fact]
    public async Task Erasure_anonymizes_in_place_and_keeps_every_row_and_link()
    {
        await ClientLife.CloseEverythingAsync(database, alfa, staff.Caseworker);
        var countsBefore = await RowCountsAsync();

        await RequestAndApproveAsync(alfa);

        Assert.Equal(countsBefore, await RowCountsAsync());
        await using var db = database.OpenDb();
        var client = await db.Clients.Include(c => c.Household).Include(c => c.Groups).AsNoTracking().SingleAsync(c => c.Id == alfa.ClientId);
        Assert.Equal((Anonymization.Name, Anonymization.Name, null, null, null, null, null, null), (client.FirstName, client.LastName,
            client.PersonalCodeHash, client.PersonalCodeCipher, client.Phone, client.Email, client.Address, client.BirthDate));
        Assert.All(client.Household, h => Assert.Equal(Anonymization.Name, h.Name));
        Assert.Equal(["elderly"], client.Groups.Select(g => g.GroupCode));
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.ClientId == alfa.ClientId).ToListAsync();
        Assert.Equal(alfa.ContactIds.Order(), contacts.Select(c => c.Id).Order());
        Assert.All(contacts, c => Assert.Equal((Anonymization.Redacted, (string?)null), (c.Summary, c.Discussed)));
        Assert.All(contacts, c => Assert.InRange(c.Touchpoint, 1, 10));
        // The other client's record is as it was.
        var other = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == beta.ClientId);
        Assert.Equal((beta.FirstName, beta.Email), (other.FirstName, other.Email));
        Assert.All(await db.Contacts.AsNoTracking().Where(c => c.ClientId == beta.ClientId).ToListAsync(), c => Assert.NotEqual(Anonymization.Redacted, c.Summary));
    }

    [Fact]
    public async Task The_record_of_the_erasure_keeps_who_when_and_the_ground_but_no_personal_data()
    {
        await ClientLife.CloseEverythingAsync(database, alfa, staff.Caseworker);
        var requestedAt = database.Clock.UtcDateTime;
        var id = await database.Send(new RequestErasure(alfa.ClientId, ErasureGround.NoLongerNeeded, $"{alfa.FirstName} {alfa.LastName} prašo"), staff.Caseworker);
        database.Clock.Advance(TimeSpan.FromHours(2));
        await database.Send(new ApproveErasure(id, await VersionAsync(id)), staff.Admin);

        var rows = await database.Send(new ListErasureRequests(), staff.Head);
        var row = Assert.Single(rows);
        Assert.Equal((ErasureStatus.Executed, ErasureGround.NoLongerNeeded, requestedAt, database.Clock.UtcDateTime, "Asta Petrauskienė", "admin Tester"),
            (row.Status, row.Ground, row.RequestedAtUtc, row.DecidedAtUtc, row.RequestedBy, row.DecidedBy));
        Assert.Equal(Anonymization.Redacted, row.Reason);
        Assert.Equal($"{Anonymization.Name} {Anonymization.Name}", row.ClientName);
        Assert.Contains("Contacts=", row.ExecutionSummary);
        Assert.DoesNotContain(alfa.LastName, System.Text.Json.JsonSerializer.Serialize(row));
    }

    [Fact]
    public async Task The_requester_cannot_approve_their_own_request()
    {
        await ClientLife.CloseEverythingAsync(database, alfa, staff.Caseworker);
        var id = await database.Send(new RequestErasure(alfa.ClientId, ErasureGround.ClientRequest, "Prašymas"), staff.Head);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(async () => await database.Send(new ApproveErasure(id, await VersionAsync(id)), staff.Head));
        Assert.Contains("four eyes", refusal.Because);
        Assert.Equal(alfa.FirstName, await database.ReadAsync(db => db.Clients.Where(c => c.Id == alfa.ClientId).Select(c => c.FirstName).SingleAsync()));
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await database.Send(new ApproveErasure(id, await VersionAsync(id)), staff.Caseworker));

        await database.Send(new ApproveErasure(id, await VersionAsync(id)), staff.Admin);
        Assert.Equal(Anonymization.Name, await database.ReadAsync(db => db.Clients.Where(c => c.Id == alfa.ClientId).Select(c => c.FirstName).SingleAsync()));
    }

    [Fact]
    public async Task A_refusal_says_why_and_leaves_the_client_as_it_was()
    {
        var id = await database.Send(new RequestErasure(alfa.ClientId, ErasureGround.ClientRequest, "Prašymas"), staff.Caseworker);

        var invalid = await Assert.ThrowsAsync<RequestValidationException>(async () => await database.Send(new RefuseErasure(id, await VersionAsync(id), " "), staff.Head));
        Assert.Contains(nameof(RefuseErasure.Because), invalid.Errors.Keys);
        await database.Send(new RefuseErasure(id, await VersionAsync(id), "Duomenis privaloma saugoti pagal įstatymą"), staff.Head);

        var row = Assert.Single(await database.Send(new ListErasureRequests(), staff.Caseworker));
        Assert.Equal((ErasureStatus.Refused, "Duomenis privaloma saugoti pagal įstatymą", "Prašymas"), (row.Status, row.RefusalBecause, row.Reason));
        Assert.Equal(alfa.LastName, await database.ReadAsync(db => db.Clients.Where(c => c.Id == alfa.ClientId).Select(c => c.LastName).SingleAsync()));
        await Assert.ThrowsAsync<DomainRefusalException>(async () => await database.Send(new ApproveErasure(id, await VersionAsync(id)), staff.Admin));
    }

    [Fact]
    public async Task Erasure_waits_until_the_clients_cases_are_closed()
    {
        var id = await database.Send(new RequestErasure(alfa.ClientId, ErasureGround.ClientRequest, "Prašymas"), staff.Caseworker);

        var refusal = await Assert.ThrowsAsync<DomainRefusalException>(async () => await database.Send(new ApproveErasure(id, await VersionAsync(id)), staff.Head));

        Assert.Contains("open case", refusal.Because);
        Assert.Equal(ErasureStatus.Requested, await database.ReadAsync(db => db.ErasureRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
        await Assert.ThrowsAsync<DomainRefusalException>(() =>
            database.Send(new RequestErasure(alfa.ClientId, ErasureGround.ClientRequest, "Dar kartą"), staff.Caseworker));
    }

    [Fact]
    public async Task An_editor_who_loaded_the_client_before_the_erasure_cannot_write_the_data_back()
    {
        var card = await database.Send(new Domain.Clients.GetClient(alfa.ClientId), staff.Caseworker);

        await EraseAsync(alfa);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => database.Send(Casework.Edit(card, card.Version, phone: "+370 600 00000"), staff.Caseworker));
    }

    private Task<Dictionary<string, int>> RowCountsAsync() => database.ReadAsync(async db => new Dictionary<string, int>
    {
        ["Clients"] = await db.Clients.CountAsync(), ["HouseholdMembers"] = await db.HouseholdMembers.CountAsync(), ["Cases"] = await db.Cases.CountAsync(),
        ["CaseStatusChanges"] = await db.CaseStatusChanges.CountAsync(), ["Contacts"] = await db.Contacts.CountAsync(), ["Promises"] = await db.Promises.CountAsync(),
        ["PhoneMessages"] = await db.PhoneMessages.CountAsync(), ["Emails"] = await db.EmailEnquiries.CountAsync(), ["Letters"] = await db.InformationLetters.CountAsync(),
        ["Visits"] = await db.HomeVisits.CountAsync(), ["Complaints"] = await db.Complaints.CountAsync(), ["ComplaintSteps"] = await db.ComplaintSteps.CountAsync(),
        ["ComplaintTags"] = await db.ComplaintTags.CountAsync(), ["CorrectiveActions"] = await db.CorrectiveActions.CountAsync(), ["Clocks"] = await db.ResponseClocks.CountAsync(),
    });
}
