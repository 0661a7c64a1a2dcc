using Bunit;
using CaseDesk.App.Components.Pages.Cases;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CaseDesk.Tests.Components.Pages.Cases;

/// <summary>The contact form against the real domain: messages at their fields, the touchpoint's channel, a new promise's focus.</summary>
public sealed class LogContactFormTests : DomainComponentTestContext
{
    private Caller asta = default!;
    private Guid clientId;

    protected override async Task<Caller> ArrangeAsync()
    {
        asta = await Database.CreateUserAsync("asta", Roles.Caseworker);
        await Database.PlaceInUnitAsync(asta, Casework.SocialServices);
        clientId = await Database.RegisterAsync(asta, "Ona", "Žemaitienė");
        return asta;
    }

    private IRenderedComponent<LogContactForm> RenderForm(int touchpoint = 5, ContactChannel channel = ContactChannel.OfficeVisit)
    {
        Render<MudPopoverProvider>();
        var form = Render<LogContactForm>(p => p.Add(f => f.ClientId, clientId).Add(f => f.Touchpoint, touchpoint).Add(f => f.Channel, channel));
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("[name=Summary]")));
        return form;
    }

    private static Task Pick<TValue>(IRenderedComponent<MudSelect<TValue>> select, TValue value) =>
        select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));

    private static IRenderedComponent<MudSelect<TValue>> Select<TValue>(IRenderedComponent<LogContactForm> form) =>
        form.FindComponent<MudSelect<TValue>>();

    /// <summary>What a select shows as chosen.</summary>
    private static string Shown(IRenderedComponent<LogContactForm> form, string testId) => form.Find($"[data-testid={testId}]").TextContent.Trim();

    private Task<int> ContactsAsync() => Database.ReadAsync(db => db.Contacts.CountAsync());

    [Fact]
    public async Task A_contact_without_a_summary_shows_the_message_at_the_summary_field_and_saves_nothing()
    {
        var form = RenderForm();

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Write what the contact was about.", FieldMessages.At(form, "[name=Summary]")));
        Assert.Equal(0, await ContactsAsync());
    }

    [Fact]
    public async Task A_contact_in_the_future_shows_the_message_at_the_date_field()
    {
        var form = RenderForm();
        await form.Find("[name=Summary]").ChangeAsync(new() { Value = "Klausė apie pagalbą namuose" });
        await form.Find("input[data-testid=contact-date]").ChangeAsync(new() { Value = VilniusTime.Now(Database.Clock).Date.AddDays(2).ToString("yyyy-MM-dd") });

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("A contact cannot be in the future.", FieldMessages.At(form, "input[data-testid=contact-date]")));
        Assert.Equal(0, await ContactsAsync());
    }

    [Fact]
    public async Task A_promise_without_text_shows_the_message_at_that_promises_field_not_above_the_form()
    {
        var form = RenderForm();
        await form.Find("[name=Summary]").ChangeAsync(new() { Value = "Klausė apie pagalbą namuose" });
        await form.Find("[data-testid=add-promise]").ClickAsync(new());

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Write what was promised.", FieldMessages.At(form, "[data-testid=promise-text]")));
        Assert.Empty(form.FindAll("[data-testid=form-errors]"));
        Assert.Equal(0, await ContactsAsync());
    }

    [Fact]
    public async Task Adding_a_promise_moves_the_focus_into_the_new_promises_text_field()
    {
        var form = RenderForm();

        await form.Find("[data-testid=add-promise]").ClickAsync(new());

        form.WaitForAssertion(() =>
        {
            var focused = (ElementReference)JSInterop.VerifyFocusAsyncInvoke().Arguments[0]!;
            Assert.Equal(focused.Id, form.Find("input[data-testid=promise-text]").GetAttribute("blazor:elementReference"));
        });
    }

    [Fact]
    public async Task Choosing_the_phone_touchpoint_suggests_an_incoming_call_and_an_office_visit_there_is_flagged_at_the_channel()
    {
        var form = RenderForm();
        Assert.Empty(form.FindAll("[data-testid=channel-hint]")); // touchpoint 5 with an office visit fits

        await Pick(Select<int>(form), 2);

        Assert.Equal(("Phone call from the client", "From the client"), (Shown(form, "contact-channel-picker"), Shown(form, "contact-direction-picker")));
        Assert.Empty(form.FindAll("[data-testid=channel-hint]"));

        await Pick(Select<ContactChannel>(form), ContactChannel.OfficeVisit);

        form.WaitForAssertion(() => Assert.Equal("Usual channel for this touchpoint: Phone call from the client / Phone call to the client. Check the channel.",
            form.Find("[data-testid=channel-hint]").TextContent.Trim()));
    }

    [Fact]
    public async Task A_touchpoint_without_a_usual_channel_keeps_the_chosen_one()
    {
        var form = RenderForm(touchpoint: 2, channel: ContactChannel.PhoneOut);

        await Pick(Select<int>(form), 8);

        Assert.Equal("Phone call to the client", Shown(form, "contact-channel-picker"));
        Assert.Empty(form.FindAll("[data-testid=channel-hint]"));
    }

    [Fact]
    public async Task The_contact_is_saved_in_utc_from_the_vilnius_time_shown_with_the_chosen_touchpoint_and_its_promise()
    {
        var form = RenderForm(touchpoint: 2, channel: ContactChannel.PhoneIn);
        await form.Find("[name=Summary]").ChangeAsync(new() { Value = "Klausė apie pagalbą namuose" });
        await form.Find("[data-testid=add-promise]").ClickAsync(new());
        await form.Find("input[data-testid=promise-text]").ChangeAsync(new() { Value = "Paskambinsiu dėl sprendimo" });

        await form.Find("form").SubmitAsync();

        var now = Database.Clock.UtcDateTime;
        form.WaitForAssertion(() => Assert.Equal(1, ContactsAsync().GetAwaiter().GetResult()));
        var contact = await Database.ReadAsync(db => db.Contacts.SingleAsync());
        Assert.Equal((2, ContactChannel.PhoneIn, ContactDirection.FromClient), (contact.Touchpoint, contact.Channel, contact.Direction));
        Assert.Equal(new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0), contact.OccurredAtUtc);
        var promise = await Database.ReadAsync(db => db.Promises.SingleAsync());
        Assert.Equal(("Paskambinsiu dėl sprendimo", VilniusTime.ToUtc(VilniusTime.Now(Database.Clock).Date.AddDays(2).AddHours(12))), (promise.Text, promise.DueAtUtc));
    }
}
