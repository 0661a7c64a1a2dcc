using Bunit;
using CaseDesk.App.Components.Pages.PhoneMessages;
using CaseDesk.Domain.Common;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CaseDesk.Tests.Components.Pages.PhoneMessages;

public sealed class TakePhoneMessageFormTests : DomainComponentTestContext
{
    protected override async Task<Caller> ArrangeAsync()
    {
        await Database.CreateUserAsync("asta", Roles.Caseworker);
        return await Database.CreateUserAsync("rasa", Roles.Reception);
    }

    [Fact]
    public async Task Saving_an_empty_message_shows_what_is_missing_at_each_field_and_stores_nothing()
    {
        Render<MudPopoverProvider>();
        var form = Render<TakePhoneMessageForm>();
        form.WaitForAssertion(() => Assert.NotNull(form.Find("[data-testid=addressee-picker]")));
        Assert.False((FieldMessages.InvalidFields(form).Count > 0)); // no red border before the first save

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Choose whom the message is for.", FieldMessages.At(form, "[data-testid=addressee-picker]")));
        Assert.Equal("Write the caller's name.", FieldMessages.At(form, "input[name=CallerName]"));
        Assert.Equal("Write the phone number to call back.", FieldMessages.At(form, "input[name=Phone]"));
        Assert.Equal("Write the caller's message in detail.", FieldMessages.At(form, "textarea[name=Message]"));
        Assert.Equal(0, await Database.ReadAsync(db => db.PhoneMessages.CountAsync()));
    }

    [Fact]
    public async Task A_phone_that_cannot_be_dialled_is_flagged_at_the_phone_field_and_fixing_it_clears_the_message()
    {
        var form = Render<TakePhoneMessageForm>();
        form.WaitForAssertion(() => Assert.NotNull(form.Find("[data-testid=addressee-picker]")));
        form.Find("input[name=Phone]").Change("call me later");

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("This is not a phone number.", FieldMessages.At(form, "input[name=Phone]")));
        form.Find("input[name=Phone]").Change("+370 612 34567");
        form.WaitForAssertion(() => Assert.Equal("", FieldMessages.At(form, "input[name=Phone]")));
        Assert.Equal("Write the caller's name.", FieldMessages.At(form, "input[name=CallerName]"));
    }

    [Fact]
    public async Task A_call_in_the_future_is_flagged_at_the_date_of_the_call()
    {
        var form = Render<TakePhoneMessageForm>();
        var picker = form.FindComponent<MudDatePicker>();
        await picker.InvokeAsync(() => picker.Instance.DateChanged.InvokeAsync(Database.Clock.UtcDateTime.Date.AddDays(2)));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.NotEqual("", FieldMessages.At(form, "[data-testid=called-at] input")));
        Assert.Equal("The time cannot be in the future.", FieldMessages.At(form, "[data-testid=called-at] input"));
    }

    [Fact]
    public void The_text_fields_take_their_limits_from_the_domains_validator()
    {
        var form = Render<TakePhoneMessageForm>();

        Assert.Equal(("200", "40", "4000"), (form.Find("input[name=CallerName]").GetAttribute("maxlength"),
            form.Find("input[name=Phone]").GetAttribute("maxlength"), form.Find("textarea[name=Message]").GetAttribute("maxlength")));
    }

    [Fact]
    public void Input_typed_before_a_kept_draft_has_loaded_is_not_replaced_by_it()
    {
        // The tab's copy answers late (a busy browser): the user has already started on the form.
        var load = JSInterop.Setup<string?>("caseDeskDrafts.load", "phone-message:new");
        var form = Render<TakePhoneMessageForm>();
        form.Find("textarea[name=Message]").Change("Nauja žinutė, ką tik įvesta");

        load.SetResult(System.Text.Json.JsonSerializer.Serialize(new { CallerName = "Ona Jonaitienė", Phone = "+370 612 34567", Message = "Sena žinutė" }));

        form.WaitForAssertion(() => Assert.Equal("Nauja žinutė, ką tik įvesta", form.Find("textarea[name=Message]").GetAttribute("value")));
        Assert.Empty(form.FindAll("[data-testid=draft-restored]"));
    }

    [Fact]
    public async Task The_message_is_kept_as_typed_and_a_kept_message_comes_back_with_the_notice()
    {
        var typing = Render<TakePhoneMessageForm>();
        typing.Find("textarea[name=Message]").Change("Prašo perskambinti dėl pažymos");
        Assert.Equal("Prašo perskambinti dėl pažymos", await KeptDrafts.FieldAsync(JSInterop, "phone-message:new", "Message"));
        Assert.Empty(typing.FindAll("[data-testid=draft-restored]"));

        KeptDrafts.Keep(JSInterop, "phone-message:new", new { CallerName = "Ona Jonaitienė", Phone = "+370 612 34567", Message = "Prašo perskambinti dėl pažymos" });
        var reopened = Render<TakePhoneMessageForm>();

        reopened.WaitForAssertion(() => Assert.NotEmpty(reopened.FindAll("[data-testid=draft-restored]")));
        Assert.Equal("Ona Jonaitienė", reopened.Find("input[name=CallerName]").GetAttribute("value"));
        Assert.Equal("Prašo perskambinti dėl pažymos", reopened.Find("textarea[name=Message]").GetAttribute("value"));
    }
}
