using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseDesk.Tests.Browser;

internal static class OpenLists
{
    /// <summary>
    /// Closes a multi-select's open list as a person does: Escape, and a click beside it when Escape did not take.
    /// In the full suite the list stayed open after Escape about one run in three (FirstHour_quality..., ComplaintFlowTests):
    /// once an option is clicked the focus is in MudBlazor's popover, outside the select that listens for the key.
    /// </summary>
    public static async Task CloseAsync(IPage page)
    {
        var list = page.GetByRole(AriaRole.Listbox);
        await page.Keyboard.PressAsync("Escape");
        try
        {
            await Expect(list).ToHaveCountAsync(0, new() { Timeout = 2_000 });
        }
        catch (PlaywrightException)
        {
            // Beside the list: the bottom-right corner of the window (the popover's overlay takes the click and closes it).
            var size = page.ViewportSize ?? new PageViewportSizeResult { Width = 1280, Height = 720 };
            await page.Mouse.ClickAsync(size.Width - 4, size.Height - 4);
            await Expect(list).ToHaveCountAsync(0);
        }
    }
}
