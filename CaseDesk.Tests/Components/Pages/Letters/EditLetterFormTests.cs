using Bunit;
using CaseDesk.App.Components.Pages.Letters;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Letters;
using CaseDesk.Tests.Support;
using CaseDesk.App.Services;
using CaseDesk.Tests.UseCases.Visits;

namespace CaseDesk.Tests.Components.Pages.Letters;

public sealed class EditLetterFormTests : DomainComponentTestContext
{
    private Caller asta = default!;

    protected override async Task<Caller> ArrangeAsync() => asta = await Database.CreateUserAsync("asta", Roles.Caseworker);

    private async Task<LetterDetails> LetterAsync()
    {
        var @case = await CaseworkSeed.CaseAsync(Database, asta);
        var id = await Database.Send(new ComposeLetter(@case.CaseId, StandardLetterTemplates.Template("documents").Id,
            Database.Clock.UtcDateTime), asta);
        return await Database.Send(new GetLetter(id), asta);
    }

    [Fact]
    public async Task The_text_is_kept_as_typed_and_a_kept_text_comes_back_over_the_stored_one_with_the_notice_and_saves()
    {
        var letter = await LetterAsync();
        var key = $"letter:{letter.Id}";
        var typing = Render<EditLetterForm>(p => p.Add(f => f.LetterId, letter.Id));
        typing.WaitForAssertion(() => typing.Find("textarea[name=Body]"));
        typing.Find("textarea[name=Body]").Change("Sveiki, atneškite pažymą.");
        Assert.Equal("Sveiki, atneškite pažymą.", await KeptDrafts.FieldAsync(JSInterop, key, "Body"));
        Assert.Empty(typing.FindAll("[data-testid=draft-restored]"));

        KeptDrafts.Keep(JSInterop, key, new { Version = letter.Version, Input = new { Subject = "Dėl dokumentų", Body = "Sveiki, atneškite pažymą." } });
        var reopened = Render<EditLetterForm>(p => p.Add(f => f.LetterId, letter.Id));

        reopened.WaitForAssertion(() => Assert.NotEmpty(reopened.FindAll("[data-testid=draft-restored]")));
        Assert.Equal("Sveiki, atneškite pažymą.", reopened.Find("textarea[name=Body]").GetAttribute("value"));
        Assert.Equal("Dėl dokumentų", reopened.Find("input[name=Subject]").GetAttribute("value"));
        await reopened.Find("form").SubmitAsync();
        Assert.True(await KeptDrafts.ClearedAsync(JSInterop, key));
        var stored = await Database.Send(new GetLetter(letter.Id), asta);
        Assert.Equal(("Dėl dokumentų", "Sveiki, atneškite pažymą."), (stored.Subject, stored.Body));
    }

    private IRenderedComponent<EditLetterForm> Open(LetterDetails letter)
    {
        var form = Render<EditLetterForm>(p => p.Add(f => f.LetterId, letter.Id));
        form.WaitForAssertion(() => form.Find("textarea[name=Body]"));
        return form;
    }

    [Fact]
    public async Task An_empty_subject_and_text_get_the_domains_messages_at_their_fields_and_nothing_is_saved()
    {
        var letter = await LetterAsync();
        var form = Open(letter);
        Assert.Equal("", FieldMessages.At(form, "input[name=Subject]"));
        // The browser's own "Please fill out this field" (in the browser's language) must not stop the form before the domain speaks.
        Assert.True(form.Find("form").HasAttribute("novalidate"));

        await form.Find("input[name=Subject]").ChangeAsync(new() { Value = "" });
        await form.Find("textarea[name=Body]").ChangeAsync(new() { Value = "" });
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Write the subject.", FieldMessages.At(form, "input[name=Subject]")));
        Assert.Equal("Write the text of the letter.", FieldMessages.At(form, "textarea[name=Body]"));
        Assert.Equal(letter.Subject, (await Database.Send(new GetLetter(letter.Id), asta)).Subject);
    }

    [Fact]
    public async Task The_text_has_the_domains_maximum_in_the_browser_with_a_counter()
    {
        var form = Open(await LetterAsync());

        Assert.Equal("20000", form.Find("textarea[name=Body]").GetAttribute("maxlength"));
        Assert.Equal("300", form.Find("input[name=Subject]").GetAttribute("maxlength"));
        await form.Find("textarea[name=Body]").ChangeAsync(new() { Value = "Sveiki" });
        form.WaitForAssertion(() => Assert.Contains("6 / 20000", FieldMessages.Around(form, "textarea[name=Body]")));
    }

    [Fact]
    public async Task A_paste_longer_than_the_room_left_says_at_the_text_how_much_did_not_fit()
    {
        var letter = await LetterAsync();
        var form = Open(letter);
        var room = 20000 - letter.Body.Length;

        await form.Find("textarea[name=Body]").TriggerEventAsync("onpastelength", new PasteLengthEventArgs { Pasted = 21000, Room = room, Max = 20000 });

        form.WaitForAssertion(() => Assert.Contains(
            $"The pasted text has 21000 characters but only {room} more fit here (at most 20000): the rest was not pasted.",
            FieldMessages.Around(form, "textarea[name=Body]")));
        Assert.DoesNotContain("The pasted text", FieldMessages.Around(form, "input[name=Subject]"));
    }
}
