using CaseDesk.Domain.Privacy;
using Microsoft.Extensions.Localization;

namespace CaseDesk.App.Services;

/// <summary>
/// Opening a record a caseworker may open only with a stated reason (a client of another unit): the read is tried
/// without one; when the domain asks for a reason, the reason dialog says why and the read runs again with it. The
/// reason is remembered for that record for the rest of the circuit, so the card, its edit page and pickers ask once
/// (every read is still audited with it).
/// </summary>
public sealed class AccessReasons(UiDialogs dialogs, InputLimits limits, IStringLocalizer<SharedResource> L)
{
    private readonly Dictionary<Guid, string> given = [];

    /// <summary>The reason already stated for this record in this circuit, if any.</summary>
    public string? For(Guid recordId) => given.GetValueOrDefault(recordId);

    /// <summary>The read's result, or the refusal's text when the user gave no reason.</summary>
    public async Task<(T? Value, string? Refusal)> ReadAsync<T>(Guid recordId, Func<string?, Task<T>> read) where T : class
    {
        try
        {
            return (await read(For(recordId)), null);
        }
        catch (AccessReasonRequiredException refusal)
        {
            var reason = await AskAsync(refusal.Because);
            if (reason is null)
                return (null, refusal.Because);
            given[recordId] = reason;
            return (await read(reason), null);
        }
    }

    private Task<string?> AskAsync(string because) =>
        dialogs.AskReasonAsync(L["Why do you open this record?"], $"{because} {L["The reason is written to the audit log."]}",
            limits.Max<Domain.Clients.GetClient>(nameof(Domain.Clients.GetClient.AccessReason)));
}
