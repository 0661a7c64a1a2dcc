namespace CaseDesk.Domain.Incidents;

/// <summary>
/// Lower case without Lithuanian (and other Latin) diacritics, one character for one character, so a match
/// found in the folded copy of a text is at the same place in the text: "Petraitienė" and "PETRAITIENE" both
/// read "petraitiene".
/// </summary>
public static class TextFold
{
    private static readonly char[] Table = BuildTable();

    public static char Fold(char c) => c < Table.Length ? Table[c] : char.ToLowerInvariant(c);

    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
            span[i] = Fold(source[i]);
    });

    public static bool IsAscii(string word) => word.All(char.IsAscii);

    private static char[] BuildTable()
    {
        var table = new char[0x250];
        for (var c = 0; c < table.Length; c++)
        {
            var lower = char.ToLowerInvariant((char)c);
            var decomposed = lower.ToString().Normalize(System.Text.NormalizationForm.FormD);
            // Only a letter that decomposes into one ASCII letter and marks is folded (ą → a, š → s, ė → e); others stay.
            table[c] = lower > 127 && decomposed.Length > 1 && char.IsAsciiLetter(decomposed[0]) ? decomposed[0] : lower;
        }
        return table;
    }
}
