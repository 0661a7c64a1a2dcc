using Bunit;
using CaseDesk.App.Components.Pages.Complaints;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Mail;
using CaseDesk.Tests.Components;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.PhoneMessages;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CaseDesk.Tests.Mail;

/// <summary>The complaint step form's e-mail choice: offered only with a known address, queued with the step, failures shown and tried again.</summary>
public sealed class OutboxComplaintPageTests : DomainComponentTestContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private Caller officer = default!;

    protected override async Task<Caller> ArrangeAsync()
    {
        officer = await Database.CreateUserAsync("darius", Roles.QualityOfficer);
        await Database.GiveSignatureAsync(officer, "Darius", "Žukauskas", "Kokybės specialistas", "+370 315 56 600");
        return officer;
    }

    private bool popovers;

    private IRenderedComponent<ComplaintPage> Open(Guid id)
    {
        if (!popovers)
            (popovers, _) = (true, Render<MudPopoverProvider>());
        var page = Render<ComplaintPage>(p => p.Add(c => c.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=next-step]")), Patience);
        return page;
    }

    [Fact]
    public async Task Without_an_address_the_choice_is_not_offered()
    {
        var id = await Database.RegisterFeedbackAsync(officer, contactDetails: "+37060000000");

        var page = Open(id);

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=step-form]")), Patience);
        Assert.Empty(page.FindAll("[data-testid=send-by-email]"));
    }

    [Fact]
    public async Task The_acknowledgement_is_sent_by_email_with_the_step_and_a_refusal_shows_with_try_again()
    {
        var id = await Database.RegisterFeedbackAsync(officer, contactDetails: "ona@example.lt");
        var dialogs = Render<MudDialogProvider>();
        var page = Open(id);

        page.WaitForAssertion(() => Assert.Contains("Send by e-mail to ona@example.lt", page.Find("[data-testid=step-form]").TextContent), Patience);
        await page.Find("input[type=checkbox][data-testid=send-by-email]").ChangeAsync(new() { Value = true });
        page.WaitForAssertion(() => page.Find("[data-testid=step-form] textarea[name=Apology]"), Patience);
        await page.Find("[data-testid=step-form] textarea[name=Apology]").ChangeAsync(new() { Value = "Gavome Jūsų skundą, ačiū." });
        await page.Find("[data-testid=step-form]").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("Pending", page.Find("[data-testid=complaint-mail-delivery]").GetAttribute("data-status")), Patience);
        var queued = Assert.Single(await Database.OutboxAsync());
        Assert.Equal(("ona@example.lt", ComplaintMail.AcknowledgementKind), (queued.ToAddress, queued.SourceKind));
        Assert.Equal(ComplaintStage.Acknowledged, (await Database.GetAsync(id, officer)).Stage);

        await Database.Send(new RecordMailFailure(queued.Id, "550 5.1.1 No such mailbox here", Permanent: true, Database.Clock.UtcDateTime), Caller.System);
        var again = Open(id);
        again.WaitForAssertion(() => Assert.Contains("Not delivered to ona@example.lt: 550 5.1.1 No such mailbox here", again.Find("[data-testid=complaint-mail-failed]").TextContent), Patience);
        var asking = again.Find("[data-testid=retry-complaint-mail]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Send the e-mail again?", dialogs.Find("[role=dialog]").TextContent), Patience);
        await dialogs.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Try again").ClickAsync(new());
        await asking.WaitAsync(Patience);

        again.WaitForAssertion(() => Assert.Equal("Pending", again.Find("[data-testid=complaint-mail-delivery]").GetAttribute("data-status")), Patience);
        Assert.Equal(OutboxStatus.Pending, Assert.Single(await Database.OutboxAsync()).Status);
    }
}
