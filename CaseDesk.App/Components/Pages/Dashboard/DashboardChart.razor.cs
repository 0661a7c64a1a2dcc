namespace CaseDesk.App.Components.Pages.Dashboard;

/// <summary>What one dashboard chart shows: categories along the axis, one layer per stacked segment.</summary>
/// <param name="Keys">Stable keys of the categories (enum names), for tests and styling; the same order as <paramref name="Categories"/>.</param>
/// <param name="AxisLabels">Short labels under the bars (a commitment's or touchpoint's number) when the category names are long; by default the names, slanted.</param>
/// <param name="Max">The value axis' top when it has a natural one (100 for shares), else null.</param>
public sealed record ChartBlock(
    string Caption,
    string CategoryHeader,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Keys,
    IReadOnlyList<ChartLayer> Layers,
    string Empty,
    string? Hint = null,
    double? Max = null,
    int Height = 260,
    IReadOnlyList<string>? AxisLabels = null);

/// <summary>One segment of every bar: its name (legend, column title), its colour from the theme's palette, and a cell per category.</summary>
public sealed record ChartLayer(string Key, string Name, string Color, IReadOnlyList<ChartCell> Cells);

/// <summary>One bar segment: its value, how the table says it, and the address of the records behind it.</summary>
public sealed record ChartCell(double Value, string Text, string? Href);
