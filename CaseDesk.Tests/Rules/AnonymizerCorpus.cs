using System.Globalization;
using CaseDesk.Domain.Clients;

namespace CaseDesk.Tests.Rules;

/// <summary>
/// A client as the narrative's registration record holds them. Household entries are "Name/relation".
/// With <see cref="WithCode"/> the client gets a valid personal code made from the birth date; the texts
/// write it through the placeholders {ak} (11 digits), {ak-s} ("385 0101 1234"), {ak-d} ("3-850101-1234").
/// </summary>
public sealed record CorpusClient(string First, string Last, string Phone, string Email, string Address, string Born, bool WithCode,
    string[] Household)
{
    public DateOnly BirthDate => DateOnly.ParseExact(Born, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public bool Female => First.EndsWith('a') || First.EndsWith('ė');

    /// <summary>A valid code for this birth date; the serial keeps the corpus's codes apart.</summary>
    public string Code(int serial)
    {
        var born = BirthDate;
        var century = born.Year >= 2000 ? (Female ? 6 : 5) : (Female ? 4 : 3);
        var first = $"{century}{born:yyMMdd}{serial % 1000:000}";
        return first + PersonalCode.CheckDigit(first);
    }
}

/// <summary>
/// One incident narrative. <see cref="Personal"/>: "class:text" for every personal string written in the text, which must
/// not reach the trainer. <see cref="Pseudonyms"/>: declined pseudonyms the copy must hold (client A first, then the
/// household in the record's order, then the employees, then the others, as the app links them).
/// </summary>
public sealed record CorpusNarrative(string Id, string Class, CorpusClient Client, string[] Employees, string[] Others,
    string What, string How, string Outcome, string[] Personal, string[] Pseudonyms);

/// <summary>A text that names no linked person but uses ordinary words equal to their names; <see cref="Words"/> must survive.</summary>
public sealed record OrdinaryText(string Id, CorpusClient Client, string[] Employees, string What, string How, string[] Words);

public static partial class AnonymizerCorpus
{
    /// <summary>Staff phones (a staff record's phone is linked like a client's).</summary>
    public static readonly Dictionary<string, string> EmployeePhones = new()
    {
        ["Ieva Stankutė"] = "+370 611 23457",
        ["Tomas Brazauskas"] = "+370 622 81904",
        ["Rima Lukoševičienė"] = "+370 655 30271",
        ["Dainius Mockus"] = "+370 699 14520",
    };

    public static IReadOnlyList<CorpusNarrative> Narratives => [.. First, .. Second, .. Third];

    private static CorpusClient C(string first, string last, string phone, string email, string address, string born, bool code = false,
        params string[] household) => new(first, last, phone, email, address, born, code, household);

    private static CorpusNarrative N(string id, string @class, CorpusClient client, string[] employees, string[] others,
        string what, string how, string outcome, string[] personal, params string[] pseudonyms) =>
        new(id, @class, client, employees, others, what, how, outcome, personal, pseudonyms);

    private static OrdinaryText O(string id, CorpusClient client, string[] employees, string what, string how, params string[] words) =>
        new(id, client, employees, what, how, words);

    private static string[] E(params string[] names) => names;
}
