using Bunit;
using CaseDesk.App.Components.Pages.PhoneMessages;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.Components.Pages.PhoneMessages;

public sealed class CallBackFormTests : DomainComponentTestContext
{
    private Caller asta = default!;

    protected override async Task<Caller> ArrangeAsync()
    {
        asta = await Database.CreateUserAsync("asta", Roles.Caseworker);
        await Database.PlaceInUnitAsync(asta, Casework.SocialServices);
        return asta;
    }

    [Fact]
    public async Task A_call_back_without_a_summary_shows_the_domains_message_at_the_summary_and_the_message_stays_open()
    {
        var client = await Database.RegisterAsync(asta, "Petras", "Žemaitis");
        var id = await Database.Send(new TakePhoneMessage(Database.Clock.UtcDateTime.AddMinutes(-30), "Petras Žemaitis", null, null,
            "+370 612 34567", "Prašo perskambinti.", asta.UserId, client), asta);
        var message = await Database.Send(new GetPhoneMessage(id), asta);
        var form = Render<CallBackForm>(p => p.Add(f => f.Message, message));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Write what the contact was about.",
            form.Find("[name=Summary]").Closest(".rz-form-field")!.NextElementSibling!.TextContent.Trim()));
        Assert.Null(await Database.ReadAsync(db => db.PhoneMessages.Where(m => m.Id == id).Select(m => m.CalledBackAtUtc).SingleAsync()));
    }
}
