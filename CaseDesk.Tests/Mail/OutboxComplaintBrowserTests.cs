using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Mail;
using CaseDesk.Tests.Browser;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CaseDesk.Tests.Mail;

/// <summary>
/// The README's one command, no mail server: an acknowledgement sent by e-mail from the complaint's step form goes through the
/// app's outbox sender to the pick-up folder and the form follows it; axe on the form and on the delivery state.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OutboxComplaintBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task An_acknowledgement_sent_by_email_from_the_step_form_is_saved_and_shown_with_no_serious_axe_violation()
    {
        await using var domain = new DomainAccess(fixture.App);
        var officerId = await domain.UserIdAsync("quality");
        await domain.ReadAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == officerId);
            (user.FirstName, user.LastName, user.Position, user.PhoneNumber) = (user.FirstName is { Length: > 0 } f ? f : "Darius",
                user.LastName is { Length: > 0 } l ? l : "Žukauskas", user.Position ?? "Kokybės specialistas", user.PhoneNumber ?? "+370 315 56 600");
            user.UnitId ??= await db.OrgUnits.Select(o => (Guid?)o.Id).FirstAsync();
            return await db.SaveChangesAsync();
        });
        var id = await domain.SendAsync(new RegisterFeedback(FeedbackKind.Complaint, FeedbackSource.Email, DateTime.UtcNow.AddMinutes(-30),
            "Niekas neatskambino, nors žadėjo", null, null, "Ona Jonaitienė", "ona.skundas@example.lt", [2], ["VIII"]));
        await using var session = await fixture.SignInAsync("quality", output, returnUrl: $"complaints/{id}");
        var page = session.Page;

        await Expect(page.GetByTestId("send-by-email")).ToBeVisibleAsync();
        await page.GetByTestId("send-by-email").CheckAsync();
        await page.Locator("[data-testid=step-form] textarea[name=Apology]").FillAsync("Gavome Jūsų skundą, atsakysime greitai.");
        var blocking = await AccessibilityTests.AxeAsync(page, "acknowledgement by e-mail", output);
        await page.GetByTestId("step-submit").ClickAsync();

        await Expect(page.GetByTestId("complaint-mail-delivery")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        // The "Saved" notification is on the page at full contrast from its first frame: faded in over a second, axe found a
        // half-faded "Išsaugota" below the contrast minimum (CaseDeskHost's snackbar settings).
        var saved = page.GetByTestId("notification");
        await Expect(saved).ToBeVisibleAsync();
        Assert.Equal("1", await saved.EvaluateAsync<string>("e => getComputedStyle(e.closest('.mud-snackbar')).opacity"));
        blocking.AddRange(await AccessibilityTests.AxeAsync(page, "acknowledgement queued", output));
        Assert.Empty(blocking);
        // The sender runs every 15 seconds.
        await Eventually.WaitForAsync(async () => Assert.Equal(OutboxStatus.Sent,
            await domain.ReadAsync(db => Outbox.Messages(db).Where(m => m.SourceId == id).Select(m => m.Status).SingleAsync())), TimeSpan.FromSeconds(45));
    }
}
