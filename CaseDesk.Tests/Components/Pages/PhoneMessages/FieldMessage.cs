using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace CaseDesk.Tests.Components.Pages.PhoneMessages;

/// <summary>
/// What a person reads at a field: the text the input is described by (aria-describedby), as a screen reader announces
/// it. Found through the input's name or test id, never through the component library's classes.
/// </summary>
internal static class FieldMessage
{
    public static string At<T>(IRenderedComponent<T> cut, string inputSelector) where T : IComponent
    {
        var input = cut.Find(inputSelector);
        return input.GetAttribute("aria-describedby") is { Length: > 0 } id && cut.FindAll($"[id='{id}']") is [var message, ..]
            ? message.TextContent.Trim()
            : "";
    }

    /// <summary>True when some field is marked invalid (a red border): never on a form nobody has saved yet.</summary>
    public static bool AnyInvalid<T>(IRenderedComponent<T> cut) where T : IComponent => cut.FindAll("[aria-invalid=true]").Count > 0;
}
