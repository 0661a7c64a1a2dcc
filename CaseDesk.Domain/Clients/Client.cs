using System.Globalization;
using System.Text;
using CaseDesk.Domain.Common;

namespace CaseDesk.Domain.Clients;

/// <summary>The client's language (9.4): Lithuanian by default; Russian, Polish or sign language when needed.</summary>
public enum ClientLanguage
{
    Lithuanian = 1,
    Russian = 2,
    Polish = 3,
    SignLanguage = 4,
    English = 5,
    Other = 6,
}

public sealed class Client : IVersioned
{
    private readonly List<HouseholdMember> household = [];
    private readonly List<ClientGroupMembership> groups = [];

    private Client() { }

    public Client(Guid id, string firstName, string lastName, DateTime createdAtUtc, string createdBy)
    {
        Id = id;
        CreatedAtUtc = createdAtUtc;
        CreatedByUserId = createdBy;
        Rename(firstName, lastName);
    }

    public Guid Id { get; private set; }
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    /// <summary>"lastname firstname", lower case without diacritics: name-prefix search walks an index.</summary>
    public string NameKey { get; private set; } = "";
    /// <summary>"firstname lastname", same normalisation, so a search may start with either name.</summary>
    public string FirstNameKey { get; private set; } = "";
    /// <summary>Last name, then first name, in Lithuanian order as bytes (<see cref="SortKey"/>): the list walks an index.</summary>
    public string NameOrder { get; private set; } = "";
    public string? PersonalCodeHash { get; private set; }
    public string? PersonalCodeCipher { get; private set; }
    public DateOnly? BirthDate { get; private set; }
    public string? Phone { get; set; }
    /// <summary>Digits of the phone in national form (e.g. 861234567 → 61234567), for search and duplicate checks.</summary>
    public string? PhoneKey { get; private set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public ClientLanguage Language { get; set; } = ClientLanguage.Lithuanian;
    public string? LanguageNote { get; set; }
    public string? AccessibilityNeeds { get; set; }
    /// <summary>9.6: meet this client with two employees.</summary>
    public bool MeetWithTwoEmployees { get; set; }
    public string? SafetyNote { get; set; }
    public DateTime CreatedAtUtc { get; private set; }
    public string CreatedByUserId { get; private set; } = "";
    public Guid Version { get; set; }

    public IReadOnlyList<HouseholdMember> Household => household;
    public IReadOnlyList<ClientGroupMembership> Groups => groups;

    public string FullName => $"{FirstName} {LastName}";

    public void Rename(string firstName, string lastName)
    {
        FirstName = firstName.Trim();
        LastName = lastName.Trim();
        NameKey = SearchKey($"{LastName} {FirstName}");
        FirstNameKey = SearchKey($"{FirstName} {LastName}");
        NameOrder = SortKey(FirstName, LastName);
    }

    /// <summary>
    /// The key of <see cref="NameOrder"/>: ordinal (byte) order of the keys is <see cref="LithuanianOrder"/> of the last
    /// names, then of the first names, the order PostgreSQL's ICU lt-LT collation gives, on both engines. Each half is cut
    /// at 1,200 characters (a 100-letter name needs about 700): the key stays within PostgreSQL's index entry limit.
    /// </summary>
    public static string SortKey(string firstName, string lastName) =>
        Cut(LithuanianOrder.SortKey(lastName)) + "\u0001" + Cut(LithuanianOrder.SortKey(firstName));

    private static string Cut(string key) => key.Length <= 1200 ? key : key[..1200];

    public void SetPhone(string? phone)
    {
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        PhoneKey = PhoneSearchKey(Phone);
    }

    public void SetPersonalCode(string? hash, string? cipher, DateOnly? birthDate)
    {
        PersonalCodeHash = hash;
        PersonalCodeCipher = cipher;
        BirthDate = birthDate ?? BirthDate;
    }

    public void SetBirthDate(DateOnly? birthDate) => BirthDate = birthDate;

    public void SetGroups(IEnumerable<string> codes)
    {
        var wanted = codes.Distinct().ToList();
        groups.RemoveAll(g => !wanted.Contains(g.GroupCode));
        foreach (var code in wanted.Where(c => groups.All(g => g.GroupCode != c)))
            groups.Add(new ClientGroupMembership { ClientId = Id, GroupCode = code });
    }

    public void SetHousehold(IEnumerable<(string Name, string Relation, int? BirthYear)> members)
    {
        household.Clear();
        foreach (var (name, relation, birthYear) in members)
            household.Add(new HouseholdMember { Id = Guid.CreateVersion7(), ClientId = Id, Name = name.Trim(), Relation = relation.Trim(), BirthYear = birthYear });
    }

    /// <summary>Lower case, Lithuanian letters folded to ASCII (ė→e, š→s), single spaces.</summary>
    public static string SearchKey(string text)
    {
        // Typed or pasted text can hold a lone surrogate, which Normalize refuses with an exception; UTF-8 (what SQLite stores) makes it U+FFFD.
        var decomposed = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text.Trim().ToLowerInvariant())).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace && builder.Length > 0) builder.Append(' ');
                lastWasSpace = true;
                continue;
            }
            builder.Append(c);
            lastWasSpace = false;
        }
        return builder.ToString().TrimEnd();
    }

    public static string? PhoneSearchKey(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("370", StringComparison.Ordinal)) digits = digits[3..];
        else if (digits.StartsWith('8') && digits.Length == 9) digits = digits[1..];
        return digits.Length == 0 ? null : digits;
    }
}

public sealed class HouseholdMember
{
    public Guid Id { get; set; }
    public Guid ClientId { get; set; }
    public string Name { get; set; } = "";
    public string Relation { get; set; } = "";
    public int? BirthYear { get; set; }
}

public sealed class ClientGroupMembership
{
    public Guid ClientId { get; set; }
    public string GroupCode { get; set; } = "";
}
