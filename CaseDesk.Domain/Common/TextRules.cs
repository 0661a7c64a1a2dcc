using System.Globalization;
using System.Text;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using static CaseDesk.Domain.Common.DomainText;

namespace CaseDesk.Domain.Common;

/// <summary>
/// What a text field of a request holds, which decides what characters it takes (docs/privacy.md, "Hostile characters").
/// Every string a request carries is classified by one of the rules below in its validator; a test reads the rules.
/// </summary>
public enum TextKind
{
    /// <summary>A person's name: letters of any script, spaces, hyphens, apostrophes, a dot after an initial.</summary>
    PersonName,

    /// <summary>One line shown inside other text (title, subject, phone, address, code, reason): no invisible characters.</summary>
    SingleLine,

    /// <summary>Free text (summaries, notes, bodies): kept as typed; direction controls are closed where stored.</summary>
    FreeText,
}

/// <summary>A validator that classifies the text it checks; the classification test reads it.</summary>
public interface ITextKindRule
{
    TextKind Kind { get; }
}

/// <summary>Unicode direction controls and other invisible characters, and how text holding them is made harmless.</summary>
public static class BidiText
{
    /// <summary>Embeddings and overrides (LRE RLE PDF LRO RLO), isolates (LRI RLI FSI PDI), marks (LRM RLM ALM).</summary>
    public static bool IsDirectionControl(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    /// <summary>A character that shows nothing yet changes the text: format characters (Unicode Cf) and direction controls.</summary>
    public static bool IsInvisibleFormat(char c) =>
        IsDirectionControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>A control character other than tab and line breaks, or half of a surrogate pair standing alone.</summary>
    public static bool HasBrokenCharacters(string text, bool allowLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && !(allowLineBreaks && c is '\t' or '\r' or '\n'))
                return true;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                return true;
        }
        return false;
    }

    public static bool HasInvisibleFormat(string? text) => text is not null && text.Any(IsInvisibleFormat);

    /// <summary>The text without invisible format characters (search boxes: what was meant is what is searched).</summary>
    public static string? StripInvisible(string? text) =>
        text is null || !HasInvisibleFormat(text) ? text : new string(text.Where(c => !IsInvisibleFormat(c)).ToArray());

    /// <summary>
    /// The text with every embedding, override and isolate closed where it was opened: an unpaired closing control is
    /// dropped, and what is still open at the end of a line or of the text is closed there. The text keeps its own
    /// direction inside, but can no longer reorder what is shown after it. Text without controls is returned as is.
    /// </summary>
    public static string? Balance(string? text)
    {
        if (text is null || !text.Any(c => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')))
            return text;
        var result = new StringBuilder(text.Length + 4);
        var open = new Stack<char>();
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u202A' or '\u202B' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068':
                    open.Push(c);
                    result.Append(c);
                    break;
                case '\u202C': // PDF closes an embedding or override opened inside the current isolate, else it is stray
                    if (open.TryPeek(out var top) && top is not ('\u2066' or '\u2067' or '\u2068'))
                    {
                        open.Pop();
                        result.Append(c);
                    }
                    break;
                case '\u2069': // PDI closes the innermost isolate and whatever was opened inside it
                    if (open.Any(o => o is '\u2066' or '\u2067' or '\u2068'))
                    {
                        while (open.Pop() is var o && o is not ('\u2066' or '\u2067' or '\u2068'))
                            result.Append('\u202C');
                        result.Append(c);
                    }
                    break;
                case '\r' or '\n' or '\u2029' or '\u0085':
                    CloseAll(open, result);
                    result.Append(c);
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }
        CloseAll(open, result);
        return result.ToString();
    }

    /// <summary>True when every embedding, override and isolate in the text is closed on the line it opens.</summary>
    public static bool IsBalanced(string? text) => text == Balance(text);

    private static void CloseAll(Stack<char> open, StringBuilder result)
    {
        while (open.TryPop(out var o))
            result.Append(o is '\u2066' or '\u2067' or '\u2068' ? '\u2069' : '\u202C');
    }

    /// <summary>
    /// Closes open direction controls in every text about to be stored (all entities, audit rows included): the one
    /// place where free text from any request, import or background job passes before it is kept.
    /// </summary>
    internal static void BalanceTracked(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
                continue;
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.ClrType == typeof(string) && property.CurrentValue is string text && Balance(text) is var balanced && balanced != text)
                    property.CurrentValue = balanced;
            }
        }
    }
}

/// <summary>The rules that classify and check a request's text fields, each with one message, shown at the field.</summary>
public static class TextRules
{
    /// <summary>A person's name: letters (any script), spaces, hyphens, apostrophes (' and ’), a dot after an initial.</summary>
    public static IRuleBuilderOptions<TRequest, TText> PersonName<TRequest, TText>(this IRuleBuilder<TRequest, TText> rule) =>
        rule.SetValidator((IPropertyValidator<TRequest, TText>)(object)new TextKindValidator<TRequest>(TextKind.PersonName));

    /// <summary>One line of text: refuses invisible format characters (direction controls) and control characters.</summary>
    public static IRuleBuilderOptions<TRequest, TText> SingleLine<TRequest, TText>(this IRuleBuilder<TRequest, TText> rule) =>
        rule.SetValidator((IPropertyValidator<TRequest, TText>)(object)new TextKindValidator<TRequest>(TextKind.SingleLine));

    /// <summary>Free text: kept as typed (direction controls are closed when stored), only broken characters are refused.</summary>
    public static IRuleBuilderOptions<TRequest, TText> FreeText<TRequest, TText>(this IRuleBuilder<TRequest, TText> rule) =>
        rule.SetValidator((IPropertyValidator<TRequest, TText>)(object)new TextKindValidator<TRequest>(TextKind.FreeText));

    public static string InvisibleCharactersMessage =>
        T("This field contains invisible characters that change the direction of the text (often copied from another program): retype it.");

    public static string ControlCharactersMessage => T("This field contains control characters or broken characters: retype it.");

    public static string PersonNameMessage => T("A name may contain only letters, spaces, hyphens, apostrophes and a dot after an initial.");

    /// <summary>Why <paramref name="text"/> does not fit <paramref name="kind"/>, or null when it does. Blank text fits (required is another rule).</summary>
    public static string? Problem(TextKind kind, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (kind != TextKind.FreeText && BidiText.HasInvisibleFormat(text))
            return InvisibleCharactersMessage;
        if (BidiText.HasBrokenCharacters(text, allowLineBreaks: kind == TextKind.FreeText))
            return ControlCharactersMessage;
        if (kind == TextKind.PersonName && !IsPersonName(text))
            return PersonNameMessage;
        return null;
    }

    /// <summary>
    /// Letters of any script (with their combining accents), separated by single spaces, hyphens or apostrophes; a dot
    /// only right after a letter ("J. Jonaitis"). No digits or other symbols.
    /// </summary>
    public static bool IsPersonName(string text)
    {
        var name = text.Trim();
        if (name.Length == 0 || !char.IsLetter(name[0]))
            return false;
        var previous = name[0];
        foreach (var c in name.AsSpan(1))
        {
            var fits = char.IsLetter(c)
                || (IsMark(c) && (char.IsLetter(previous) || IsMark(previous)))
                || (c is ' ' or '-' or '\'' or '\u2019' && previous is not (' ' or '-' or '\'' or '\u2019'))
                || (c == '.' && char.IsLetter(previous));
            if (!fits)
                return false;
            previous = c;
        }
        return true;
    }

    private static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}

internal sealed class TextKindValidator<TRequest>(TextKind kind) : PropertyValidator<TRequest, string?>, ITextKindRule
{
    public TextKind Kind => kind;

    public override string Name => $"{kind}Validator";

    public override bool IsValid(ValidationContext<TRequest> context, string? value)
    {
        if (TextRules.Problem(kind, value) is not { } problem)
            return true;
        context.MessageFormatter.AppendArgument("Problem", problem);
        return false;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) => "{Problem}";
}
