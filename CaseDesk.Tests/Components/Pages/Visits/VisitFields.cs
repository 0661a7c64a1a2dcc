using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace CaseDesk.Tests.Components.Pages.Visits;

/// <summary>
/// What a person (and a screen reader) reads at a field: the message the input names in aria-describedby, and whether
/// the input is marked invalid. Reads the accessible markup, not the component library's CSS classes.
/// </summary>
internal static class VisitFields
{
    public static string MessageAt<T>(IRenderedComponent<T> cut, string inputSelector) where T : IComponent
    {
        var input = cut.Find(inputSelector);
        var ids = input.GetAttribute("aria-describedby");
        if (string.IsNullOrEmpty(ids))
            return "";
        return string.Join(" ", ids.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => cut.FindAll($"[id='{id}']").FirstOrDefault()?.TextContent.Trim() ?? ""));
    }

    public static bool IsInvalid(IElement input) => input.GetAttribute("aria-invalid") == "true";

    /// <summary>The inputs of a form that show an error: none on a blank form.</summary>
    public static IReadOnlyList<string> InvalidFields<T>(IRenderedComponent<T> cut) where T : IComponent =>
        cut.FindAll("input, textarea").Where(IsInvalid).Select(i => i.GetAttribute("name") ?? i.Id ?? "?").ToList();
}
