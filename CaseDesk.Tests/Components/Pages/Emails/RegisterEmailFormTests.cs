using Bunit;
using CaseDesk.App.Components.Pages.Emails;
using CaseDesk.Domain.Common;
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

        form.WaitForAssertion(() => Assert.Equal("Enter the sender's e-mail address.",
            form.Find("[name=FromAddress]").Closest(".rz-form-field")!.NextElementSibling!.TextContent.Trim()));
        Assert.Equal(0, await Database.ReadAsync(db => db.EmailEnquiries.CountAsync()));
    }
}
