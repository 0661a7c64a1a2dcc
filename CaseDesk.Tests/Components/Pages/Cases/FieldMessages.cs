using Bunit;
using Microsoft.AspNetCore.Components;

namespace CaseDesk.Tests.Components.Pages.Cases;

/// <summary>What a screen reader announces with a field: the texts its aria-describedby points at (the message at the field).</summary>
internal static class FieldMessages
{
    public static string MessageAt<T>(this IRenderedComponent<T> form, string selector) where T : IComponent =>
        string.Join(" ", (form.Find(selector).GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(id => form.FindAll($"[id=\"{id}\"]"))
            .Select(described => described.TextContent.Trim()));
}
