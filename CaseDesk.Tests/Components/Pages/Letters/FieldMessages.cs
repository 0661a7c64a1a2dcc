using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace CaseDesk.Tests.Components.Pages.Letters;

/// <summary>Where a form's message shows, found by the field's input and never by the library's CSS classes.</summary>
internal static class FieldMessages
{
    /// <summary>
    /// The message a person and a screen reader get at a field: the text its input points to with aria-describedby,
    /// which is how a validation message is tied to its field.
    /// </summary>
    public static string At<T>(IRenderedComponent<T> cut, string inputSelector) where T : IComponent
    {
        var ids = (cut.Find(inputSelector).GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" ", ids.SelectMany(id => cut.FindAll($"[id='{id}']")).Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));
    }

    /// <summary>The text shown around a field (label, counter, messages): its largest surrounding element that holds no other field.</summary>
    public static string Around<T>(IRenderedComponent<T> cut, string inputSelector) where T : IComponent
    {
        var input = cut.Find(inputSelector);
        IElement field = input;
        while (field.ParentElement is { } parent && parent.QuerySelectorAll("input, textarea, select").Length == 1)
            field = parent;
        return input.TextContent.Length == 0 ? field.TextContent : field.TextContent.Replace(input.TextContent, "");
    }
}
