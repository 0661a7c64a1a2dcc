using Bunit;
using CaseDesk.App.Components.Pages;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Emails;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Tests.Mail;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.PhoneMessages;

namespace CaseDesk.Tests.Components.Pages;

public sealed class FrontDeskTests : DomainComponentTestContext
{
    private Caller asta = default!;
    private Caller rasa = default!;

    protected override async Task<Caller> ArrangeAsync()
    {
        asta = await Database.CreateUserAsync("asta", Roles.Caseworker);
        await Database.GiveSignatureAsync(asta, "Asta", "Petrauskienė", "Socialinė darbuotoja", "+370 315 56 662");
        rasa = await Database.CreateUserAsync("rasa", Roles.Reception);
        return rasa;
    }

    [Fact]
    public void An_empty_day_says_so_in_each_section_and_still_offers_the_three_actions()
    {
        var desk = Render<FrontDesk>();

        desk.WaitForAssertion(() => Assert.Contains("No phone messages taken today.", desk.Find("[data-testid=front-desk-no-messages]").TextContent));
        Assert.Contains("No e-mails wait for an answer.", desk.Find("[data-testid=front-desk-no-emails]").TextContent);
        Assert.Equal("clients/new", desk.Find("[data-testid=front-desk-new-client]").GetAttribute("href"));
        Assert.NotNull(desk.Find("[data-testid=front-desk-new-message]"));
        Assert.NotNull(desk.Find("[data-testid=front-desk-register-email]"));
    }

    [Fact]
    public async Task Shows_todays_phone_messages_with_their_state_and_the_e_mails_still_waiting()
    {
        var now = Database.Clock.UtcDateTime;
        var today = VilniusTime.ToUtc(VilniusTime.Now(Database.Clock).Date.AddMinutes(1));
        await Database.Send(new TakePhoneMessage(today.AddDays(-1), "Vakar Skambinęs", null, null, "+370 612 00001", "Vakarykštė žinutė.", asta.UserId), rasa);
        await Database.Send(new TakePhoneMessage(now.AddMinutes(-5), "Ona Jonaitienė", null, null, "+370 612 34567", "Prašo perskambinti.", asta.UserId), rasa);
        var answered = await Database.Send(new RegisterEmail(now.AddHours(-2), "petras@example.lt", "Petras", "Jau atsakyta", "Tekstas", await Database.RegisterAsync(asta)), rasa);
        await Database.Send(new ReplyToEmail(answered, (await Database.Send(new GetEmail(answered), rasa)).Version, "Re: Jau atsakyta", "Atsakymas"), asta);
        await Database.AcceptOutboxAsync();
        await Database.Send(new RegisterEmail(now.AddHours(-1), "ona@example.lt", null, "Dėl pagalbos į namus", "Laba diena"), rasa);

        var desk = Render<FrontDesk>();

        desk.WaitForAssertion(() => Assert.Single(desk.FindAll("[data-testid=front-desk-message]")));
        var message = desk.Find("[data-testid=front-desk-message]");
        Assert.Contains("Ona Jonaitienė", message.TextContent);
        Assert.Equal("To call back", message.QuerySelector("[data-testid=message-state]")!.TextContent.Trim());
        var email = Assert.Single(desk.FindAll("[data-testid=front-desk-email]"));
        Assert.Contains("Dėl pagalbos į namus", email.TextContent);
        Assert.Equal("Not matched to a client", email.QuerySelector("[data-testid=email-state]")!.TextContent.Trim());
    }
}
