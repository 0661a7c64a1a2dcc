using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace CaseDesk.Tests.Support;

/// <summary>
/// What a person and a screen reader get at a form field, read from the accessible markup (aria-describedby,
/// aria-invalid) of the input found by its name or test id, never from the component library's CSS classes.
/// </summary>
internal static class FieldMessages
{
    /// <summary>The message at a field: the texts its input points to with aria-describedby.</summary>
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

    public static bool IsInvalid(IElement input) => input.GetAttribute("aria-invalid") == "true";

    /// <summary>The inputs of a form marked invalid (a red border): none on a form nobody has saved yet.</summary>
    public static IReadOnlyList<string> InvalidFields<T>(IRenderedComponent<T> cut) where T : IComponent =>
        cut.FindAll("input, textarea").Where(IsInvalid).Select(i => i.GetAttribute("name") ?? i.Id ?? "?").ToList();
}
