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

        form.WaitForAssertion(() => Assert.Equal("Write what the contact was about.", FieldMessages.At(form, "textarea[name=Summary]")));
        Assert.Null(await Database.ReadAsync(db => db.PhoneMessages.Where(m => m.Id == id).Select(m => m.CalledBackAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task A_call_back_without_a_client_and_without_whom_you_called_shows_the_message_at_that_field()
    {
        var id = await Database.Send(new TakePhoneMessage(Database.Clock.UtcDateTime.AddMinutes(-30), "Jonas Petraitis", null, null,
            "+370 612 34567", "Klausia dėl kaimynės.", asta.UserId), asta);
        var message = await Database.Send(new GetPhoneMessage(id), asta);
        var form = Render<CallBackForm>(p => p.Add(f => f.Message, message));
        Assert.False((FieldMessages.InvalidFields(form).Count > 0));

        form.Find("[data-testid=not-a-client] input[type=checkbox]").Change(true);
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("input[name=CalledWho]")));
        form.Find("input[name=CalledWho]").Change("");
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Write whom you called back.", FieldMessages.At(form, "input[name=CalledWho]")));
        Assert.Equal("Write what the contact was about.", FieldMessages.At(form, "textarea[name=Summary]"));
        Assert.Null(await Database.ReadAsync(db => db.PhoneMessages.Where(m => m.Id == id).Select(m => m.CalledBackAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task A_caller_who_is_not_a_client_is_called_back_by_saying_so_and_the_message_closes_without_a_client()
    {
        var id = await Database.Send(new TakePhoneMessage(Database.Clock.UtcDateTime.AddMinutes(-30), "Jonas Petraitis", "UAB Globa", null,
            "+370 612 34567", "Klausia dėl kaimynės.", asta.UserId), asta);
        var message = await Database.Send(new GetPhoneMessage(id), asta);
        var logged = false;
        var form = Render<CallBackForm>(p => p.Add(f => f.Message, message).Add(f => f.Logged, _ => logged = true));

        form.Find("[data-testid=not-a-client] input[type=checkbox]").Change(true);
        form.WaitForAssertion(() => Assert.Empty(form.FindAll("[data-testid=client-picker]")));
        Assert.Equal("Jonas Petraitis, UAB Globa", form.Find("input[name=CalledWho]").GetAttribute("value"));
        form.Find("textarea[name=Summary]").Change("Paaiškinau, kad kaimynė turi kreiptis pati.");
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.True(logged));
        var closed = await Database.Send(new GetPhoneMessage(id), asta);
        Assert.Equal(("Jonas Petraitis, UAB Globa", "Paaiškinau, kad kaimynė turi kreiptis pati.", (Guid?)null), (closed.CalledBackWho, closed.CallBackSummary, closed.ClientId));
        Assert.Equal(0, await Database.ReadAsync(db => db.Clients.CountAsync()));
    }

    [Fact]
    public async Task A_message_linked_to_a_client_offers_no_call_back_without_a_client()
    {
        var client = await Database.RegisterAsync(asta, "Petras", "Žemaitis");
        var id = await Database.Send(new TakePhoneMessage(Database.Clock.UtcDateTime.AddMinutes(-30), "Petras Žemaitis", null, null,
            "+370 612 34567", "Prašo perskambinti.", asta.UserId, client), asta);
        var message = await Database.Send(new GetPhoneMessage(id), asta);
        var form = Render<CallBackForm>(p => p.Add(f => f.Message, message));

        Assert.Empty(form.FindAll("[data-testid=not-a-client]"));
    }
}
