using CaseDesk.Domain;
using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Tests.Support;
using System.Data.Common;
using CaseDesk.Domain.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseDesk.Tests.UseCases.Privacy;

/// <summary>
/// Issue 16: the audit log reads as an auditor needs it: the action by its name, the person by name and role, the record by
/// its human reference, the system only when it was the system; every request the domain has gets a name.
/// </summary>
public sealed class AuditLogReadingTests : IAsyncLifetime
{
    private static readonly Type[] DomainRequests = typeof(DependencyInjection).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false }
            && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))
        .ToArray();

    private TestDatabase database = default!;
    private Caller reception = default!;
    private Caller asta = default!;
    private Caller officer = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        reception = await database.CreateUserAsync("registratore", Roles.Reception);
        asta = await database.CreateUserAsync("asta", Roles.Caseworker, Roles.Head);
        officer = await database.CreateUserAsync("kokybe", Roles.QualityOfficer);
        await database.PlaceInUnitAsync(asta, Casework.SocialServices);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public void Every_request_type_of_the_domain_has_an_action_name()
    {
        Assert.Contains(typeof(GetClient), DomainRequests);
        var unnamed = DomainRequests.Where(t => !AuditNames.Actions.ContainsKey(t.Name)).Select(t => t.FullName).Order().ToList();

        Assert.True(unnamed.Count == 0,
            "These requests reach the audit log as code names: give them a name in AuditNames.Actions (and Lithuanian in DomainText.lt.resx): "
            + string.Join(", ", unnamed));
    }

    [Fact]
    public void Every_action_name_stands_for_a_request_that_exists()
    {
        var requests = DomainRequests.Select(t => t.Name).ToHashSet();

        Assert.All(AuditNames.Actions.Keys, name => Assert.Contains(name, requests));
    }

    [Fact]
    public void Every_stored_record_type_has_a_name()
    {
        using var db = database.OpenDb();
        var unnamed = db.Model.GetEntityTypes().Where(e => !e.IsOwned()).Select(e => e.ClrType.Name)
            .Where(name => !AuditNames.RecordTypes.ContainsKey(name)).Order().ToList();

        Assert.True(unnamed.Count == 0, "Name these record types in AuditNames.RecordTypes: " + string.Join(", ", unnamed));
    }

    [Fact]
    public void Every_name_has_its_lithuanian_text()
    {
        using var lithuanian = UiCulture.Use("lt-LT");
        var english = AuditNames.Actions.Values.Concat(AuditNames.RecordTypes.Values).Distinct();

        var untranslated = english.Where(e => DomainText.T(e) == e).ToList();

        Assert.True(untranslated.Count == 0, "Add to DomainText.lt.resx: " + string.Join(" | ", untranslated));
        Assert.Equal("Kliento kortelės peržiūra", AuditNames.Action(nameof(GetClient)));
        Assert.Equal("Sąrašo „Mano darbai“ peržiūra", AuditNames.Action("GetMyWork"));
        Assert.Equal("Sistema (automatinis darbas)", AuditNames.SystemName);
        Assert.All(Enum.GetValues<AuditKind>(), k => Assert.NotEqual(k.ToString(), AuditNames.Kind(k)));
        Assert.All(Roles.All, r => Assert.NotEqual(r, AuditNames.Role(r)));
    }

    [Fact]
    public async Task A_row_names_the_person_and_role_the_action_and_the_record_and_folds_its_details_into_human_lines()
    {
        using var lithuanian = UiCulture.Use("lt-LT");
        var client = await database.RegisterAsync(reception, "Ona", "Kazlauskienė");
        var caseId = await database.OpenCaseAsync(reception, client, asta.UserId);
        var seen = await database.Send(new GetCase(caseId), asta);
        await database.Send(new StartService(caseId, seen.Version), asta);
        await database.Send(new FindClients(new ListWindow(Search: "Kazl")), reception);
        await database.Send(new NotifyBreaches(), Caller.System);
        var number = seen.Number;

        var page = await database.Send(new ListAuditEntries(new ListWindow(), AuditFilter.None), officer);
        var rows = page.Items.Reverse().ToList(); // oldest first

        var registered = rows[0];
        Assert.Equal(("Kliento registravimas", "Pakeisti duomenys"), (registered.ActionName, registered.KindName));
        Assert.Equal(("registratore Tester", "Priimamasis / skambučių centras", false), (registered.Person.Name, registered.Person.Roles, registered.Person.IsSystem));
        Assert.Equal("Klientas: Ona Kazlauskienė", registered.Record!.Display);
        Assert.Contains("Klientas: Ona Kazlauskienė – sukurta", registered.Details);
        Assert.DoesNotContain(registered.Details, d => d.Contains(client.ToString()));

        var opened = rows[1];
        Assert.Equal(("Naujo atvejo pradėjimas", $"Atvejis: {number}, Ona Kazlauskienė"), (opened.ActionName, opened.Record!.Display));
        Assert.Contains(opened.Details, d => d.StartsWith("Atvejo būsenos pakeitimas – sukurta (×", StringComparison.Ordinal));

        var read = rows[2];
        Assert.Equal(("Atvejo peržiūra", "Peržiūrėti duomenys"), (read.ActionName, read.KindName));
        Assert.Equal("asta Tester (Atvejo vadybininkas, Vadovas)", read.Person.Display);

        var started = rows[3];
        Assert.Equal("Paslaugos teikimo pradžios įrašymas", started.ActionName);
        Assert.Contains(started.Details, d => d.StartsWith($"Atvejis: {number}, Ona Kazlauskienė – pakeista: ", StringComparison.Ordinal));
        Assert.DoesNotContain(started.Details, d => d.Contains(nameof(IVersioned.Version)));

        var search = rows[4];
        Assert.Null(search.Record); // a search has no single record: the clients it showed are in its details
        Assert.Equal(["Parodyti klientai (1): Ona Kazlauskienė"], search.Details);

        Assert.Contains(rows, r => r.Action == nameof(NotifyBreaches) && r.Person is { IsSystem: true, Name: "Sistema (automatinis darbas)" });
        Assert.DoesNotContain(rows, r => r.Action != nameof(NotifyBreaches) && r.Person.IsSystem);

        // Reading the page named the client: the read's own audit row says so.
        Assert.Equal([client], page.ClientsNamed);
        var own = (await database.AuditEntriesAsync()).Last();
        Assert.Equal((nameof(ListAuditEntries), AuditKind.Read, officer.UserId), (own.Action, own.Kind, own.UserId));
        Assert.Contains(client.ToString(), own.Fields);
    }

    [Fact]
    public async Task The_references_of_a_page_are_looked_up_once_per_kind_of_record_not_once_per_row()
    {
        for (var i = 0; i < 12; i++)
        {
            var client = await database.RegisterAsync(reception, "Vardas", $"Pavardenis{(char)('a' + i)}"); // a name holds no digits
            await database.OpenCaseAsync(reception, client, asta.UserId);
        }
        var counter = new QueryCounter();
        var options = new DbContextOptionsBuilder<CaseDeskDb>();
        database.Settings.Apply(options).AddInterceptors(counter);
        await using var db = new CaseDeskDb(options.Options);
        var stored = await (await db.FilteredAsync(AuditFilter.None, default)).OrderByDescending(a => a.Id).Stored().ToListAsync();
        counter.Count = 0;
        var rows = await new AuditRowReader(db).ReadAsync(stored, default);

        Assert.Equal(24, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("Vardas Pavardenis", r.Record!.Reference!.Split(", ").Last(), StringComparison.Ordinal));
        Assert.InRange(counter.Count, 1, 6); // cases, clients, staff, roles: not 24 of each
    }

    private sealed class QueryCounter : DbCommandInterceptor
    {
        public int Count { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
