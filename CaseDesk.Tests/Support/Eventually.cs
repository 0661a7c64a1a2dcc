namespace CaseDesk.Tests.Support;

/// <summary>Waits for something a component saves in the background (a dialog's choice, a debounced save) to be true in the database.</summary>
internal static class Eventually
{
    /// <summary>Retries the assertion every 50 ms for up to 15 s (or <paramref name="within"/>); its last failure is the test's failure.</summary>
    public static async Task WaitForAsync(Func<Task> assertion, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Xunit.Sdk.XunitException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(50);
            }
        }
    }
}
