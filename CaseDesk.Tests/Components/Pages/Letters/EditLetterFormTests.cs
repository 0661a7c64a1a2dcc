using Bunit;
using CaseDesk.App.Components.Pages.Letters;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Letters;
using CaseDesk.Tests.Support;
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
}
