namespace CaseDesk.App.Services;

/// <summary>
/// Waits for typing to pause before a search runs: each call cancels the one before, and only the
/// last caller is told to go on (300 ms after the last keystroke).
/// </summary>
public sealed class Debounce
{
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(300);

    private CancellationTokenSource? pending;

    /// <summary>Drops a pending wait (e.g. when the component goes away).</summary>
    public void Cancel() => pending?.Cancel();

    /// <summary>True when no newer call came within the pause; false when this one was replaced.</summary>
    public async Task<bool> SettledAsync()
    {
        pending?.Cancel();
        var mine = pending = new CancellationTokenSource();
        try
        {
            await Task.Delay(Pause, mine.Token);
            return true;
        }
        catch (TaskCanceledException)
        {
            return false; // a newer keystroke replaced this search
        }
    }
}
