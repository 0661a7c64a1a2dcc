using FluentValidation;

namespace CaseDesk.Domain.Common;

/// <summary>One page of a server-side list and the total number of matching rows.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total) : IPage
{
    IEnumerable<object> IPage.Rows => Items.Cast<object>();
}

public interface IPage
{
    IEnumerable<object> Rows { get; }
}

/// <summary>What a list screen asks for: a window, a sort column and direction, free-text search.</summary>
public sealed record ListWindow(int Skip = 0, int Take = 25, string? SortBy = null, bool Descending = false, string? Search = null)
{
    public const int MaxTake = 200;

    /// <summary>Search text without invisible direction characters: a pasted name finds what it shows.</summary>
    public string? Search { get; init => field = BidiText.StripInvisible(value); } = BidiText.StripInvisible(Search);
}

internal sealed class ListWindowValidator : AbstractValidator<ListWindow>
{
    public static readonly ListWindowValidator Instance = new();

    public ListWindowValidator()
    {
        RuleFor(w => w.SortBy).SingleLine();
        RuleFor(w => w.Search).SingleLine();
    }
}

public static class ListWindowRules
{
    public static IRuleBuilderOptions<T, ListWindow> ValidWindow<T>(this IRuleBuilder<T, ListWindow> rule) =>
        rule.Must(w => w.Skip >= 0 && w.Take is > 0 and <= ListWindow.MaxTake && (w.Search?.Length ?? 0) <= 200)
            .WithMessage(_ => DomainText.T("The list window is out of range."))
            .SetValidator(ListWindowValidator.Instance);
}
