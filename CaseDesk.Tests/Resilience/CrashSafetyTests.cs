using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseDesk.Domain.Audit;
using CaseDesk.Tests.Browser;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CaseDesk.Tests.Resilience;

/// <summary>
/// The real app process takes a burst of contact writes over HTTP from several signed-in clients and is
/// SIGKILLed in the middle of it. After a restart on the same file every write the app acknowledged is
/// there, whole (its promises and its audit row), and the file passes SQLite's integrity check.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Clients = 4;
    private const int PostsPerClient = 600;
    private const int KillAfterAcknowledged = 1000;

    private sealed record Sent(int Client, int Number, Guid ClientId, Guid? CaseId, string Summary, string? Promise);

    [Fact]
    public async Task Every_write_acknowledged_before_a_SIGKILL_is_stored_whole_after_the_restart()
    {
        await using var app = new AppProcess();
        await app.StartAsync();
        await using var domain = new DomainAccess(app);
        var targets = await domain.ReadAsync(db => db.Cases.Where(c => c.ClosedAtUtc == null)
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.ClientId }).Take(20).ToListAsync());
        Assert.NotEmpty(targets);

        var users = new[] { "reception", "caseworker", "caseworker2", "head" };
        var sessions = await Task.WhenAll(users.Select(u => ApiSession.SignInAsync(app.BaseAddress, u)));
        var acknowledged = new ConcurrentDictionary<Guid, Sent>();
        var attempted = 0;
        var killed = new TaskCompletionSource();
        var since = TimeProvider.System.GetUtcNow().UtcDateTime;

        async Task Drive(int client)
        {
            var session = sessions[client];
            for (var n = 0; n < PostsPerClient && !killed.Task.IsCompleted; n++)
            {
                var target = targets[(client * 7 + n) % targets.Count];
                var sent = new Sent(client, n, target.ClientId, n % 2 == 0 ? target.Id : null,
                    $"crash-{client}-{n}: Konsultacija dėl pašalpos ąčęėįšųūž", n % 3 == 0 ? $"crash-promise {client}-{n}" : null);
                Interlocked.Increment(ref attempted);
                HttpResponseMessage response;
                try
                {
                    response = await session.PostContactAsync(new
                    {
                        sent.ClientId, sent.CaseId, Touchpoint = 3, Channel = "PhoneIn", Direction = "FromClient",
                        OccurredAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1), sent.Summary, Discussed = "Aptarta",
                        Promises = sent.Promise is null ? Array.Empty<object>() : [new { Text = sent.Promise, DueAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(3) }],
                    });
                }
                catch (HttpRequestException) when (killed.Task.IsCompleted)
                {
                    return; // the connection died with the process: not acknowledged
                }
                catch (TaskCanceledException) when (killed.Task.IsCompleted)
                {
                    return;
                }
                using (response)
                {
                    if (response.StatusCode != HttpStatusCode.Created)
                        throw new InvalidOperationException($"POST {client}-{n}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                    Assert.True(acknowledged.TryAdd(id, sent));
                    // The flag goes up before the kill: the other clients' requests cut off by it must read as "killed".
                    if (acknowledged.Count >= KillAfterAcknowledged && killed.TrySetResult())
                        app.Kill();
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(() => Drive(c))));
        foreach (var session in sessions)
            session.Dispose();
        Assert.True(killed.Task.IsCompleted, $"The burst ended before {KillAfterAcknowledged} acknowledgements; nothing was killed.");
        var ackedAtKill = acknowledged.Count;
        output.WriteLine($"attempted {attempted}, acknowledged {ackedAtKill} before SIGKILL");

        await app.StartAsync();

        var stored = await domain.ReadAsync(db => db.Contacts.AsNoTracking().Where(c => c.Summary.StartsWith("crash-"))
            .Select(c => new { c.Id, c.ClientId, c.CaseId, c.Summary, c.Touchpoint, c.Discussed }).ToListAsync());
        var promises = await domain.ReadAsync(db => db.Promises.AsNoTracking().Where(p => p.Text.StartsWith("crash-promise "))
            .Select(p => new { p.ContactId, p.Text, p.ClientId }).ToListAsync());
        var audit = await domain.ReadAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "LogContact" && a.Kind == AuditKind.Change && a.AtUtc >= since).Select(a => a.Fields).ToListAsync());
        var auditedContacts = audit.SelectMany(f => (f ?? "").Split("; "))
            .Where(f => f.StartsWith("Contact ", StringComparison.Ordinal) && f.EndsWith(": created", StringComparison.Ordinal))
            .Select(f => Guid.Parse(f["Contact ".Length..^": created".Length])).ToList();

        var byId = stored.ToDictionary(c => c.Id);
        foreach (var (id, sent) in acknowledged)
        {
            Assert.True(byId.TryGetValue(id, out var contact), $"Acknowledged contact {sent.Client}-{sent.Number} ({id}) is missing after the restart.");
            Assert.Equal((sent.ClientId, sent.CaseId, sent.Summary, 3, "Aptarta"),
                (contact.ClientId, contact.CaseId, contact.Summary, contact.Touchpoint, contact.Discussed));
            Assert.Equal(sent.Promise is null ? [] : [sent.Promise], promises.Where(p => p.ContactId == id).Select(p => p.Text).ToList());
        }
        // Nothing half-written: every stored contact (acknowledged or caught by the kill after its commit) has its audit
        // row and the promise its request carried; no promise or audit row exists without its contact.
        Assert.InRange(stored.Count, ackedAtKill, attempted);
        Assert.Equal(stored.Select(c => c.Id).Order(), auditedContacts.Order());
        Assert.All(promises, p => Assert.True(p.ContactId is { } owner && byId.ContainsKey(owner), $"Promise '{p.Text}' has no contact."));
        Assert.Equal(stored.Count(c => int.Parse(c.Summary.Split('-', ':')[2]) % 3 == 0), promises.Count);
        output.WriteLine($"stored after restart {stored.Count} (acknowledged {ackedAtKill}), promises {promises.Count}, audit rows {auditedContacts.Count}");

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = app.DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", await check.ExecuteScalarAsync());
    }
}
