using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CaseDesk.App.Components.Shared;

/// <summary>
/// Plain markup in MudBlazor's look for what a page repeats per row or per item (icons, links, status tags).
/// A MudIcon, MudChip or MudLink is a component: each keeps its own state and two render buffers on the server for as long
/// as the tab is open, and a list of thirty work items made three hundred of them (memory per circuit, issue 15,
/// docs/performance.md). These fragments render the same HTML and CSS classes and cost nothing once rendered.
/// Use the MudBlazor component where it does something (a button with a handler, a field, a menu); use these where it only shows.
/// </summary>
public static class Markup
{
    /// <summary>An SVG icon (a MudBlazor <c>Icons.Material.*</c> value), hidden from assistive technology: the text beside it says it.</summary>
    public static RenderFragment Icon(string svg, Color color = Color.Inherit, Size size = Size.Medium, string? cssClass = null) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", $"mud-icon-root mud-svg-icon {ColorText(color)} mud-icon-size-{size.ToString().ToLowerInvariant()} {cssClass}".TrimEnd());
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, svg);
        builder.CloseElement();
    };

    /// <summary>
    /// A status shown as an outlined tag: an icon and the word, in the palette colour (never the colour alone).
    /// <paramref name="attributes"/> carries data-testid and friends.
    /// </summary>
    public static RenderFragment Tag(string text, string icon, Color color, IReadOnlyDictionary<string, object>? attributes = null) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", $"status-tag {ColorText(color)}");
        if (attributes is not null) builder.AddMultipleAttributes(2, attributes);
        builder.AddContent(3, Icon(icon, Color.Inherit, Size.Small));
        builder.OpenElement(4, "span");
        builder.AddContent(5, text);
        builder.CloseElement();
        builder.CloseElement();
    };

    /// <summary>MudButton's classes for a small button (or a link that looks like one) in the primary colour.</summary>
    public static string ButtonClass(Variant variant)
    {
        var v = variant.ToString().ToLowerInvariant();
        return $"mud-button-root mud-button mud-button-{v} mud-button-{v}-primary mud-button-{v}-size-small mud-ripple";
    }

    /// <summary>MudButton's inside: the start icon and the label.</summary>
    public static RenderFragment ButtonContent(string icon, string text) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "mud-button-label");
        builder.OpenElement(2, "span");
        builder.AddAttribute(3, "class", "mud-button-icon-start mud-button-icon-size-small");
        builder.AddContent(4, Icon(icon, Color.Inherit, Size.Small));
        builder.CloseElement();
        builder.AddContent(5, text);
        builder.CloseElement();
    };

    /// <summary>The text colour class of a palette colour (<c>mud-error-text</c>...), empty for Inherit.</summary>
    public static string ColorText(Color color) => color switch
    {
        Color.Inherit => "",
        Color.Default => "mud-default-text",
        _ => $"mud-{color.ToString().ToLowerInvariant()}-text",
    };
}
