using System.Text.Json;
using Bunit;

namespace CaseDesk.Tests.Support;

/// <summary>The tab's draft store (drafts.js) as bUnit's JS interop sees it: what a form kept, and a draft for it to find.</summary>
public static class KeptDrafts
{
    /// <summary>The field of the last draft the form kept under <paramref name="key"/>; fails while none is kept.</summary>
    public static string? Field(BunitJSInterop js, string key, string field)
    {
        var saved = js.Invocations["caseDeskDrafts.save"].LastOrDefault(i => (string?)i.Arguments[0] == key);
        Assert.True(saved.Identifier is not null, $"no draft kept under {key}");
        using var json = JsonDocument.Parse((string)saved.Arguments[1]!);
        return Find(json.RootElement, field)?.GetString();
    }

    /// <summary>A draft kept in the tab before the circuit was lost, for the form to load when it opens.</summary>
    public static void Keep(BunitJSInterop js, string key, object draft) =>
        js.Setup<string?>("caseDeskDrafts.load", key).SetResult(JsonSerializer.Serialize(draft));

    public static bool Cleared(BunitJSInterop js, string key) =>
        js.Invocations["caseDeskDrafts.clear"].Any(i => (string?)i.Arguments[0] == key);

    /// <summary>The kept field once the form's debounced save has run (it causes no render, so bUnit's waits would not re-check).</summary>
    public static async Task<string?> FieldAsync(BunitJSInterop js, string key, string field)
    {
        await Until(() => js.Invocations["caseDeskDrafts.save"].Any(i => (string?)i.Arguments[0] == key && Has(i, field)));
        return Field(js, key, field);
    }

    public static async Task<bool> ClearedAsync(BunitJSInterop js, string key)
    {
        await Until(() => Cleared(js, key));
        return Cleared(js, key);
    }

    private static bool Has(JSRuntimeInvocation saved, string field)
    {
        using var json = JsonDocument.Parse((string)saved.Arguments[1]!);
        return !string.IsNullOrEmpty(Find(json.RootElement, field)?.GetString());
    }

    private static async Task Until(Func<bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (!done() && DateTime.UtcNow < until)
            await Task.Delay(50);
    }

    // A draft may wrap the input with its version ({ Version, Input: { ... } }).
    private static JsonElement? Find(JsonElement element, string field) =>
        element.TryGetProperty(field, out var value) ? value
        : element.TryGetProperty("Input", out var input) ? Find(input, field)
        : null;
}
