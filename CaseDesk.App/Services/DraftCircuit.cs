namespace CaseDesk.App.Services;

/// <summary>
/// One per circuit (scoped): marks the drafts this circuit keeps, so a form tells a draft left behind by a lost circuit
/// (offer it back) from one left on this live circuit (a form closed without saving: start empty), and counts the
/// draft keepers open per key, so the last one to close on a live circuit removes its draft.
/// </summary>
public sealed class DraftCircuit
{
    private readonly Dictionary<string, int> open = [];

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public void Opened(string key) => open[key] = open.GetValueOrDefault(key) + 1;

    /// <summary>True when no other keeper of this key is open (a form re-creating its keeper opens the new one first).</summary>
    public bool Closed(string key)
    {
        var left = open.GetValueOrDefault(key) - 1;
        if (left > 0)
        {
            open[key] = left;
            return false;
        }
        open.Remove(key);
        return true;
    }
}
