using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Domain.Public;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.PhoneMessages;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.Public;

/// <summary>
/// The published service times (docs/public.md) against a month seeded through the real commands with known times, recounted here by
/// hand: the durations are chosen on the dashboard's bucket edges (whole minutes to an hour, then 5 and 30 minutes), so its
/// bucketed nearest-rank percentile equals the plain nearest rank of the sorted values.
/// </summary>
public sealed class PublicTimesTests : IAsyncLifetime
{
    private const string HomeHelp = "Pagalba į namus";
    private const string OneOffBenefit = "Vienkartinė pašalpa";

    /// <summary>Working days of March 2026 (11 March is a holiday; 10 March, its eve, closes at 16:00), at 09:00 Vilnius (UTC+2).</summary>
    private static readonly int[] Days = [2, 3, 4, 5, 9, 10, 12, 16, 17, 18, 19, 23];
    /// <summary>Minutes from the call to the call-back of each home-help case; the last one is called back the next day at 10:00 (missed).</summary>
    private static readonly double[] Answers = [5, 12, 20, 30, 45, 60, 90, 120, 150, 200, 240, 600];
    /// <summary>Working minutes from opening to service start; the last one starts the next day at 11:00 (480 + 180).</summary>
    private static readonly double[] Starts = [30, 60, 120, 180, 240, 300, 330, 360, 400, 420, 450, 660];
    private const int BenefitCases = 9;

    private TestDatabase database = default!;
    private Caller reception = default!, asta = default!;
    private readonly List<Guid> clients = [];

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(new FakeClock(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero)));
        reception = await database.CreateCallerAsync(Roles.Reception);
        asta = await database.CreateUserAsync("asta", Roles.Caseworker);
        await database.GiveSignatureAsync(asta, "Asta", "Petrauskienė", "Socialinė darbuotoja", "+370 315 56 662");
        clients.Add(await database.RegisterAsync(reception, "Ona", "Kazlauskienė", phone: "+370 611 22334"));
        clients.Add(await database.RegisterAsync(reception, "Petras", "Žemaitis", phone: "+370 622 33445"));
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    /// <summary>The month through the real commands; <paramref name="days"/> below 12 stops early (the next-day answer is on the 12th).</summary>
    private async Task SeedMarchAsync(int days = 12)
    {
        (Guid Case, Guid Message, Guid Client)? last = null;
        for (var i = 0; i < days; i++)
        {
            var opened = new DateTimeOffset(2026, 3, Days[i], 7, 0, 0, TimeSpan.Zero);
            database.Clock.SetUtcNow(opened);
            var client = clients[i % clients.Count];
            var homeHelp = await database.OpenCaseAsync(reception, client, asta.UserId, HomeHelp);
            var homeHelpCall = await CallAsync(client, homeHelp);
            (Guid Case, Guid Message)? benefit = null;
            if (i < BenefitCases)
            {
                var benefitCase = await database.OpenCaseAsync(reception, client, asta.UserId, OneOffBenefit);
                benefit = (benefitCase, await CallAsync(client, benefitCase));
            }
            if (i == Days.Length - 1)
            {
                last = (homeHelp, homeHelpCall, client);
                continue;
            }
            database.Clock.SetUtcNow(opened.AddMinutes(Answers[i]));
            await CallBackAsync(homeHelpCall, client, homeHelp);
            if (benefit is { } b)
                await CallBackAsync(b.Message, client, b.Case);
            database.Clock.SetUtcNow(opened.AddMinutes(Starts[i]));
            await StartAsync(homeHelp);
        }
        if (last is { } l)
        {
            // Monday 23 March 09:00 → Tuesday 24 March 10:00 and 11:00 Vilnius.
            database.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 24, 8, 0, 0, TimeSpan.Zero));
            await CallBackAsync(l.Message, l.Client, l.Case);
            database.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 24, 9, 0, 0, TimeSpan.Zero));
            await StartAsync(l.Case);
        }
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 10, 0, 0, TimeSpan.Zero));
    }

    private Task<Guid> CallAsync(Guid client, Guid @case) =>
        database.Send(new TakePhoneMessage(database.Clock.UtcDateTime, "Ona Kazlauskienė", null, null, "+370 611 22334", "Prašo paskambinti dėl paslaugos",
            asta.UserId, client, @case), reception);

    private async Task CallBackAsync(Guid message, Guid client, Guid @case)
    {
        var version = (await database.Send(new GetPhoneMessage(message), asta)).Version;
        await database.Send(new LogCallBack(message, version, client, @case, database.Clock.UtcDateTime, "Atskambinau", null, null, null, null, null, null, []), asta);
    }

    private async Task StartAsync(Guid @case) =>
        await database.Send(new StartService(@case, (await database.Send(new GetCase(@case), asta)).Version), asta);

    private async Task<PublicTimes> RefreshAndReadAsync()
    {
        await database.Send(new RefreshPublicTimes(), Caller.System);
        return await database.Send(new GetPublicTimes(), Caller.Public) ?? throw new InvalidOperationException("No snapshot was stored.");
    }

    /// <summary>The answer as JSON with every letter as it is (the default escapes "ė", and a search for a name would then pass unseen).</summary>
    private static string Readable(PublicTimes times) =>
        JsonSerializer.Serialize(times, new JsonSerializerOptions(PublicTimesCount.Json) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });

    /// <summary>Nearest rank: the smallest value with at least p of the values at or below it.</summary>
    private static double NearestRank(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
    }

    [Fact]
    public async Task The_published_times_of_a_seeded_month_equal_a_recount_by_hand()
    {
        await SeedMarchAsync();

        var times = await RefreshAndReadAsync();

        var homeHelp = Assert.Single(times.Services);
        Assert.Equal(HomeHelp, homeHelp.Service);
        Assert.Equal(Days.Length, homeHelp.Cases);
        Assert.Equal(new PublicDuration(12, NearestRank(Answers, 0.5), NearestRank(Answers, 0.9)), homeHelp.FirstAnswer);
        Assert.Equal(new PublicDuration(12, 60, 240), homeHelp.FirstAnswer); // the same, read off the sorted list: 6th and 11th of 12
        Assert.Equal(new PublicDuration(12, NearestRank(Starts, 0.5), NearestRank(Starts, 0.9)), homeHelp.ServiceStart);
        Assert.Equal(new PublicDuration(12, 300, 450), homeHelp.ServiceStart);
        // Twelve call-back clocks, the one answered the next day missed its one working day (600 > 540 working minutes).
        Assert.Equal(new PublicShare(12, 12, 11 / 12.0), homeHelp.Commitments);

        // Every service together: the 9 benefit cases' call-backs (the first 9 answer times) join the 12 home-help ones.
        var allAnswers = Answers.Concat(Answers.Take(BenefitCases)).ToList();
        Assert.Equal(21, times.AllServices.Cases);
        Assert.Equal(new PublicDuration(21, NearestRank(allAnswers, 0.5), NearestRank(allAnswers, 0.9)), times.AllServices.FirstAnswer);
        Assert.Equal(new PublicDuration(12, 300, 450), times.AllServices.ServiceStart);
        Assert.Equal(new PublicShare(21, 21, 20 / 21.0), times.AllServices.Commitments);

        // Touchpoint 2 (the phone): every call-back clock; touchpoint 3 (e-mail) measured nothing.
        var phone = Assert.Single(times.Touchpoints, t => t.Touchpoint == 2);
        Assert.Equal(new PublicDuration(21, NearestRank(allAnswers, 0.5), NearestRank(allAnswers, 0.9)), phone.FirstAnswer);
        Assert.Equal(20 / 21.0, phone.Commitments.Share);
        Assert.Equal(21, phone.Commitments.Commitments);
        var email = Assert.Single(times.Touchpoints, t => t.Touchpoint == 3);
        Assert.Equal(new PublicDuration(0, null, null), email.FirstAnswer);
        Assert.Equal(10, times.Touchpoints.Count);

        // The period: the last 90 Vilnius days to now, 31 March.
        Assert.Equal(new DateTime(2025, 12, 31, 22, 0, 0, DateTimeKind.Utc), times.FromUtc);
        Assert.Equal(database.Clock.UtcDateTime, times.ToUtc);
        // The standard's text and promises travel with the figures.
        Assert.Equal(10, times.StandardTouchpoints.Count);
        Assert.Equal(11, times.StandardCommitments.Count);
        Assert.Contains(times.Targets, t => t.Kind == Domain.Clocks.ClockKind.CallBack && t.Touchpoint == 2 && t.Commitment == "VIII");
    }

    /// <summary>
    /// The dashboard's rounding, written out again here rather than called: whole minutes (a part minute counts as one) up to an hour,
    /// then up to the next 5 minutes to 8 hours. The seeded durations stay under 3 hours of one morning, so these two rules are all.
    /// </summary>
    private static double RoundedUp(double minutes)
    {
        var whole = Math.Ceiling(minutes);
        Assert.InRange(whole, 1, 480);
        return whole <= 60 ? whole : Math.Ceiling(whole / 5) * 5;
    }

    [Fact]
    public async Task The_published_times_equal_a_recount_for_durations_that_fall_between_the_bucket_edges()
    {
        // Three services on 12 March mornings: two with 12 and 10 cases, one with 7. Each case: a call at 09:00 Vilnius, answered after
        // a random time with seconds (1 to 170 minutes), the service started later the same morning; times from a fixed seed.
        const string DayCentre = "Dienos centras", Transport = "Transportas";
        var services = new (string Name, int Cases)[] { (HomeHelp, 12), (DayCentre, 10), (Transport, 7) };
        var random = new Random(20261207);
        var answers = services.ToDictionary(s => s.Name, _ => new List<double>());
        var starts = services.ToDictionary(s => s.Name, _ => new List<double>());
        for (var day = 0; day < Days.Length; day++)
        {
            var opened = new DateTimeOffset(2026, 3, Days[day], 7, 0, 0, TimeSpan.Zero);
            var events = new List<(double At, Func<Task> Step)>();
            foreach (var (name, cases) in services.Where(s => day < s.Cases))
            {
                database.Clock.SetUtcNow(opened);
                var client = clients[day % clients.Count];
                var @case = await database.OpenCaseAsync(reception, client, asta.UserId, name);
                var call = await CallAsync(client, @case);
                var answer = 1 + random.Next(0, 169 * 60) / 60.0;
                var start = answer + random.Next(1, (175 - (int)Math.Ceiling(answer)) * 60) / 60.0;
                answers[name].Add(answer);
                starts[name].Add(start);
                events.Add((answer, () => CallBackAsync(call, client, @case)));
                events.Add((start, () => StartAsync(@case)));
            }
            foreach (var (at, step) in events.OrderBy(e => e.At))
            {
                database.Clock.SetUtcNow(opened.AddSeconds(Math.Round(at * 60)));
                await step();
            }
        }
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 10, 0, 0, TimeSpan.Zero));
        Assert.Contains(answers.Values.SelectMany(a => a), a => a != Math.Floor(a)); // not on the edges: part minutes

        var times = await RefreshAndReadAsync();

        PublicDuration Expected(IReadOnlyCollection<double> minutes) =>
            new(minutes.Count, RoundedUp(NearestRank(minutes, 0.5)), RoundedUp(NearestRank(minutes, 0.9)));
        foreach (var (name, cases) in services.Where(s => s.Cases >= PublicTimes.Minimum))
        {
            var published = Assert.Single(times.Services, s => s.Service == name);
            Assert.Equal(cases, published.Cases);
            Assert.Equal(Expected(answers[name]), published.FirstAnswer);
            Assert.Equal(Expected(starts[name]), published.ServiceStart);
            // Every answer came within the morning, inside the one working day the call-back is given.
            Assert.Equal(new PublicShare(cases, cases, 1.0), published.Commitments);
        }
        Assert.Equal(Expected([.. answers.Values.SelectMany(a => a)]), times.AllServices.FirstAnswer);
        Assert.Equal(Expected([.. starts.Values.SelectMany(a => a)]), times.AllServices.ServiceStart);
        Assert.Equal(29, times.AllServices.Cases);
        // The service with 7 cases: counted in "all services", but neither named nor given a figure of its own.
        Assert.DoesNotContain(times.Services, s => s.Service == Transport);
        Assert.Equal(1, times.ServicesNotShown);
        Assert.DoesNotContain(Transport, Readable(times), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_with_fewer_than_ten_cases_is_neither_named_nor_given_a_figure()
    {
        await SeedMarchAsync();

        var times = await RefreshAndReadAsync();

        Assert.DoesNotContain(times.Services, s => s.Service == OneOffBenefit);
        Assert.Equal(1, times.ServicesNotShown);
        Assert.DoesNotContain(OneOffBenefit, Readable(times), StringComparison.Ordinal);
        // The benefit's 9 cases are below the minimum on their own even though every one was answered and counted.
        Assert.Equal(BenefitCases, await database.ReadAsync(db => db.Cases.CountAsync(c => c.ServiceRequested == OneOffBenefit)));
        Assert.Equal(PublicTimes.Minimum, times.MinimumCount);
        Assert.True(times.Services.Single().FirstAnswer.Shown);
    }

    [Fact]
    public async Task A_figure_under_the_minimum_has_its_count_but_no_median_or_share()
    {
        await SeedMarchAsync(days: 9);

        var times = await RefreshAndReadAsync();

        // Home help on 9 days (2-17 March: 9 answers, 9 starts) and the 9 benefit cases' answers.
        var all = times.AllServices;
        Assert.Equal(18, all.FirstAnswer.Count);
        Assert.True(all.FirstAnswer.Shown);
        Assert.Equal(9, all.ServiceStart.Count);
        Assert.Equal(new PublicDuration(9, null, null), all.ServiceStart);
        Assert.Empty(times.Services);
        Assert.Equal(2, times.ServicesNotShown);
    }

    [Fact]
    public async Task The_answer_names_no_client_case_or_employee()
    {
        await SeedMarchAsync();

        var json = Readable(await RefreshAndReadAsync());

        var numbers = await database.ReadAsync(db => db.Cases.Select(c => c.Number).ToListAsync());
        var clientIds = clients.Select(c => c.ToString()).ToList();
        var caseIds = await database.ReadAsync(db => db.Cases.Select(c => c.Id.ToString()).ToListAsync());
        string[] personal = ["Kazlauskienė", "Žemaitis", "Petras", "+370 611 22334", "+370 622 33445", "Petrauskienė", "asta", asta.UserId, reception.UserId];
        Assert.All(personal.Concat(numbers).Concat(clientIds).Concat(caseIds), text => Assert.DoesNotContain(text, json, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(HomeHelp, json, StringComparison.Ordinal); // the scan reads the real answer
    }

    [Fact]
    public async Task Only_the_public_website_reads_the_times_and_it_runs_nothing_else()
    {
        var head = await database.CreateCallerAsync(Roles.Head);

        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new GetPublicTimes(), Caller.Anonymous));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new GetPublicTimes(), head));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new RefreshPublicTimes(), Caller.Public));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new RefreshPublicTimes(), head));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new GetCase(Guid.NewGuid()), Caller.Public));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new Domain.Reference.GetStandard(), Caller.Public));
        Assert.Null(await database.Send(new GetPublicTimes(), Caller.Public)); // allowed, and nothing computed yet
    }

    [Fact]
    public async Task The_page_reads_the_stored_snapshot_not_the_clocks()
    {
        await SeedMarchAsync();
        await RefreshAndReadAsync();
        await using (var db = database.OpenDb())
        {
            // A figure changed in the store shows on the page's next read: what it shows is the snapshot.
            var snapshot = await db.PublicTimesSnapshots.SingleAsync();
            var times = JsonSerializer.Deserialize<PublicTimes>(snapshot.Figures, PublicTimesCount.Json)!;
            db.Remove(snapshot);
            db.Add(new PublicTimesSnapshot(Guid.NewGuid(), snapshot.ComputedAtUtc.AddMinutes(1),
                JsonSerializer.Serialize(times with { ServicesNotShown = 42 }, PublicTimesCount.Json)));
            await db.SaveChangesAsync();
        }
        database.Clock.Advance(PublicTimesCache.MaxAge);

        var read = await database.Send(new GetPublicTimes(), Caller.Public);

        Assert.Equal(42, read!.ServicesNotShown);
        Assert.Equal(1, await database.ReadAsync(db => db.PublicTimesSnapshots.CountAsync()));
    }
}
