using System.Collections.Concurrent;
using System.Diagnostics;
using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CaseDesk.Tests.Resilience;

/// <summary>
/// Twenty writers on one SQLite file for 30 seconds through the real sender: half log contacts, half
/// increment a counter kept in two clients' address with the version they read. No "database is
/// locked" (or any other error) reaches a writer, and no update is lost: each counter equals the
/// number of its successful updates; every other edit got a conflict, not a silent overwrite.
/// </summary>
public sealed class ConcurrentWritersTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);
    private const int Writers = 20;

    [Fact]
    public async Task Twenty_writers_for_thirty_seconds_get_no_locked_database_and_lose_no_update()
    {
        await using var db = await TestDatabase.CreateAsync();
        var caseworker = await db.CreateCallerAsync(Roles.Caseworker);
        var clients = new List<Guid>();
        for (var i = 0; i < 10; i++)
            clients.Add(await db.RegisterAsync(caseworker, "Klientas", $"Nr{(char)('a' + i)}"));
        var counters = new[]
        {
            await db.RegisterAsync(caseworker, "Skaitiklis", "Pirmas"),
            await db.RegisterAsync(caseworker, "Skaitiklis", "Antras"),
        };
        foreach (var id in counters)
        {
            var start = await db.Send(new GetClient(id), caseworker);
            await db.Send(Casework.Edit(start, start.Version) with { Address = "0" }, caseworker);
        }

        var failures = new ConcurrentQueue<string>();
        var logged = 0;
        var conflicts = 0;
        var increments = new int[counters.Length];
        var clock = Stopwatch.StartNew();

        async Task LogContacts(int writer)
        {
            for (var n = 0; clock.Elapsed < Duration; n++)
            {
                var promises = n % 4 == 0 ? [new PromiseInput($"Pažadas {writer}-{n}", db.Clock.GetUtcNow().UtcDateTime.AddDays(2))] : Array.Empty<PromiseInput>();
                try
                {
                    await db.Send(Casework.Contact(clients[(writer + n) % clients.Count], null, db.Clock.GetUtcNow().UtcDateTime.AddHours(-1),
                        summary: $"load-{writer}-{n}", promises: promises), caseworker);
                    Interlocked.Increment(ref logged);
                }
                catch (Exception e)
                {
                    failures.Enqueue($"LogContact {writer}-{n}: {e.GetType().Name}: {e.Message}");
                }
            }
        }

        async Task Increment(int writer)
        {
            var which = writer / 2 % counters.Length;
            for (var n = 0; clock.Elapsed < Duration; n++)
            {
                try
                {
                    var current = await db.Send(new GetClient(counters[which]), caseworker);
                    var next = int.Parse(current.Address!) + 1;
                    await db.Send(Casework.Edit(current, current.Version) with { Address = next.ToString() }, caseworker);
                    Interlocked.Increment(ref increments[which]);
                }
                catch (ConcurrencyConflictException)
                {
                    Interlocked.Increment(ref conflicts);
                }
                catch (Exception e)
                {
                    failures.Enqueue($"UpdateClient {writer}-{n}: {e.GetType().Name}: {e.Message}");
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() => w % 2 == 0 ? LogContacts(w) : Increment(w))));
        output.WriteLine($"{Duration.TotalSeconds:0} s, {Writers} writers: {logged} contacts, {increments.Sum()} increments, {conflicts} conflicts, {failures.Count} failures");

        Assert.Empty(failures.Take(20));
        Assert.True(logged > 0 && increments.All(i => i > 0), "Every kind of writer made progress.");
        for (var i = 0; i < counters.Length; i++)
        {
            var stored = await db.Send(new GetClient(counters[i]), caseworker);
            Assert.Equal(increments[i].ToString(), stored.Address);
        }
        Assert.Equal(logged, await db.ReadAsync(d => d.Contacts.CountAsync(c => c.Summary.StartsWith("load-"))));
        Assert.Equal(logged, await db.ReadAsync(d => d.AuditEntries.CountAsync(a => a.Action == nameof(LogContact) && a.Kind == AuditKind.Change)));
        Assert.Equal(increments.Sum() + counters.Length,
            await db.ReadAsync(d => d.AuditEntries.CountAsync(a => a.Action == nameof(UpdateClient) && a.Kind == AuditKind.Change)));
    }
}
