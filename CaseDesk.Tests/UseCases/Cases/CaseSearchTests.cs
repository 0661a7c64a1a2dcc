using System.Collections.Concurrent;
using System.Data.Common;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.UseCases.Cases;

/// <summary>Issue 14: the case list's search box finds a case by a fragment of its number and by the service asked for, in SQL.</summary>
public sealed class CaseSearchTests : IAsyncLifetime
{
    private readonly CaseCommands commands = new();
    private TestDatabase database = default!;
    private Caller reception = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(services: s => s.ConfigureDbContext<CaseDeskDb>(options => options.AddInterceptors(commands)));
        reception = await database.CreateCallerAsync(Roles.Reception);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<IReadOnlyList<CaseRow>> SearchAsync(string text, int take = 25)
    {
        commands.Clear();
        return (await database.Send(new ListCases(CaseScope.All, new ListWindow(0, take, nameof(CaseRow.Number), false, text)), reception)).Items;
    }

    [Fact]
    public async Task A_fragment_of_the_number_finds_the_case()
    {
        var client = await database.RegisterAsync(reception, "Ona", "Žukauskaitė");
        var ids = new List<Guid>();
        for (var i = 0; i < 88; i++)
            ids.Add(await database.OpenCaseAsync(reception, client));
        var eightySeventh = ids[86];
        var number = await database.ReadAsync(db => db.Cases.Where(c => c.Id == eightySeventh).Select(c => c.Number).SingleAsync());
        Assert.EndsWith("-000087", number);

        Assert.Equal([eightySeventh], (await SearchAsync("87")).Select(r => r.Id));
        Assert.Equal([eightySeventh], (await SearchAsync("000087")).Select(r => r.Id));
        // The number's whole tail and its prefix form keep working.
        Assert.Equal([eightySeventh], (await SearchAsync(number)).Select(r => r.Id));
        Assert.Equal([eightySeventh], (await SearchAsync(number.ToLowerInvariant())).Select(r => r.Id));
    }

    [Fact]
    public async Task The_service_name_finds_the_case_and_the_filter_runs_in_the_query()
    {
        var ona = await database.RegisterAsync(reception, "Ona", "Žukauskaitė");
        var jonas = await database.RegisterAsync(reception, "Jonas", "Petraitis");
        var transport = await database.OpenCaseAsync(reception, ona, service: "Transporto paslauga");
        await database.OpenCaseAsync(reception, ona, service: "Pagalba namuose");
        var transportToo = await database.OpenCaseAsync(reception, jonas, service: "Socialinio transporto paslauga");
        await database.OpenCaseAsync(reception, jonas, service: "Socialinė pašalpa");

        Assert.Equal([transport, transportToo], (await SearchAsync("transport")).Select(r => r.Id));
        Assert.Equal([transport], (await SearchAsync("transporto paslauga", take: 1)).Select(r => r.Id));
        // The client's name still finds all of their cases.
        Assert.Equal(2, (await SearchAsync("Petraitis")).Count);

        // In SQL: the rows are read with the search condition and the page limit, not filtered after reading every case.
        await SearchAsync("transport", take: 1);
        var read = Assert.Single(commands.Texts, t => t.Contains("FROM \"Cases\"", StringComparison.Ordinal) && t.Contains("LIMIT", StringComparison.Ordinal));
        Assert.Contains("\"ServiceKey\"", read);
        Assert.Contains("\"Number\"", read);
        var count = Assert.Single(commands.Texts, t => t.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase) && t.Contains("FROM \"Cases\"", StringComparison.Ordinal));
        Assert.Contains("\"ServiceKey\"", count);
    }

    [Fact]
    public async Task The_service_is_found_without_its_diacritics_and_in_any_case_on_every_engine()
    {
        var ona = await database.RegisterAsync(reception, "Ona", "Žukauskaitė");
        var allowance = await database.OpenCaseAsync(reception, ona, service: "Socialinė pašalpa");
        await database.OpenCaseAsync(reception, ona, service: "Pagalba namuose");

        Assert.Equal([allowance], (await SearchAsync("pasalpa")).Select(r => r.Id));
        Assert.Equal([allowance], (await SearchAsync("PAŠALPA")).Select(r => r.Id));
        Assert.Equal([allowance], (await SearchAsync("SOCIALINE")).Select(r => r.Id));
        Assert.Empty(await SearchAsync("pašalpos"));
    }

    [Fact]
    public async Task Like_wildcards_typed_in_the_box_are_plain_text()
    {
        var client = await database.RegisterAsync(reception);
        await database.OpenCaseAsync(reception, client, service: "Pagalba namuose");

        Assert.Empty(await SearchAsync("%"));
        Assert.Empty(await SearchAsync("_"));
    }

    /// <summary>The SQL the list sent.</summary>
    private sealed class CaseCommands : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> texts = new();

        public IReadOnlyCollection<string> Texts => texts;

        public void Clear() => texts.Clear();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            texts.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            texts.Enqueue(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
