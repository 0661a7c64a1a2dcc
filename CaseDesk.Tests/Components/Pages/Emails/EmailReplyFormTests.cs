using Bunit;
using CaseDesk.App.Components.Pages.Emails;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Emails;
using CaseDesk.Tests.Components.Pages.PhoneMessages;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.PhoneMessages;

namespace CaseDesk.Tests.Components.Pages.Emails;

public sealed class EmailReplyFormTests : IAsyncLifetime
{
    private const string Incoming = "Laba diena, kokių dokumentų reikia pagalbai į namus gauti? Mano kaimynė sakė, kad reikia pažymos.";

    private readonly UiCulture culture = UiCulture.Use("en");
    private TestDatabase database = default!;
    private Caller asta = default!;
    private BunitContext context = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        asta = await database.CreateUserAsync("asta", Roles.Caseworker);
        await database.GiveSignatureAsync(asta, "Asta", "Petrauskienė", "Socialinė darbuotoja", "+370 315 56 662");
        context = FormContext.Create(database, asta);
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        await database.DisposeAsync();
        culture.Dispose();
    }

    private async Task<EmailDetails> MatchedEmailAsync()
    {
        var clientId = await database.RegisterAsync(asta, "Ona", "Jonaitienė");
        var id = await database.Send(new RegisterEmail(database.Clock.UtcDateTime, "ona@example.lt", null, "Pagalba į namus", Incoming, clientId), asta);
        return await database.Send(new GetEmail(id), asta);
    }

    [Fact]
    public async Task The_reply_starts_empty_with_the_subject_carried_over_and_previews_the_section_11_signature()
    {
        var email = await MatchedEmailAsync();

        var form = context.Render<EmailReplyForm>(p => p.Add(f => f.Email, email));

        form.WaitForAssertion(() => Assert.Equal("Asta Petrauskienė\nSocialinė darbuotoja\nSocialinių paslaugų poskyris\nTel. +370 315 56 662",
            form.Find("[data-testid=signature-preview]").TextContent));
        Assert.Equal("", form.Find("textarea[name=Body]").GetAttribute("value") ?? "");
        Assert.Equal("", form.Find("textarea[name=Body]").TextContent);
        Assert.Equal("Re: Pagalba į namus", form.Find("input[name=Subject]").GetAttribute("value"));
        Assert.DoesNotContain("kaimynė", form.Markup);
        Assert.Empty(form.FindAll("[data-testid=signature-incomplete]"));
    }

    [Fact]
    public async Task An_empty_answer_is_flagged_at_the_answer_field()
    {
        var email = await MatchedEmailAsync();
        var form = context.Render<EmailReplyForm>(p => p.Add(f => f.Email, email));
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("[data-testid=signature-preview]")));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal(["Write the answer."], form.FindAll(".validation-message").Select(m => m.TextContent.Trim())));
    }
}
