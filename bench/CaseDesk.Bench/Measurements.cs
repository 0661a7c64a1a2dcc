using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Bench;

/// <summary>
/// Hand-written harness: every call goes through <see cref="ICaseDeskSender"/> (authorization, validation,
/// audit/transaction, handler) and is timed on its own with a Stopwatch after a warm-up, so the figures are
/// per-request latency distributions (median, p95) and, for LogContact, completed requests per second.
/// </summary>
internal sealed class Measurements(ServiceProvider provider, SqlCapture capture, BenchOptions options)
{
    private const double SearchTargetMs = 50;
    private const double ListTargetMs = 50;
    private const double ContactsPerSecondTarget = 500;

    /// <summary>Common surname, another common stem, first name first, diacritics left out (Žuk…), a first name alone.</summary>
    private static readonly string[] Prefixes = ["Kaz", "Petr", "Jonas Kaz", "zuk", "Ona"];

    private readonly ICaseDeskSender sender = provider.GetRequiredService<ICaseDeskSender>();
    private readonly StringBuilder md = new();
    private readonly List<bool> met = [];

    public bool AllTargetsMet => met.Count > 0 && met.All(m => m);

    public async Task<string> PlansOnlyAsync()
    {
        var (reception, heavy, _) = await CallersAsync();
        await PlansAsync(reception, heavy);
        return md.ToString();
    }

    public async Task<string> RunAsync()
    {
        Line("# CaseDesk benchmark results");
        Line();
        await DescribeAsync();
        var (reception, heavy, typical) = await CallersAsync();
        await PlansAsync(reception, heavy);
        await SearchAsync(reception);
        await CaseListAsync(heavy, typical);
        await LogContactAsync(heavy);
        Line($"All targets met: **{(AllTargetsMet ? "yes" : "no")}**");
        return md.ToString();
    }

    // ---------- setting ----------

    private async Task DescribeAsync()
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
        Line("## Machine and data");
        Line();
        Line($"- {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
        Line($"- load average at start: {LoadAverage()}");
        await db.Database.OpenConnectionAsync();
        journal = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync() is [var mode] ? mode : "?";
        synchronous = (await db.Database.SqlQueryRaw<int>("PRAGMA synchronous").ToListAsync()) is [var level] ? level switch
        {
            0 => "OFF", 1 => "NORMAL", 2 => "FULL", 3 => "EXTRA", _ => level.ToString(),
        } : "?";
        await db.Database.CloseConnectionAsync();
        Line($"- SQLite journal_mode={journal}, synchronous={synchronous}{(options.Synchronous is null ? " (the app's setting)" : " (**overridden by --synchronous**, not the app's setting)")}");
        Line($"- database {options.Db}: {new FileInfo(options.Db).Length / 1024.0 / 1024.0:F0} MiB");
        Line($"- clients {await db.Clients.CountAsync():N0}, cases {await db.Cases.CountAsync():N0} (open {await db.Cases.CountAsync(c => c.Status != CaseStatus.Closed):N0}), " +
             $"contacts {await db.Contacts.CountAsync():N0}, promises {await db.Promises.CountAsync():N0}, audit rows {await db.AuditEntries.CountAsync():N0}");
        Line($"- harness: {options.Warmup} warm-up calls, then {options.Iterations} timed calls per read scenario, scenarios interleaved round-robin; " +
             $"LogContact for {options.Seconds} s per sender count after {options.Warmup * 2} warm-up contacts");
        Line();
    }

    private async Task<(Caller Reception, Caller Heavy, Caller Typical)> CallersAsync()
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
        var reception = await db.Users.Where(u => u.UserName == "reception").Select(u => new { u.Id, u.UserName }).SingleAsync();
        var loads = await db.Cases.Where(c => c.Status != CaseStatus.Closed && c.AssignedToUserId != null)
            .GroupBy(c => c.AssignedToUserId!).Select(g => new { UserId = g.Key, Open = g.Count() })
            .OrderByDescending(g => g.Open).ToListAsync();
        var heavy = loads[0];
        var typical = loads[loads.Count / 2];
        var names = await db.Users.Where(u => u.Id == heavy.UserId || u.Id == typical.UserId).ToDictionaryAsync(u => u.Id, u => u.UserName!);
        heavyOpen = heavy.Open;
        typicalOpen = typical.Open;
        return (new Caller(reception.Id, reception.UserName!, new HashSet<string> { Roles.Reception }),
            new Caller(heavy.UserId, names[heavy.UserId], new HashSet<string> { Roles.Caseworker }),
            new Caller(typical.UserId, names[typical.UserId], new HashSet<string> { Roles.Caseworker }));
    }

    private int heavyOpen, typicalOpen;
    private string journal = "?", synchronous = "?";

    // ---------- query plans ----------

    private async Task PlansAsync(Caller reception, Caller heavy)
    {
        Line("## Query plans");
        Line();
        Line("The SQL below is what EF Core sent during one real call through the sender (captured by a command interceptor, " +
             "with its parameter values), followed by SQLite's `EXPLAIN QUERY PLAN` for it. The audit INSERT is left out.");
        Line();
        foreach (var prefix in new[] { "Kaz", "Jonas Kaz" })
        {
            await PlanOfAsync($"FindClients \"{prefix}\"", () => sender.Send(new FindClients(new ListWindow(0, 25, Search: prefix)), reception),
                ["IX_Clients_NameKey", "IX_Clients_FirstNameKey"]);
        }
        await PlanOfAsync("ListCases Mine, first page by due date", () => sender.Send(new ListCases(CaseScope.Mine, new ListWindow(0, 25, nameof(CaseRow.DueAtUtc))), heavy),
            ["IX_Cases_OpenByAssignee"]);
    }

    private async Task PlanOfAsync<T>(string title, Func<Task<T>> call, string[] expectedIndexes)
    {
        await call(); // warm: the captured run is a steady-state one
        var commands = await capture.RecordAsync(call);
        Line($"### {title}");
        Line();
        var plans = new StringBuilder();
        await using var connection = new SqliteConnection($"Data Source={options.Db};Mode=ReadOnly");
        await connection.OpenAsync();
        foreach (var command in commands.Where(c => c.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)))
        {
            Line("```sql");
            Line(command.Sql.Trim());
            if (command.Parameters.Count > 0)
                Line("-- " + string.Join(", ", command.Parameters.Select(p => $"{p.Name} = {Format(p.Value)}")));
            Line("```");
            var plan = await ExplainAsync(connection, command);
            plans.AppendLine(plan);
            Line("```text");
            Line(plan);
            Line("```");
            Line();
        }
        var missing = expectedIndexes.Where(i => !plans.ToString().Contains(i, StringComparison.Ordinal)).ToList();
        Line(missing.Count == 0
            ? $"Uses {string.Join(" and ", expectedIndexes.Select(i => $"`{i}`"))}: yes."
            : $"**Does not use {string.Join(", ", missing)}.**");
        Line();
    }

    private static async Task<string> ExplainAsync(SqliteConnection connection, CapturedCommand captured)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + captured.Sql;
        foreach (var (name, value) in captured.Parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var rows = new List<(long Id, long Parent, string Detail)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(3)));
        }
        var text = new StringBuilder();
        void Print(long parent, int depth)
        {
            foreach (var row in rows.Where(r => r.Parent == parent))
            {
                text.Append(new string(' ', depth * 2)).Append(depth == 0 ? "" : "`--").AppendLine(row.Detail);
                Print(row.Id, depth + 1);
            }
        }
        Print(0, 0);
        return text.ToString().TrimEnd();
    }

    private static string Format(object? value) => value switch
    {
        null or DBNull => "NULL",
        string s => $"'{s}'",
        _ => value.ToString() ?? "",
    };

    // ---------- reads ----------

    private async Task SearchAsync(Caller reception)
    {
        Line("## (a) Client search by name prefix, first page of 25");
        Line();
        Line($"Caller: `{reception.UserName}` (Reception). `FindClients(new ListWindow(0, 25, Search: prefix))`, sorted by name. Target: median < {SearchTargetMs} ms.");
        Line();
        Line("| prefix | matches (Total) | median ms | p95 ms | p99 ms | max ms | CPU ms/call | target met |");
        Line("|---|---:|---:|---:|---:|---:|---:|---|");
        var requests = Prefixes.Select(p => new FindClients(new ListWindow(0, 25, Search: p))).ToList();
        var totals = new List<int>();
        foreach (var request in requests)
            totals.Add((await sender.Send(request, reception)).Total);
        var stats = await LatencyAsync(requests.Select(r => (Func<Task>)(() => sender.Send(r, reception))).ToList());
        var all = new List<double>();
        for (var i = 0; i < requests.Count; i++)
        {
            all.AddRange(stats[i].Samples);
            Row($"`{Prefixes[i]}`", totals[i].ToString("N0"), stats[i], SearchTargetMs);
        }
        var overall = Stats.Of(all);
        Row("all prefixes", "", overall, SearchTargetMs);
        Line();
    }

    private async Task CaseListAsync(Caller heavy, Caller typical)
    {
        Line("## (b) The caseworker's case list: ListCases(Mine), first page of 25 by due date");
        Line();
        Line($"Target: median < {ListTargetMs} ms.");
        Line();
        Line("| caseworker | open cases | median ms | p95 ms | p99 ms | max ms | CPU ms/call | target met |");
        Line("|---|---:|---:|---:|---:|---:|---:|---|");
        var request = new ListCases(CaseScope.Mine, new ListWindow(0, 25, nameof(CaseRow.DueAtUtc)));
        var stats = await LatencyAsync([() => sender.Send(request, heavy), () => sender.Send(request, typical)]);
        Row($"`{heavy.UserName}` (most open cases)", heavyOpen.ToString("N0"), stats[0], ListTargetMs);
        Row($"`{typical.UserName}` (median load)", typicalOpen.ToString("N0"), stats[1], ListTargetMs);
        Line();
    }

    /// <summary>
    /// Warms every scenario up, then times them round-robin (one call of each per round), so JIT tiering in the
    /// background and load spikes from other processes fall on all scenarios alike instead of on the first one.
    /// </summary>
    private async Task<Stats[]> LatencyAsync(IReadOnlyList<Func<Task>> calls)
    {
        for (var i = 0; i < options.Warmup; i++)
            foreach (var call in calls)
                await call();
        var samples = calls.Select(_ => new double[options.Iterations]).ToArray();
        var cpu = new TimeSpan[calls.Count];
        var watch = new Stopwatch();
        for (var i = 0; i < options.Iterations; i++)
        {
            for (var j = 0; j < calls.Count; j++)
            {
                var before = CpuTime();
                watch.Restart();
                await calls[j]();
                samples[j][i] = watch.Elapsed.TotalMilliseconds;
                cpu[j] += CpuTime() - before;
            }
        }
        return samples.Select((s, j) => Stats.Of(s) with { CpuMs = cpu[j].TotalMilliseconds / options.Iterations }).ToArray();
    }

    private void Row(string name, string count, Stats s, double targetMs)
    {
        var ok = s.Median < targetMs;
        met.Add(ok);
        Line($"| {name} | {count} | {s.Median:F2} | {s.P95:F2} | {s.P99:F2} | {s.Max:F2} | {s.CpuMs:F2} | {(ok ? "yes" : "**no**")} |");
        Console.WriteLine($"  {name}: median {s.Median:F2} ms, p95 {s.P95:F2} ms");
    }

    // ---------- LogContact throughput ----------

    private async Task LogContactAsync(Caller caseworker)
    {
        List<(Guid CaseId, Guid ClientId)> targets;
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
            targets = (await db.Cases.AsNoTracking()
                .Where(c => c.AssignedToUserId == caseworker.UserId && c.Status != CaseStatus.Closed)
                .Select(c => new { c.Id, c.ClientId }).Take(2000).ToListAsync())
                .Select(c => (c.Id, c.ClientId)).ToList();
        }

        Line("## (c) Logging a contact through the full pipeline");
        Line();
        Line($"Caller: `{caseworker.UserName}` (Caseworker). Each request is a `LogContact` on one of the caller's {targets.Count:N0} open cases " +
             "(touchpoint 9, office visit, summary + discussed + decided + next step, no promises): authorization → validation " +
             "(client exists, case belongs to client) → BEGIN IMMEDIATE → handler (loads the case, inserts the contact) → audit row → COMMIT " +
             $"({journal}, synchronous={synchronous}). Target: at least {ContactsPerSecondTarget} per second.");
        Line();
        Line("| concurrent senders | contacts logged | failed | contacts/s | median ms | p95 ms | p99 ms | CPU ms/contact |");
        Line("|---:|---:|---:|---:|---:|---:|---:|---:|");

        var next = 0;
        LogContact NextRequest()
        {
            var (caseId, clientId) = targets[(int)((uint)Interlocked.Increment(ref next) % (uint)targets.Count)];
            return new LogContact(clientId, caseId, 9, ContactChannel.OfficeVisit, ContactDirection.FaceToFace, DateTime.UtcNow.AddMinutes(-5),
                "Aptartas paslaugų planas ir tolesni žingsniai", "Aptarta, kas padės klientui kasdienėje veikloje.",
                "Paslauga bus teikiama du kartus per savaitę.", null, "Paskambinti klientui, kai bus priimtas sprendimas.", null, null, []);
        }

        for (var i = 0; i < options.Warmup * 2; i++)
            await sender.Send(NextRequest(), caseworker);

        var best = 0.0;
        foreach (var senders in options.Senders)
        {
            var errors = new ConcurrentBag<string>();
            var cpu = CpuTime();
            var watch = Stopwatch.StartNew();
            var duration = TimeSpan.FromSeconds(options.Seconds);
            var workers = Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
            {
                var latencies = new List<double>();
                var call = new Stopwatch();
                while (watch.Elapsed < duration)
                {
                    call.Restart();
                    try
                    {
                        await sender.Send(NextRequest(), caseworker);
                        latencies.Add(call.Elapsed.TotalMilliseconds);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        errors.Add($"{e.GetType().Name}: {e.Message}");
                    }
                }
                return latencies;
            })).ToList();
            var results = await Task.WhenAll(workers);
            watch.Stop();
            var all = results.SelectMany(l => l).ToList();
            var perSecond = all.Count / watch.Elapsed.TotalSeconds;
            best = Math.Max(best, perSecond);
            var s = Stats.Of(all);
            var cpuPerContact = (CpuTime() - cpu).TotalMilliseconds / Math.Max(1, all.Count);
            Line($"| {senders} | {all.Count:N0} | {errors.Count:N0} | {perSecond:F0} | {s.Median:F2} | {s.P95:F2} | {s.P99:F2} | {cpuPerContact:F2} |");
            Console.WriteLine($"  LogContact x{senders}: {perSecond:F0}/s, median {s.Median:F2} ms, errors {errors.Count}");
            foreach (var error in errors.Distinct().Take(3))
                Console.WriteLine("    " + error);
        }
        var ok = best >= ContactsPerSecondTarget;
        met.Add(ok);
        Line();
        Line($"Best: {best:F0} contacts/s; target {ContactsPerSecondTarget}/s met: {(ok ? "yes" : "**no**")}.");
        Line();
        var ceiling = await RawCommitsPerSecondAsync();
        Line($"Baseline on the same file system: bare SQLite (WAL, synchronous={synchronous}) commits {ceiling:F0} one-row transactions per second. " +
             "SQLite commits one transaction at a time (no group commit), so this is a hard ceiling for any request that writes.");
        Line();
    }

    /// <summary>One-row write transactions per second on a scratch file beside the database: what the disk's fsync allows.</summary>
    private async Task<double> RawCommitsPerSecondAsync()
    {
        var path = options.Db + ".commit-baseline";
        BenchHost.DeleteDatabase(path);
        try
        {
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            await using (var setup = connection.CreateCommand())
            {
                setup.CommandText = $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {synchronous}; CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT);";
                await setup.ExecuteNonQueryAsync();
            }
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t (body) VALUES ('Aptartas paslaugų planas ir tolesni žingsniai')";
            var watch = Stopwatch.StartNew();
            var count = 0;
            while (watch.Elapsed < TimeSpan.FromSeconds(3))
            {
                await using var transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                count++;
            }
            return count / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            BenchHost.DeleteDatabase(path);
        }
    }

    // ---------- helpers ----------

    private static TimeSpan CpuTime() => Process.GetCurrentProcess().TotalProcessorTime;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private void Line(string text = "") => md.AppendLine(text);
}

internal sealed record Stats(IReadOnlyList<double> Samples, double Median, double P95, double P99, double Mean, double Min, double Max)
{
    /// <summary>Process CPU time per call (all threads): what the call costs the machine, whatever else runs on it.</summary>
    public double CpuMs { get; init; } = double.NaN;

    public static Stats Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
            return new Stats([], double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var sorted = samples.Order().ToArray();
        double Rank(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        return new Stats(sorted, median, Rank(0.95), Rank(0.99), sorted.Average(), sorted[0], sorted[^1]);
    }
}
