using Bunit;
using CaseDesk.App.Components.Pages.Emails;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Emails;
using CaseDesk.Tests.Components.Pages.PhoneMessages;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.PhoneMessages;

namespace CaseDesk.Tests.Components.Pages.Emails;

public sealed class EmailReplyFormTests : DomainComponentTestContext
{
    private const string Incoming = "Laba diena, kokių dokumentų reikia pagalbai į namus gauti? Mano kaimynė sakė, kad reikia pažymos.";

    private Caller asta = default!;

    protected override async Task<Caller> ArrangeAsync()
    {
        asta = await Database.CreateUserAsync("asta", Roles.Caseworker);
        await Database.GiveSignatureAsync(asta, "Asta", "Petrauskienė", "Socialinė darbuotoja", "+370 315 56 662");
        return asta;
    }

    private async Task<EmailDetails> MatchedEmailAsync()
    {
        var clientId = await Database.RegisterAsync(asta, "Ona", "Jonaitienė");
        var id = await Database.Send(new RegisterEmail(Database.Clock.UtcDateTime, "ona@example.lt", null, "Pagalba į namus", Incoming, clientId), asta);
        return await Database.Send(new GetEmail(id), asta);
    }

    [Fact]
    public async Task The_reply_starts_empty_with_the_subject_carried_over_and_previews_the_section_11_signature()
    {
        var email = await MatchedEmailAsync();

        var form = Render<EmailReplyForm>(p => p.Add(f => f.Email, email));

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
        var form = Render<EmailReplyForm>(p => p.Add(f => f.Email, email));
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("[data-testid=signature-preview]")));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Write the answer.", FieldMessages.At(form, "textarea[name=Body]")));
        Assert.Equal("", FieldMessages.At(form, "input[name=Subject]"));
    }

    [Fact]
    public async Task An_empty_subject_is_flagged_at_the_subject_field()
    {
        var email = await MatchedEmailAsync();
        var form = Render<EmailReplyForm>(p => p.Add(f => f.Email, email));
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("[data-testid=signature-preview]")));
        form.Find("input[name=Subject]").Change("");
        form.Find("textarea[name=Body]").Change("Reikės pažymos apie pajamas.");

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Write the subject of the reply.", FieldMessages.At(form, "input[name=Subject]")));
    }

    [Fact]
    public async Task The_answer_is_kept_as_typed_and_a_kept_answer_comes_back_with_the_notice_and_is_cleared_once_recorded()
    {
        var email = await MatchedEmailAsync();
        var key = $"reply:{email.Id}";
        var typing = Render<EmailReplyForm>(p => p.Add(f => f.Email, email));
        await typing.Find("textarea[name=Body]").ChangeAsync(new() { Value = "Reikės pažymos apie pajamas." });
        Assert.Equal("Reikės pažymos apie pajamas.", await KeptDrafts.FieldAsync(JSInterop, key, "Body"));
        Assert.Empty(typing.FindAll("[data-testid=draft-restored]"));

        KeptDrafts.Keep(JSInterop, key, new { Subject = "Re: Pagalba į namus", Body = "Reikės pažymos apie pajamas." });
        var reopened = Render<EmailReplyForm>(p => p.Add(f => f.Email, email));

        reopened.WaitForAssertion(() => Assert.Contains("Your unsaved input from before the connection was lost has been restored.",
            reopened.Find("[data-testid=draft-restored]").TextContent));
        Assert.Equal("Reikės pažymos apie pajamas.", reopened.Find("textarea[name=Body]").GetAttribute("value"));
        reopened.WaitForAssertion(() => Assert.NotEmpty(reopened.FindAll("[data-testid=signature-preview]")));
        await reopened.Find("form").SubmitAsync();
        Assert.True(await KeptDrafts.ClearedAsync(JSInterop, key));
    }
}
