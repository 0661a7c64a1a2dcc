namespace CaseDesk.Domain.Clients;

/// <summary>The Lithuanian personal code (asmens kodas): GYYMMDDNNNC, 11 digits with a checksum.</summary>
public static class PersonalCode
{
    private static readonly int[] FirstWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1];
    private static readonly int[] SecondWeights = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3];

    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != 11 || !code.All(char.IsAsciiDigit))
            return false;
        if (code[0] == '9')
            return CheckDigit(code) == code[10] - '0'; // special codes carry no birth date
        return code[0] is >= '1' and <= '6' && BirthDate(code) is not null && CheckDigit(code) == code[10] - '0';
    }

    public static int CheckDigit(string code)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++) sum += (code[i] - '0') * FirstWeights[i];
        var rest = sum % 11;
        if (rest != 10) return rest;
        sum = 0;
        for (var i = 0; i < 10; i++) sum += (code[i] - '0') * SecondWeights[i];
        rest = sum % 11;
        return rest == 10 ? 0 : rest;
    }

    public static DateOnly? BirthDate(string code)
    {
        var century = code[0] switch { '1' or '2' => 1800, '3' or '4' => 1900, '5' or '6' => 2000, _ => -1 };
        if (century < 0) return null;
        var year = century + int.Parse(code.AsSpan(1, 2));
        var month = int.Parse(code.AsSpan(3, 2));
        var day = int.Parse(code.AsSpan(5, 2));
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    /// <summary>Shown on the client's card only: the first digit and the last two, e.g. "4•••••••••12".</summary>
    public static string Mask(string code) => code.Length == 11 ? $"{code[0]}{new string('•', 8)}{code[9..]}" : "•••";
}
