using Bunit;
using CaseDesk.App.Components.Pages.Emails;
using CaseDesk.Domain.Common;
using CaseDesk.Tests.Components.Pages.PhoneMessages;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.Components.Pages.Emails;

public sealed class RegisterEmailFormTests : DomainComponentTestContext
{
    protected override Task<Caller> ArrangeAsync() => Database.CreateUserAsync("rasa", Roles.Reception);

    [Fact]
    public async Task Registering_without_a_sender_shows_the_domains_message_at_the_sender_field_and_registers_nothing()
    {
        var form = Render<RegisterEmailForm>();
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("[name=FromAddress]")));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Enter the sender's e-mail address.", FieldMessages.At(form, "input[name=FromAddress]")));
        Assert.Equal("Paste the text of the e-mail.", FieldMessages.At(form, "textarea[name=Body]"));
        Assert.Equal(0, await Database.ReadAsync(db => db.EmailEnquiries.CountAsync()));
    }

    [Fact]
    public async Task An_address_that_is_not_an_e_mail_address_is_flagged_at_the_sender_field()
    {
        var form = Render<RegisterEmailForm>();
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("[name=FromAddress]")));
        Assert.False((FieldMessages.InvalidFields(form).Count > 0));
        form.Find("input[name=FromAddress]").Change("ona at example");
        form.Find("textarea[name=Body]").Change("Laba diena.");

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("This is not an e-mail address.", FieldMessages.At(form, "input[name=FromAddress]")));
        Assert.Equal(0, await Database.ReadAsync(db => db.EmailEnquiries.CountAsync()));
    }
}
