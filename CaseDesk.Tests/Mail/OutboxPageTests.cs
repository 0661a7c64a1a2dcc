using Bunit;
using CaseDesk.App.Components.Pages.Emails;
using CaseDesk.App.Mail;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Emails;
using CaseDesk.Domain.Mail;
using CaseDesk.Tests.Components;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.PhoneMessages;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CaseDesk.Tests.Mail;

/// <summary>The e-mail page's side of the outbox: the pick-up notice, a failed reply with the server's reason, and trying it again.</summary>
public sealed class OutboxPageTests : DomainComponentTestContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private Caller asta = default!;
    private Guid emailId;

    protected override async Task<Caller> ArrangeAsync()
    {
        asta = await Database.CreateUserAsync("asta", Roles.Caseworker);
        await Database.GiveSignatureAsync(asta, "Asta", "Petrauskienė", "Socialinė darbuotoja", "+370 315 56 662");
        var clientId = await Database.RegisterAsync(asta, "Ona", "Jonaitienė");
        emailId = await Database.Send(new RegisterEmail(Database.Clock.UtcDateTime.AddHours(-1), "ona@example.lt", "Ona", "Pagalba į namus",
            "Kokių dokumentų reikia?", clientId, null, asta.UserId), asta);
        Services.AddSingleton(new MailSettings { From = MailSettings.PickupFrom, PickupFolder = Path.Combine(Path.GetTempPath(), "casedesk-tests", "unused-pickup") });
        return asta;
    }

    private IRenderedComponent<EmailPage> Open()
    {
        Render<MudPopoverProvider>();
        return Render<EmailPage>(p => p.Add(c => c.Id, emailId));
    }

    [Fact]
    public void Without_a_mail_server_the_reply_form_says_replies_go_to_the_pickup_folder()
    {
        var page = Open();

        page.WaitForAssertion(() => Assert.Equal("Mail is not connected to a server: replies are saved to the pick-up folder on the server.",
            page.Find("[data-testid=reply-form] [data-testid=pickup-notice]").TextContent.Trim()), Patience);
        Assert.Equal("Send the reply", page.Find("[data-testid=save-reply]").TextContent.Trim());
    }

    [Fact]
    public async Task A_finally_refused_reply_shows_the_servers_reason_and_is_tried_again_after_confirming()
    {
        var version = (await Database.Send(new GetEmail(emailId), asta)).Version;
        await Database.Send(new ReplyToEmail(emailId, version, "Re: Pagalba į namus", "Reikės prašymo."), asta);
        var queued = Assert.Single(await Database.OutboxAsync());
        await Database.Send(new RecordMailFailure(queued.Id, "550 5.1.1 No such mailbox here", Permanent: true, Database.Clock.UtcDateTime), Caller.System);
        var dialogs = Render<MudDialogProvider>();
        var page = Open();

        page.WaitForAssertion(() => Assert.Contains("Not delivered to ona@example.lt: 550 5.1.1 No such mailbox here", page.Find("[data-testid=reply-failed]").TextContent), Patience);
        Assert.Equal("Reply being sent", page.Find("[data-testid=email-status]").TextContent.Trim());
        var asking = page.Find("[data-testid=retry-reply]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Send the reply again?", dialogs.Find("[role=dialog]").TextContent), Patience);
        await dialogs.FindAll("[role=dialog] button").Single(b => b.TextContent.Trim() == "Try again").ClickAsync(new());
        await asking.WaitAsync(Patience);

        page.WaitForAssertion(() => Assert.Equal("Pending", page.Find("[data-testid=reply-delivery]").GetAttribute("data-status")), Patience);
        Assert.Equal(OutboxStatus.Pending, Assert.Single(await Database.OutboxAsync()).Status);
        Assert.Contains(await Database.AuditEntriesAsync(), a => a.Action == nameof(ResendEmailReply) && a.UserId == asta.UserId);
    }
}
