using System.Diagnostics;
using System.Text;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Dashboard;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.PhoneMessages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Bench;

/// <summary>
/// Issue 6: what one new contact costs the dashboard figures, on databases that differ only in history.
/// Each database gets one finished commitment clock per contact it holds (the history: 10,000 or 1,000,000
/// clocks, stopped when the contact happened) and the same current workload (open clocks due around now,
/// open complaints). Then, through the real sender: a phone message is taken and called back (a new contact
/// that stops a clock), and the figures are rebuilt as the notifier rebuilds them after a commit.
/// </summary>
internal static class DashboardBench
{
    private const string HistoryMarker = "BenchHistory";

    public static async Task<int> RunAsync(IReadOnlyList<string> databases, int iterations, string? outFile)
    {
        var md = new StringBuilder();
        md.AppendLine("## Dashboard update cost against history (issue 6)").AppendLine();
        md.AppendLine($"- {Environment.ProcessorCount} cores, load average at start {LoadAverage()}; {iterations} new contacts per database after 20 warm-up ones").AppendLine();
        md.AppendLine("| database | contacts | clocks | tallies load (ms) | LogCallBack incl. commit and tally update: median / p95 (ms) | figures rebuilt after the commit: median / p95 (ms) |");
        md.AppendLine("|---|---:|---:|---:|---|---|");
        var medians = new List<(string Db, double Command, double Figures)>();
        foreach (var path in databases)
        {
            await using var provider = BenchHost.Build(path);
            await DatabaseInitializer.MigrateAndSeedAsync(provider);
            var (contacts, clocks) = await SeedAsync(provider, path);
            var sender = provider.GetRequiredService<ICaseDeskSender>();
            var (reception, caseworker, head, client) = await CallersAsync(provider);

            var load = Stopwatch.StartNew();
            await sender.Send(new GetDashboard(DashboardScope.Department, DashboardWindow.Last30Days), head);
            load.Stop();

            var command = new List<double>();
            var figures = new List<double>();
            for (var i = 0; i < iterations + 20; i++)
            {
                var now = DateTime.UtcNow;
                var id = await sender.Send(new TakePhoneMessage(now.AddMinutes(-(i % 600)), "Ona", null, null, "+370 600 00001", "Prašo paskambinti",
                    caseworker.UserId, client), reception);
                var message = await sender.Send(new GetPhoneMessage(id), caseworker);
                var t = Stopwatch.StartNew();
                await sender.Send(new LogCallBack(id, message.Version, client, null, DateTime.UtcNow, "Atskambinau", null, null, null, null, null, null, []), caseworker);
                var commandMs = t.Elapsed.TotalMilliseconds;
                t.Restart();
                var shown = await sender.Send(new GetDashboard(DashboardScope.Department, DashboardWindow.Last30Days), head);
                var figuresMs = t.Elapsed.TotalMilliseconds;
                if (i >= 20)
                {
                    command.Add(commandMs);
                    figures.Add(figuresMs);
                }
                if (i == iterations + 19)
                    Console.WriteLine($"  {Path.GetFileName(path)}: last figures: {shown.AllClocks.Count} finished in 30 days, {shown.BreachedNow} breached now, {shown.OpenComplaints} open complaints");
            }
            var c = Stats.Of(command);
            var f = Stats.Of(figures);
            medians.Add((Path.GetFileName(path), c.Median, f.Median));
            md.AppendLine($"| {Path.GetFileName(path)} | {contacts:N0} | {clocks:N0} | {load.Elapsed.TotalMilliseconds:F0} | {c.Median:F2} / {c.P95:F2} | {f.Median:F2} / {f.P95:F2} |");
            Console.WriteLine($"  {Path.GetFileName(path)}: {contacts:N0} contacts, {clocks:N0} clocks; load {load.Elapsed.TotalMilliseconds:F0} ms; " +
                $"LogCallBack median {c.Median:F2} ms p95 {c.P95:F2}; figures median {f.Median:F2} ms p95 {f.P95:F2}");
        }
        if (medians.Count == 2)
        {
            md.AppendLine().AppendLine($"Ratio largest/smallest history: figures {medians[1].Figures / medians[0].Figures:F2}×, " +
                $"command {medians[1].Command / medians[0].Command:F2}× (target: figures ≤ 2×).");
            Console.WriteLine($"  ratio: figures {medians[1].Figures / medians[0].Figures:F2}x, command {medians[1].Command / medians[0].Command:F2}x");
        }
        if (outFile is not null)
            await File.WriteAllTextAsync(outFile, md.ToString());
        Console.WriteLine(md.ToString());
        return 0;
    }

    /// <summary>Once per database: a finished clock per contact, 400 open clocks due around now and 40 open complaints.</summary>
    private static async Task<(long Contacts, long Clocks)> SeedAsync(ServiceProvider provider, string path)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        if (!await db.ResponseClocks.AnyAsync(c => c.SubjectKind == HistoryMarker))
        {
            var t = Stopwatch.StartNew();
            const string Guid = "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-A' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";
            // Kinds by touchpoint: 2 call-back (VIII), 3 e-mail reply (VIII), 6 letter (IX), 7 visit agreed (XI), others call-back.
            // Two in nine missed, with response times spread over a working week.
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO ResponseClocks (Id, Kind, SubjectKind, SubjectId, OwnerUserId, UnitId, ClientId, CaseId, Commitment, Touchpoint,
                    TargetId, TargetMinutes, TargetUnit, AtRiskPercent, StartedAtUtc, DueAtUtc, AtRiskAtUtc, State, PausedMinutes,
                    StoppedAtUtc, ActualMinutes, MarginMinutes)
                SELECT {Guid}, k.Kind, '{HistoryMarker}', c.Id, c.EmployeeUserId, cs.UnitId, c.ClientId, c.CaseId, k.Commitment, c.Touchpoint,
                    (SELECT t.Id FROM CommitmentTargets t WHERE t.Kind = k.Kind LIMIT 1), 540, 1, 75, c.OccurredAtUtc, c.OccurredAtUtc, c.OccurredAtUtc,
                    CASE WHEN abs(random()) % 9 < 2 THEN 4 ELSE 3 END, 0, c.OccurredAtUtc, abs(random()) % 2400, 0
                FROM Contacts c
                JOIN (SELECT 2 AS Tp, 1 AS Kind, 'VIII' AS Commitment UNION ALL SELECT 3, 2, 'VIII' UNION ALL SELECT 6, 3, 'IX'
                      UNION ALL SELECT 7, 4, 'XI') k ON k.Tp = CASE WHEN c.Touchpoint IN (2, 3, 6, 7) THEN c.Touchpoint ELSE 2 END
                LEFT JOIN Cases cs ON cs.Id = c.CaseId
                """);
            // Met/missed agree with the response time: missed ones took longer than the 540-minute target.
            await db.Database.ExecuteSqlRawAsync($"UPDATE ResponseClocks SET ActualMinutes = 541 + ActualMinutes, MarginMinutes = -1 - ActualMinutes WHERE SubjectKind = '{HistoryMarker}' AND State = 4");
            await db.Database.ExecuteSqlRawAsync($"UPDATE ResponseClocks SET ActualMinutes = ActualMinutes % 540, MarginMinutes = 540 - (ActualMinutes % 540) WHERE SubjectKind = '{HistoryMarker}' AND State = 3");
            // The current workload, the same whatever the history: 400 open call-back clocks due from 2 days ago to 3 days ahead.
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO ResponseClocks (Id, Kind, SubjectKind, SubjectId, OwnerUserId, UnitId, Commitment, Touchpoint, TargetId, TargetMinutes,
                    TargetUnit, AtRiskPercent, StartedAtUtc, DueAtUtc, AtRiskAtUtc, State, PausedMinutes)
                SELECT {Guid}, 1, '{HistoryMarker}Open', {Guid}, u.Id, u.UnitId, 'VIII', 2, (SELECT t.Id FROM CommitmentTargets t WHERE t.Kind = 1 LIMIT 1), 540, 1, 75,
                    strftime('%Y-%m-%d %H:%M:%S', 'now', '-1 days', (n.v * 20) || ' minutes'),
                    strftime('%Y-%m-%d %H:%M:%S', 'now', '-2 days', (n.v * 18) || ' minutes'),
                    strftime('%Y-%m-%d %H:%M:%S', 'now', '-2 days', (n.v * 18 - 360) || ' minutes'), 1, 0
                FROM (WITH RECURSIVE s(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM s WHERE v < 400) SELECT v FROM s) n
                JOIN (SELECT Id, UnitId, row_number() OVER (ORDER BY Id) AS r FROM AspNetUsers WHERE UnitId IS NOT NULL) u ON u.r = 1 + n.v % 20
                """);
            Console.WriteLine($"  {Path.GetFileName(path)}: clock history seeded in {t.Elapsed.TotalSeconds:F1} s");
            var officer = await db.Users.Where(u => u.UserName == "quality").Select(u => u.Id).SingleAsync();
            var sender = provider.GetRequiredService<ICaseDeskSender>();
            for (var i = 0; i < 40; i++)
                await sender.Send(new RegisterFeedback(FeedbackKind.Complaint, FeedbackSource.Phone, DateTime.UtcNow.AddDays(-i), "Niekas neatskambino",
                    null, null, "Ona Onaitė", "+37060000000", [2], ["VIII"]), new Caller(officer, "quality", new HashSet<string> { Roles.QualityOfficer }));
        }
        return (await db.Contacts.LongCountAsync(), await db.ResponseClocks.LongCountAsync());
    }

    private static async Task<(Caller Reception, Caller Caseworker, Caller Head, Guid Client)> CallersAsync(ServiceProvider provider)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
        async Task<Caller> Named(string name, string role) =>
            new((await db.Users.SingleAsync(u => u.UserName == name)).Id, name, new HashSet<string> { role });
        var client = await db.Cases.Where(c => c.Status != CaseStatus.Closed).Select(c => c.ClientId).FirstAsync();
        return (await Named("reception", Roles.Reception), await Named("caseworker", Roles.Caseworker), await Named("head", Roles.Head), client);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
