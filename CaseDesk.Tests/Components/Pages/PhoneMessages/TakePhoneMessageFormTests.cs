using Bunit;
using CaseDesk.App.Components.Pages.PhoneMessages;
using CaseDesk.Domain.Common;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.Components.Pages.PhoneMessages;

public sealed class TakePhoneMessageFormTests : IAsyncLifetime
{
    private readonly UiCulture culture = UiCulture.Use("en");
    private TestDatabase database = default!;
    private BunitContext context = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.CreateUserAsync("asta", Roles.Caseworker);
        context = FormContext.Create(database, await database.CreateUserAsync("rasa", Roles.Reception));
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        await database.DisposeAsync();
        culture.Dispose();
    }

    private static IReadOnlyList<string> Messages(IRenderedComponent<TakePhoneMessageForm> form) =>
        form.FindAll(".validation-message").Select(m => m.TextContent.Trim()).ToList();

    [Fact]
    public async Task Saving_an_empty_message_shows_what_is_missing_at_each_field_and_stores_nothing()
    {
        var form = context.Render<TakePhoneMessageForm>();
        form.WaitForAssertion(() => Assert.NotNull(form.Find("[data-testid=addressee-picker]")));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal(
            ["Choose whom the message is for.", "Write the caller's name.", "Write the phone number to call back.", "Write the caller's message in detail."],
            Messages(form)));
        Assert.Equal(0, await database.ReadAsync(db => db.PhoneMessages.CountAsync()));
    }

    [Fact]
    public async Task A_phone_that_cannot_be_dialled_is_flagged_at_the_phone_field_and_fixing_it_clears_the_message()
    {
        var form = context.Render<TakePhoneMessageForm>();
        form.WaitForAssertion(() => Assert.NotNull(form.Find("[data-testid=addressee-picker]")));
        form.Find("input[name=Phone]").Change("call me later");

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Contains("This is not a phone number.", Messages(form)));
        form.Find("input[name=Phone]").Change("+370 612 34567");
        form.WaitForAssertion(() => Assert.DoesNotContain("This is not a phone number.", Messages(form)));
        Assert.Contains("Write the caller's name.", Messages(form));
    }
}
