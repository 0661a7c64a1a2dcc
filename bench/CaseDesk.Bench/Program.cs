using System.Diagnostics;
using System.Globalization;
using CaseDesk.Bench;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Demo;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args.FirstOrDefault() == "load")
    return await LoadTest.RunAsync(args[1..]); // its own options: see LoadTest.Usage
if (args.FirstOrDefault() == "scale")
    return await ScaleBench.RunAsync(args[1..]); // its own options: see ScaleBench
if (args.FirstOrDefault() == "pages")
    return await PageSpeedBench.RunAsync(args[1..]); // its own options: see PageSpeedBench

BenchOptions options;
try
{
    options = BenchOptions.Parse(args.Skip(1).ToArray());
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return Usage();
}

return args.FirstOrDefault() switch
{
    "generate" => await Generate(options),
    "measure" => await Measure(options),
    "plans" => await Plans(options),
    "circuits" => await CircuitBench.RunAsync(options.Db, options.Clients, options.Page, options.User, options.Out),
    "push" => await PushBench.RunAsync(options.Db, options.Clients, options.Iterations, options.Out),
    "dashboard" => await DashboardBench.RunAsync(options.Databases ?? [options.Db], options.Iterations, options.Out),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        CaseDesk benchmark (see docs/performance.md)

          generate --db PATH [--clients 100000] [--cases 150000] [--contacts 1000000] [--caseworkers 60] [--seed 2026] [--force]
              Builds a migrated database with demo logins and generated Lithuanian data. An existing file is reused
              unless --force is given.
          measure --db PATH [--iterations 300] [--warmup 100] [--seconds 10] [--senders 1,2,4,8] [--out FILE] [--synchronous NORMAL]
              Generates the database first if it does not exist (with the generate sizes), prints the query plans,
              then measures client search, the caseworker's case list and LogContact throughput through the real
              sender and pipeline. --out also writes the results as Markdown. --synchronous overrides the app's
              PRAGMA synchronous (FULL) on every connection, to show what another durability setting would give.
          plans --db PATH
              Only the SQL and the query plans of the measured reads.
          push --db PATH [--clients 200] [--iterations 100] [--out FILE]
              Issue 6: hosts the app in this process on the database, connects N .NET SignalR clients
              to /hubs/dashboard as the demo head and measures commit-to-push latency over N commits.
          circuits --db PATH [--clients 20] [--page dashboard] [--user head] [--out FILE]
              Issue 6: hosts the app in this process, opens a page (the dashboard unless told; "" = My work) in N
              Chromium tabs (one circuit each) signed in as --user and reports the server's managed heap after a
              full GC and its resident memory per circuit.
          dashboard --dbs SMALL.db,LARGE.db [--iterations 300] [--out FILE]
              Issue 6: seeds one finished clock per contact (once) and the same open workload into each database,
              then times LogCallBack (a new contact) and the rebuild of the dashboard figures after it, per database.
          pages --url URL [--pid PID] [--runs 20] [--circuits 20] [--out FILE]
              Issue 15: time from navigation to an interactive page (main[data-interactive=true] and its h1) for each screen
              of part 1 in Chromium against a running app, cold (new tab) and in-app (navigation click), median and p95,
              and the app's resident memory per open circuit.
          scale [--seconds 20] [--writers 1,4,16,64] [--hub-clients 200] [--commits 50] [--out FILE] [--durable]
              Issue 18: in one run, contacts logged per second through POST /api/contacts (closed loop, each writer its own
              signed-in caseworker session) with each number of writers on SQLite (one node), PostgreSQL (one node) and
              PostgreSQL with two nodes behind the proxy and Redis (LocalCluster: the Release app and proxy as processes),
              p50/p95/p99 and errors per row; then commit-to-push latency at N hub clients spread over the two nodes.
              --durable: PostgreSQL with fsync and synchronous commit on, as in production (the tests run it with fsync off).
          load [--users 100] [--minutes 5 | --seconds N] [--url URL --db PATH] [--app PATH] [--out FILE]
              Simulated users over HTTP against the real app process (started on a temp demo database unless --url
              is given): page GETs, POST /api/contacts writes and one open Blazor hub connection each; reports
              error rate, p50/p95/p99 latency, throughput and the server's memory (docs/reliability.md).
        """);
    return 2;
}

static async Task<int> Generate(BenchOptions o)
{
    if (File.Exists(o.Db) && !o.Force)
    {
        if (!File.Exists(o.Db + ".generation.txt"))
        {
            Console.Error.WriteLine($"{o.Db} exists but its generation did not finish ({o.Db}.generation.txt is missing): use --force to rebuild it.");
            return 2;
        }
        Console.WriteLine($"{o.Db} exists: reusing it (--force regenerates).");
        Console.WriteLine(await File.ReadAllTextAsync(o.Db + ".generation.txt"));
        return 0;
    }

    // The folder first: File.Delete throws for a missing folder (a fresh machine has no /tmp/casedesk-bench).
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(o.Db))!);
    BenchHost.DeleteDatabase(o.Db);
    File.Delete(o.Db + ".generation.txt");
    await using var provider = BenchHost.Build(o.Db);
    var total = Stopwatch.StartNew();
    await DatabaseInitializer.MigrateAndSeedAsync(provider);
    await DatabaseInitializer.SeedDemoLoginsAsync(provider);
    Console.WriteLine($"migrate, reference data, demo logins: {total.Elapsed.TotalSeconds:F1} s");

    var report = await DemoDataGenerator.GenerateAsync(provider, new DemoDataOptions
    {
        Clients = o.Clients, Cases = o.Cases, Contacts = o.Contacts, ExtraCaseworkers = o.Caseworkers, Seed = o.Seed,
    }, Console.WriteLine);
    total.Stop();

    var summary = string.Join(Environment.NewLine,
    [
        $"generated {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, seed {o.Seed}",
        $"clients {report.Clients} (personal codes {report.PersonalCodes}), cases {report.Cases} (open {report.OpenCases}), contacts {report.Contacts}",
        $"promises {report.Promises}, phone messages {report.PhoneMessages}, e-mails {report.Emails}, visits {report.Visits}, letters {report.Letters}, staff created {report.StaffCreated}",
        $"rows written {report.Rows}, total time {total.Elapsed.TotalSeconds:F1} s wall, {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s CPU " +
            $"({report.Rows / report.Elapsed.TotalSeconds:N0} rows/s in the bulk phases); load average {File.ReadAllText("/proc/loadavg")[..14]}",
        .. report.Phases.Select(p => $"  {p.Phase}: {p.Took.TotalSeconds:F1} s"),
        $"database file {new FileInfo(o.Db).Length / 1024.0 / 1024.0:F0} MiB",
    ]);
    Console.WriteLine(summary);
    await File.WriteAllTextAsync(o.Db + ".generation.txt", summary + Environment.NewLine);
    return 0;
}

static async Task<int> Measure(BenchOptions o)
{
    if (!File.Exists(o.Db + ".generation.txt"))
    {
        var generated = await Generate(o);
        if (generated != 0) return generated;
    }
    var capture = new SqlCapture();
    await using var provider = BenchHost.Build(o.Db, capture, o.Synchronous);
    var run = new Measurements(provider, capture, o);
    var markdown = await run.RunAsync();
    if (o.Out is not null)
    {
        await File.WriteAllTextAsync(o.Out, markdown);
        Console.WriteLine($"results written to {o.Out}");
    }
    return run.AllTargetsMet ? 0 : 1;
}

static async Task<int> Plans(BenchOptions o)
{
    if (!File.Exists(o.Db))
    {
        Console.Error.WriteLine($"{o.Db} does not exist: run generate first.");
        return 2;
    }
    var capture = new SqlCapture();
    await using var provider = BenchHost.Build(o.Db, capture);
    var run = new Measurements(provider, capture, o);
    Console.WriteLine(await run.PlansOnlyAsync());
    return 0;
}

internal sealed record BenchOptions
{
    public string Db { get; init; } = "/tmp/casedesk-bench/bench.db";
    public int Clients { get; init; } = 100_000;
    public int Cases { get; init; } = 150_000;
    public int Contacts { get; init; } = 1_000_000;
    public int Caseworkers { get; init; } = 60;
    public int Seed { get; init; } = 2026;
    public bool Force { get; init; }
    public int Iterations { get; init; } = 300;
    public int Warmup { get; init; } = 100;
    public int Seconds { get; init; } = 10;
    public int[] Senders { get; init; } = [1, 2, 4, 8];
    public string? Out { get; init; }
    public string[]? Databases { get; init; }
    /// <summary>Null: the app's own setting (SqlitePragmas). Otherwise a what-if override for every connection.</summary>
    public string? Synchronous { get; init; }
    /// <summary>circuits: the page each tab opens and who signs in (the dashboard and the head unless told).</summary>
    public string Page { get; init; } = "dashboard";
    public string User { get; init; } = "head";

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.TryParse(Value(), out var n) && n >= 0 ? n : throw new ArgumentException($"{args[i - 1]} needs a whole number.");
            o = args[i] switch
            {
                "--db" => o with { Db = Value() },
                "--clients" => o with { Clients = Number() },
                "--cases" => o with { Cases = Number() },
                "--contacts" => o with { Contacts = Number() },
                "--caseworkers" => o with { Caseworkers = Number() },
                "--seed" => o with { Seed = Number() },
                "--force" => o with { Force = true },
                "--iterations" => o with { Iterations = Math.Max(1, Number()) },
                "--warmup" => o with { Warmup = Number() },
                "--seconds" => o with { Seconds = Math.Max(1, Number()) },
                "--senders" => o with { Senders = Value().Split(',').Select(int.Parse).Where(n => n > 0).ToArray() },
                "--out" => o with { Out = Value() },
                "--synchronous" => o with { Synchronous = Value() },
                "--page" => o with { Page = Value().TrimStart('/') },
                "--user" => o with { User = Value() },
                "--dbs" => o with { Databases = Value().Split(',', StringSplitOptions.RemoveEmptyEntries) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return o;
    }
}
