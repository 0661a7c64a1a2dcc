using System.Globalization;
using System.Text;

namespace CaseDesk.Domain.Common;

/// <summary>
/// Lithuanian alphabetical order, the same as PostgreSQL's ICU collation <c>lt-LT</c> (checked against ICU 72 by
/// <c>LithuanianSortTests</c>), written out so that it does not depend on the ICU build of the machine (or on
/// InvariantGlobalization). Three levels, as ICU:
/// <list type="number">
/// <item>letters: a b c <b>č</b> d e f g h i j k l m n o p q r s <b>š</b> t u v w x z <b>ž</b>; y counts as i; whitespace, then
/// punctuation, then symbols, then digits come before letters;</item>
/// <item>accents: a letter without one first, then the other accents, then Lithuanian ą, ę ė, į y, ų ū last in that order
/// (so Ąžuolas comes after Aleknavičius, and Įgaudas, Yla, Ivanauskas in this order);</item>
/// <item>case: lower before upper.</item>
/// </list>
/// Strings equal at all three levels are ordered by their characters' code points, so only equal strings compare equal
/// (as ICU's deterministic collations do). SQLite compares the name columns with it (<c>SqliteLithuanianCollation</c>).
/// </summary>
public sealed class LithuanianOrder : IComparer<string>
{
    public static readonly LithuanianOrder Instance = new();

    private const string Letters = "abcčdefghijklmnopqrsštuvwxzž";
    // Whitespace, then punctuation, then symbols, in ICU's root order (those not listed follow by code point).
    private const string Marks = "\t\n\v\f\r \u00a0_-\u2010\u2011\u2012\u2013\u2014\u2015,;:!?.\u2026'\u2018\u2019\u201a\"\u201c\u201d\u201e\u00ab\u00bb()[]{}\u00a7\u00b6@*/\\&#%\u2030`\u00b4^\u00a8+\u00b1\u00f7\u00d7<=>\u00ac|\u00a6~\u00a4\u00a2$\u00a3\u00a5\u20ac";
    // Combining accents in ICU's secondary order (others follow by code point): acute, grave, breve, circumflex, caron,
    // ring, diaeresis, double acute, tilde, cedilla, macron, dot below, macron below, ogonek, dot above.
    private const string Accents = "\u0301\u0300\u0306\u0302\u030c\u030a\u0308\u030b\u0303\u0327\u0304\u0323\u0331\u0328\u0307";

    private const int WhitespaceAndMarks = 0x1000, OtherMarks = 0x2000, Digits = 0x20000, LatinLetters = 0x21000, OtherLetters = 0x30000;
    private const int TailoredLast = 0xFFF, TailoredLastButOne = 0xFFE;

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var a = Elements(x);
        var b = Elements(y);
        for (var level = 1; level <= 3; level++)
        {
            var c = CompareLevel(a, b, level);
            if (c != 0) return c;
        }
        return CompareCodePoints(x, y);
    }

    /// <summary>
    /// A key whose byte order (ordinal, SQLite's BINARY, PostgreSQL's "C") is this order: ASCII weights of the three
    /// levels, each level ended by '!' so that a shorter one sorts first, then the text itself (the tie-break).
    /// Stored beside a name, it lets an index give the list in Lithuanian order without a collation in the database.
    /// </summary>
    public static string SortKey(string text)
    {
        var elements = Elements(text);
        var key = new StringBuilder(elements.Count * 6 + text.Length + 3);
        foreach (var e in elements)
            if (e.Primary != 0) Digits64(key, e.Primary, 3);
        key.Append('!');
        foreach (var e in elements) Digits64(key, e.Secondary, 2);
        key.Append('!');
        foreach (var e in elements) Digits64(key, e.Tertiary, 1);
        key.Append('!');
        return key.Append(text).ToString();
    }

    /// <summary>Base 64 in the ASCII characters '0' (0x30) to 'o' (0x6f), all above the level end '!'.</summary>
    private static void Digits64(StringBuilder key, int value, int digits)
    {
        for (var d = digits - 1; d >= 0; d--)
            key.Append((char)('0' + ((value >> (6 * d)) & 63)));
    }

    /// <summary>One collation element. Primary 0 means an accent (it counts only at the second level).</summary>
    private readonly record struct Element(int Primary, int Secondary, int Tertiary);

    private static int CompareLevel(List<Element> a, List<Element> b, int level)
    {
        // Primary: accents (primary 0) do not count. Secondary and tertiary: every element counts.
        static int Weight(Element e, int level) => level switch { 1 => e.Primary, 2 => e.Secondary, _ => e.Tertiary };
        int i = 0, j = 0;
        while (true)
        {
            if (level == 1)
            {
                while (i < a.Count && a[i].Primary == 0) i++;
                while (j < b.Count && b[j].Primary == 0) j++;
            }
            if (i == a.Count || j == b.Count)
                return (i == a.Count ? 0 : 1) - (j == b.Count ? 0 : 1);
            var c = Weight(a[i], level).CompareTo(Weight(b[j], level));
            if (c != 0) return c;
            i++;
            j++;
        }
    }

    private static List<Element> Elements(string text)
    {
        var decomposed = text.IsNormalized(NormalizationForm.FormD) ? text : text.Normalize(NormalizationForm.FormD);
        var elements = new List<Element>(decomposed.Length);
        for (var k = 0; k < decomposed.Length; k++)
        {
            var c = decomposed[k];
            var next = k + 1 < decomposed.Length ? decomposed[k + 1] : '\0';
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                var accent = Accents.IndexOf(c);
                elements.Add(new Element(0, accent >= 0 ? accent + 1 : Math.Min(0x100 + c, 0xFFD), 0));
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            var upper = lower != c ? 1 : 0;
            if (char.IsAsciiLetterLower(lower))
            {
                // Lithuanian letters: č š ž are letters of their own; ą ę ė į ų ū and y follow their base letter's other accents.
                var (letter, secondary, combined) = (lower, next) switch
                {
                    ('c' or 's' or 'z', '\u030c') => (lower == 'c' ? 'č' : lower == 's' ? 'š' : 'ž', 0, true),
                    ('a' or 'e' or 'i' or 'u', '\u0328') => (lower, TailoredLastButOne, true),
                    ('e', '\u0307') => ('e', TailoredLast, true),
                    ('u', '\u0304') => ('u', TailoredLast, true),
                    ('y', _) => ('i', TailoredLast, false),
                    _ => (lower, 0, false),
                };
                // Like ICU, the Lithuanian accent is an element of its own after the letter: èa sorts after eą.
                elements.Add(new Element(LatinLetters + Letters.IndexOf(letter), 0, upper));
                if (secondary != 0) elements.Add(new Element(0, secondary, 0));
                if (combined) k++;
                continue;
            }
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c))
            {
                var mark = Marks.IndexOf(c);
                elements.Add(new Element(mark >= 0 ? WhitespaceAndMarks + mark : char.IsWhiteSpace(c) ? WhitespaceAndMarks + Marks.IndexOf(' ') : OtherMarks + c, 0, 0));
                continue;
            }
            if (char.IsDigit(c))
            {
                elements.Add(new Element(Digits + (int)char.GetNumericValue(c), 0, 0));
                continue;
            }
            if (char.IsControl(c) || c is '\u200b' or '\u200c' or '\u200d' or '\u2060' or '\ufeff')
                continue; // ignorable, as in ICU
            // Letters of other alphabets (and ł, ø, đ, ß...): after the Latin ones, by code point.
            elements.Add(new Element(OtherLetters + lower, 0, upper));
        }
        return elements;
    }

    private static int CompareCodePoints(string x, string y)
    {
        // PostgreSQL breaks ties by the UTF-8 bytes, which is code point order (UTF-16 code units differ above U+D800).
        var a = x.EnumerateRunes();
        var b = y.EnumerateRunes();
        while (true)
        {
            var moreA = a.MoveNext();
            var moreB = b.MoveNext();
            if (!moreA || !moreB) return (moreA ? 1 : 0) - (moreB ? 1 : 0);
            var c = a.Current.Value.CompareTo(b.Current.Value);
            if (c != 0) return c;
        }
    }
}
