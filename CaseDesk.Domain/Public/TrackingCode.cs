using System.Security.Cryptography;
using System.Text;

namespace CaseDesk.Domain.Public;

/// <summary>
/// The public tracking code: 20 characters of Crockford's base32 (100 random bits from <see cref="RandomNumberGenerator"/>), shown in
/// groups of four ("7KQ2-M9XD-..."). Nothing in it comes from an id, a number or a time. Crockford's alphabet has no I, L, O or U,
/// and reading one typed in forgives case, spaces, dashes, and I/L for 1 and O for 0.
/// </summary>
public static class TrackingCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 20;
    public const int Bits = Length * 5;

    public static string New()
    {
        Span<char> code = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return Format(new string(code));
    }

    /// <summary>"7KQ2M9XD..." as "7KQ2-M9XD-...": easier to read out and copy.</summary>
    public static string Format(string normalized) =>
        string.Join('-', Enumerable.Range(0, (normalized.Length + 3) / 4).Select(i => normalized.Substring(i * 4, Math.Min(4, normalized.Length - i * 4))));

    /// <summary>The code as typed, reduced to its 20 characters, or null when it cannot be a code (any other character, another length).</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > 64)
            return null;
        var sb = new StringBuilder(Length);
        foreach (var ch in typed)
        {
            if (ch is ' ' or '-' or '\t')
                continue;
            var c = char.ToUpperInvariant(ch) switch { 'O' => '0', 'I' or 'L' => '1', var other => other };
            if (Alphabet.IndexOf(c) < 0)
                return null;
            sb.Append(c);
        }
        return sb.Length == Length ? sb.ToString() : null;
    }

    /// <summary>What is stored: the lower-case hex SHA-256 of the normalized code.</summary>
    public static string Hash(string normalized) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normalized)));
}
