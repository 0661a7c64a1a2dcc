using System.Data.Common;
using System.Globalization;
using System.Text;
using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Reference;
using CaseDesk.Tests.Support;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.UseCases.Privacy;

/// <summary>The audit log: one row per read of personal data and per change, append-only, filterable, exportable.</summary>
public sealed class AuditTrailTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private Caller reception = default!;
    private Caller asta = default!;
    private Caller admin = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        reception = await database.CreateUserAsync("registratore", Roles.Reception);
        asta = await database.CreateUserAsync("asta", Roles.Caseworker);
        admin = await database.CreateUserAsync("admin", Roles.Admin);
        await database.PlaceInUnitAsync(asta, Casework.SocialServices);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_flow_of_reads_and_changes_yields_exactly_one_audit_row_each_naming_who_what_and_which_fields()
    {
        // 10 audited steps: 5 changes, 5 reads of personal data; reading the standard is not personal data.
        var client = await database.RegisterAsync(reception, "Ona", "Kazlauskienė", phone: "+370 600 11111");          // change 1
        var caseId = await database.OpenCaseAsync(reception, client, asta.UserId);                                     // change 2
        var card = await database.Send(new GetClient(client), asta);                                                    // read 1
        await database.Send(Casework.Edit(card, card.Version, phone: "+370 600 22222"), asta);                          // change 3
        var seen = await database.Send(new GetCase(caseId), asta);                                                      // read 2
        await database.Send(Casework.Contact(client, caseId, database.Clock.UtcDateTime), asta);                        // change 4
        await database.Send(new ListContacts(client, caseId, new ListWindow()), asta);                                  // read 3
        await database.Send(new FindClients(new ListWindow(Search: "Kazl")), reception);                                // read 4
        await database.Send(new StartService(caseId, seen.Version), asta);                                              // change 5
        await database.Send(new GetClient(client), reception);                                                          // read 5
        await database.Send(new GetStandard(), asta);                                                                   // not audited

        var audit = await database.AuditEntriesAsync();

        Assert.Equal(10, audit.Count);
        Assert.Equal(
            [nameof(RegisterClient), nameof(OpenCase), nameof(GetClient), nameof(UpdateClient), nameof(GetCase), nameof(LogContact),
             nameof(ListContacts), nameof(FindClients), nameof(StartService), nameof(GetClient)],
            audit.Select(a => a.Action));
        Assert.Equal(5, audit.Count(a => a.Kind == AuditKind.Change));
        Assert.Equal(5, audit.Count(a => a.Kind == AuditKind.Read));
        Assert.Equal([reception.UserId, reception.UserId, asta.UserId, asta.UserId, asta.UserId, asta.UserId, asta.UserId, reception.UserId, asta.UserId, reception.UserId],
            audit.Select(a => a.UserId));
        Assert.All(audit, a => Assert.Equal(database.Clock.UtcDateTime, a.AtUtc));
        var update = audit[3];
        Assert.Equal(("Client", client.ToString()), (update.EntityType, update.EntityId));
        Assert.Contains($"Client {client}: ", update.Fields);
        Assert.Contains("Phone", update.Fields);
        Assert.DoesNotContain("FirstName", update.Fields);
        Assert.Equal(client.ToString(), audit[2].EntityId);
        Assert.Contains(client.ToString(), audit[7].Fields); // the search names the clients it showed
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_audit_row()
    {
        await database.RegisterAsync(reception);
        var before = Assert.Single(await database.AuditEntriesAsync());

        // Straight to the database, past the app: on SQLite and PostgreSQL alike (quoted names work on both).
        await using var db = database.OpenDb();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var update = connection.CreateCommand();
        update.CommandText = "UPDATE \"AuditEntries\" SET \"UserName\" = 'someone else', \"Fields\" = NULL";
        var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM \"AuditEntries\"";

        var changed = await Assert.ThrowsAnyAsync<DbException>(() => update.ExecuteNonQueryAsync());
        var deleted = await Assert.ThrowsAnyAsync<DbException>(() => delete.ExecuteNonQueryAsync());

        Assert.Contains("append-only", changed.Message);
        Assert.Contains("append-only", deleted.Message);
        var after = Assert.Single(await database.AuditEntriesAsync());
        Assert.Equal((before.Id, before.UserName, before.Fields), (after.Id, after.UserName, after.Fields));

        // Rewriting the text is refused too; only clearing it (the retention job's redaction, docs/privacy.md) is let through.
        var rewrite = connection.CreateCommand();
        rewrite.CommandText = "UPDATE \"AuditEntries\" SET \"Fields\" = 'nothing to see', \"Reason\" = 'made up'";
        Assert.Contains("append-only", (await Assert.ThrowsAnyAsync<DbException>(() => rewrite.ExecuteNonQueryAsync())).Message);
        var redact = connection.CreateCommand();
        redact.CommandText = "UPDATE \"AuditEntries\" SET \"Fields\" = NULL, \"Reason\" = NULL";
        Assert.Equal(1, await redact.ExecuteNonQueryAsync());
        var redacted = Assert.Single(await database.AuditEntriesAsync());
        Assert.Equal((before.Id, before.UserName, before.Action, (string?)null), (redacted.Id, redacted.UserName, redacted.Action, redacted.Fields));
        // New rows are still welcome.
        await database.RegisterAsync(reception, "Kitas", "Klientas");
        Assert.Equal(2, (await database.AuditEntriesAsync()).Count);
    }

    [Fact]
    public async Task Entity_Framework_cannot_remove_audit_rows_either()
    {
        await database.RegisterAsync(reception);
        await using var db = database.OpenDb();
        db.AuditEntries.RemoveRange(await db.AuditEntries.ToListAsync());

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Single(await database.AuditEntriesAsync());
    }

    [Fact]
    public async Task The_list_filters_by_person_kind_action_record_and_vilnius_days_and_the_csv_holds_the_same_rows()
    {
        using var english = UiCulture.Use("en");
        var first = await database.RegisterAsync(reception, "Ona", "Pirmoji");          // day 1
        database.Clock.Advance(TimeSpan.FromDays(2));
        var second = await database.RegisterAsync(reception, "Jonas", "Antrasis");      // day 3
        await database.Send(new GetClient(second), asta);                               // day 3
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new ListAuditEntries(new ListWindow(), AuditFilter.None), asta));
        var day1 = DateOnly.FromDateTime(VilniusTime.ToLocal(database.Clock.UtcDateTime.AddDays(-2)));
        var day3 = day1.AddDays(2);

        async Task<IReadOnlyList<AuditRow>> Rows(AuditFilter filter) =>
            (await database.Send(new ListAuditEntries(new ListWindow(), filter), admin)).Items;

        // The person by login or by full name ("registratore Tester"), in any case.
        Assert.Equal([nameof(RegisterClient), nameof(RegisterClient)], (await Rows(new AuditFilter(User: "registr"))).Select(r => r.Action));
        Assert.Equal([nameof(ListAuditEntries), nameof(GetClient)], (await Rows(new AuditFilter(User: "ASTA TESTER"))).Select(r => r.Action)); // denied, then read
        // Reading the trail is itself audited: the list read just above is the newest read.
        Assert.Equal([nameof(ListAuditEntries), nameof(ListAuditEntries), nameof(GetClient)], (await Rows(new AuditFilter(Kind: AuditKind.Read))).Select(r => r.Action));
        Assert.Equal([AuditKind.Denied], (await Rows(new AuditFilter(Kind: AuditKind.Denied))).Select(r => r.Kind));
        Assert.Equal([nameof(GetClient)], (await Rows(new AuditFilter(Action: nameof(GetClient)))).Select(r => r.Action));
        // The record by its id or by the client's name (surname or first name first, without Lithuanian letters); the reads of
        // the trail that named the client are found too.
        string[] aboutSecond = [nameof(GetClient), nameof(RegisterClient)];
        Assert.Equal(aboutSecond, (await Rows(new AuditFilter(Record: second.ToString()))).Select(r => r.Action).Where(a => a != nameof(ListAuditEntries)));
        var byName = await Rows(new AuditFilter(Record: "Antrasis J"));
        Assert.Equal(aboutSecond, byName.Select(r => r.Action).Where(a => a != nameof(ListAuditEntries)));
        Assert.Contains(byName, r => r.Action == nameof(ListAuditEntries) && r.Details.Any(d => d.Contains("Jonas Antrasis")));
        Assert.Equal([nameof(RegisterClient)], (await Rows(new AuditFilter(Record: "ona pirm"))).Select(r => r.Action).Where(a => a != nameof(ListAuditEntries)));
        Assert.Equal([first], (await Rows(new AuditFilter(From: day1, To: day1))).Select(r => r.Record!.Id!.Value));
        Assert.Equal(3, (await Rows(new AuditFilter(From: day3))).Count(r => r is not { Action: nameof(ListAuditEntries), Kind: AuditKind.Read }));
        Assert.Empty(await Rows(new AuditFilter(From: day1.AddDays(1), To: day1.AddDays(1))));
        await Assert.ThrowsAsync<RequestValidationException>(() => Rows(new AuditFilter(From: day3, To: day1)));

        var filter = new AuditFilter(User: "registr");
        var csv = await database.Send(new ExportAuditEntriesCsv(filter), admin);
        var lines = ReadCsv(csv.Content);

        Assert.Equal(["Time (Vilnius)", "Person", "Role", "Action", "Kind", "Record", "Details", "Reason", "Outside the unit",
            "Login", "Request (code)", "Record type (code)", "Record id", "Audit row id"], lines[0]);
        Assert.Equal((await Rows(filter)).Select(r => r.Id.ToString(CultureInfo.InvariantCulture)), lines.Skip(1).Select(l => l[13]));
        Assert.All(lines.Skip(1), l => Assert.Equal(("registratore Tester", "Reception", "Register a client", "Data changed", "registratore", nameof(RegisterClient)),
            (l[1], l[2], l[3], l[4], l[9], l[10])));
        Assert.Equal(["Client: Jonas Antrasis", "Client: Ona Pirmoji"], lines.Skip(1).Select(l => l[5]));
        Assert.Equal(new HashSet<Guid> { first, second }, csv.ClientsNamed.ToHashSet());
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new ExportAuditEntriesCsv(filter), asta));
    }

    private static List<string[]> ReadCsv(byte[] csv)
    {
        using var reader = new StreamReader(new MemoryStream(csv), Encoding.UTF8);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        var lines = new List<string[]>();
        while (parser.Read())
            lines.Add(parser.Record!);
        return lines;
    }
}
