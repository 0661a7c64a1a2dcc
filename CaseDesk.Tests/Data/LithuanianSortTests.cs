using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Domain.Users;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CaseDesk.Tests.Data;

/// <summary>
/// Lists sorted by name come out in Lithuanian order on both engines (run with CASEDESK_TEST_PROVIDER=Postgres too):
/// PostgreSQL's ICU <c>lt-LT</c> collation, SQLite's <see cref="LithuanianOrder"/> registered on every connection.
/// </summary>
public sealed class LithuanianSortTests : IAsyncLifetime
{
    // (first name, last name) in the order of a Lithuanian list, written out by hand. Letters: a b c č d e f g h i j k l m n
    // o p r s š t u v z ž; ą ę ė į ų ū and y count as a e e i u u i (y with i: Įgaudas, Yla, Ivanauskas read igaudas, ila,
    // ivanauskas), and only break ties after them (Ąžuolas after Aleknavičius because l < ž, not because a < ą); then lower
    // before upper case (čeponis, Čeponis, ČEPONIS); the last name first, then the first name (Česlovas before Ona before Zita).
    // Byte order, SQLite's default, puts Č, Š, Ž, Ą, Į after Z and lower case after every capital.
    private static readonly (string First, string Last)[] InLithuanianOrder =
    [
        ("Ona", "Aleknavičius"),
        ("Ona", "Ąžuolas"),
        ("Ona", "Cibulskis"),
        ("Ona", "čeponis"),
        ("Ona", "Čeponis"),
        ("Ona", "ČEPONIS"),
        ("Ona", "Černiauskas"),
        ("Ona", "Įgaudas"),
        ("Ona", "Yla"),
        ("Ona", "Ivanauskas"),
        ("Česlovas", "Jonaitis"),
        ("Ona", "Jonaitis"),
        ("Zita", "Jonaitis"),
        ("Ona", "Sabonis"),
        ("Ona", "Šimkus"),
        ("Ona", "Zujus"),
        ("Ona", "Žukauskas"),
    ];

    private static readonly string[] Expected = InLithuanianOrder.Select(n => $"{n.First} {n.Last}").ToArray();

    // The same names in a fixed shuffle, so that the order does not come from the order of insertion.
    private static readonly (string First, string Last)[] Shuffled =
        new[] { 9, 3, 15, 0, 12, 6, 1, 16, 4, 11, 7, 14, 2, 10, 5, 13, 8 }.Select(i => InLithuanianOrder[i]).ToArray();

    private static IEnumerable<string> Backwards(IEnumerable<string> names) => Enumerable.Reverse(names.ToList());

    private TestDatabase database = default!;
    private Caller admin = default!;
    private Caller reception = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        admin = await database.CreateCallerAsync(Roles.Admin);
        reception = await database.CreateCallerAsync(Roles.Reception);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public void The_comparer_puts_the_names_in_Lithuanian_order()
    {
        var sorted = Shuffled.OrderBy(n => n.Last, LithuanianOrder.Instance).ThenBy(n => n.First, LithuanianOrder.Instance)
            .Select(n => $"{n.First} {n.Last}");

        Assert.Equal(Expected, sorted);
        Assert.NotEqual(Expected, Shuffled.OrderBy(n => n.Last, StringComparer.Ordinal).ThenBy(n => n.First, StringComparer.Ordinal).Select(n => $"{n.First} {n.Last}"));
    }

    [Fact]
    public void The_stored_sort_key_compares_as_bytes_in_the_comparers_order()
    {
        const string alphabet = "aąbcčdeęėfghiįyjklmnoprsštuųūvzžAĄBCČDEĘĖFGHIĮYJKLMNOPRSŠTUŲŪVZŽéèöüõñqwx0159 -'.";
        var random = new Random(7);
        string Word() => new(Enumerable.Range(0, random.Next(1, 9)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        var pairs = Enumerable.Range(0, 3000).Select(_ => (First: Word(), Last: Word())).Concat(InLithuanianOrder).ToList();

        var byComparer = pairs.OrderBy(p => p.Last, LithuanianOrder.Instance).ThenBy(p => p.First, LithuanianOrder.Instance).ToList();
        var byKey = pairs.OrderBy(p => Client.SortKey(p.First, p.Last), StringComparer.Ordinal).ToList();

        Assert.Equal(byComparer, byKey);
    }

    [Fact]
    public async Task Clients_stored_before_the_sort_key_get_it_at_start_up()
    {
        foreach (var (first, last) in Shuffled)
            await database.Send(Casework.NewClient(first, last, confirmed: true), reception);
        await using (var db = database.OpenDb())
            await db.Clients.ExecuteUpdateAsync(s => s.SetProperty(c => c.NameOrder, ""));

        await database.MigrateAndSeedAsync();

        var page = await database.Send(new FindClients(new ListWindow(0, 100)), reception);
        Assert.Equal(Expected, page.Items.Select(r => r.FullName));
    }

    [Fact]
    public async Task The_client_list_sorts_by_last_then_first_name_in_Lithuanian_both_ways()
    {
        foreach (var (first, last) in Shuffled)
            await database.Send(Casework.NewClient(first, last, confirmed: true), reception);

        var ascending = await database.Send(new FindClients(new ListWindow(0, 100)), reception);
        var descending = await database.Send(new FindClients(new ListWindow(0, 100, Descending: true)), reception);
        // Paged: the second page starts where the first ended.
        var firstPage = await database.Send(new FindClients(new ListWindow(0, 7)), reception);
        var secondPage = await database.Send(new FindClients(new ListWindow(7, 7)), reception);

        Assert.Equal(Expected, ascending.Items.Select(r => r.FullName));
        Assert.Equal(Backwards(Expected), descending.Items.Select(r => r.FullName));
        Assert.Equal(Expected.Take(14), firstPage.Items.Concat(secondPage.Items).Select(r => r.FullName));
    }

    [Fact]
    public async Task A_name_search_lists_its_matches_in_Lithuanian_order()
    {
        foreach (var (first, last) in Shuffled)
            await database.Send(Casework.NewClient(first, last, confirmed: true), reception);

        // "c" finds Cibulskis and every Čeponis/Černiauskas (the search ignores diacritics) and Česlovas by first name.
        var page = await database.Send(new FindClients(new ListWindow(0, 100, Search: "c")), reception);

        Assert.Equal(["Ona Cibulskis", "Ona čeponis", "Ona Čeponis", "Ona ČEPONIS", "Ona Černiauskas", "Česlovas Jonaitis"],
            page.Items.Select(r => r.FullName));
    }

    [Fact]
    public async Task The_staff_list_and_the_colleague_picker_sort_by_name_in_Lithuanian()
    {
        var index = 0;
        foreach (var (first, last) in Shuffled)
        {
            index++;
            await database.Send(new CreateStaffUser($"lt{index}", $"lt{index}@test.casedesk", first, last, "Socialinė darbuotoja", null, null,
                [Roles.Caseworker], "Ilgas-Slaptazodis-2026"), admin);
        }

        var staff = await database.Send(new ListStaff(new ListWindow(0, 100)), admin);
        var staffDescending = await database.Send(new ListStaff(new ListWindow(0, 100, Descending: true)), admin);
        var colleagues = await database.Send(new ListColleagues(Roles.Caseworker), reception);

        // The test callers (last name "Tester") are in the lists too; only the names above are compared.
        var ours = Expected.ToHashSet();
        Assert.Equal(Expected, staff.Items.Select(r => r.FullName).Where(ours.Contains));
        Assert.Equal(Backwards(Expected), staffDescending.Items.Select(r => r.FullName).Where(ours.Contains));
        Assert.Equal(Expected, colleagues.Select(c => c.FullName).Where(ours.Contains));
    }

    [Fact]
    public async Task Phone_messages_sort_by_the_callers_name_in_Lithuanian()
    {
        var caseworker = await database.CreateCallerAsync(Roles.Caseworker);
        var calledAt = database.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5);
        foreach (var (first, last) in Shuffled)
            await database.Send(new TakePhoneMessage(calledAt, $"{first} {last}", null, null, "+37060000000", "Prašo perskambinti.", caseworker.UserId), reception);

        var ascending = await database.Send(new ListPhoneMessages(PhoneMessageFilter.Open, new ListWindow(0, 100, nameof(PhoneMessageRow.CallerName))), reception);
        var descending = await database.Send(new ListPhoneMessages(PhoneMessageFilter.Open,
            new ListWindow(0, 100, nameof(PhoneMessageRow.CallerName), Descending: true)), reception);

        // Whole names here: "Česlovas Jonaitis" sorts by Č among the Č names, the others by their first name "Ona" (all equal)
        // and then by the last name.
        var expected = Expected.Order(LithuanianOrder.Instance).ToArray();
        Assert.Equal(["Česlovas Jonaitis", "Ona Aleknavičius", "Ona Ąžuolas", "Ona Cibulskis", "Ona čeponis", "Ona Čeponis", "Ona ČEPONIS",
            "Ona Černiauskas", "Ona Įgaudas", "Ona Yla", "Ona Ivanauskas", "Ona Jonaitis", "Ona Sabonis", "Ona Šimkus", "Ona Zujus",
            "Ona Žukauskas", "Zita Jonaitis"], expected);
        Assert.Equal(expected, ascending.Items.Select(r => r.CallerName));
        Assert.Equal(Backwards(expected), descending.Items.Select(r => r.CallerName));
    }

    [Fact]
    public async Task A_search_without_diacritics_or_case_finds_the_name_with_them()
    {
        foreach (var (first, last) in new[] { ("Ona", "Černius"), ("Jonas", "ČERNIUS"), ("Rūta", "černiutė"), ("Ona", "Cibulskis") })
            await database.Send(Casework.NewClient(first, last, confirmed: true), reception);

        var plain = await database.Send(new FindClients(new ListWindow(0, 100, Search: "cernius")), reception);
        var accented = await database.Send(new FindClients(new ListWindow(0, 100, Search: "ČERNIU")), reception);

        Assert.Equal(["Ona Černius", "Jonas ČERNIUS"], plain.Items.Select(r => r.FullName));
        Assert.Equal(["Ona Černius", "Jonas ČERNIUS", "Rūta černiutė"], accented.Items.Select(r => r.FullName));
    }

    /// <summary>The staff search lowered with SQL's lower(), which on SQLite knows only ASCII: "černius" did not find Černius there.</summary>
    [Fact]
    public async Task The_staff_search_without_diacritics_or_case_finds_the_name_with_them_on_both_engines()
    {
        var index = 0;
        foreach (var (first, last) in new[] { ("Ona", "Černienė"), ("Jonas", "ČERNIUS"), ("Rūta", "Cibulskienė") })
            await database.Send(new CreateStaffUser($"st{++index}", $"st{index}@test.casedesk", first, last, "Socialinė darbuotoja", null, null,
                [Roles.Caseworker], "Ilgas-Slaptazodis-2026"), admin);

        async Task<string[]> FindAsync(string search) =>
            (await database.Send(new ListStaff(new ListWindow(0, 100, Search: search)), admin)).Items.Select(r => r.FullName).ToArray();

        Assert.Equal(["Ona Černienė", "Jonas ČERNIUS"], await FindAsync("cern"));
        Assert.Equal(["Ona Černienė", "Jonas ČERNIUS"], await FindAsync("černi"));
        Assert.Equal(["Jonas ČERNIUS"], await FindAsync("jonas čern"));
        Assert.Equal(["Rūta Cibulskienė"], await FindAsync("RUTA"));
    }

    [SkippableFact]
    public async Task The_comparer_gives_the_order_of_PostgreSQLs_ICU_collation()
    {
        Skip.If(TestProvider.Current != DatabaseProvider.Postgres, "Compares with PostgreSQL's ICU collation: run with CASEDESK_TEST_PROVIDER=Postgres.");
        // Random strings over Lithuanian letters in both cases, other accents, y, digits, spaces and name punctuation.
        const string alphabet = "aąbcčdeęėfghiįyjklmnoprsštuųūvzžAĄBCČDEĘĖFGHIĮYJKLMNOPRSŠTUŲŪVZŽéèöüõñqwx0159 -'.";
        var random = new Random(18);
        var words = Enumerable.Range(0, 3000).Select(_ => new string(Enumerable.Range(0, random.Next(1, 9)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()))
            .Concat(Expected).Distinct().ToList();
        await using var db = database.OpenDb();
        var server = await db.Database.SqlQueryRaw<string>(
            $"SELECT w AS \"Value\" FROM unnest(@words) AS w ORDER BY w COLLATE \"{CaseDeskDb.LithuanianCollation}\"",
            new NpgsqlParameter("words", words.ToArray())).ToListAsync();

        var ours = words.Order(LithuanianOrder.Instance).ToList();
        var firstDifference = ours.Zip(server).Select((pair, i) => (pair, i)).FirstOrDefault(x => x.pair.First != x.pair.Second);
        Assert.True(ours.SequenceEqual(server),
            $"First difference at {firstDifference.i}: ours '{firstDifference.pair.First}', PostgreSQL '{firstDifference.pair.Second}'.");
    }
}
