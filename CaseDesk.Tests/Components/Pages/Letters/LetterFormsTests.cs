using Bunit;
using CaseDesk.App.Components.Pages.Letters;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Letters;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Tests.Components.Pages.Letters;

/// <summary>The letter forms against the real domain: the message under a field is the form's or the domain's own.</summary>
public sealed class LetterFormsTests : DomainComponentTestContext
{
    private Caller asta = default!;
    private Guid caseId;

    protected override async Task<Caller> ArrangeAsync()
    {
        asta = await Database.CreateUserAsync("asta", Roles.Caseworker);
        await Database.PlaceInUnitAsync(asta, Casework.SocialServices);
        caseId = await Database.OpenCaseAsync(asta, await Database.RegisterAsync(asta), asta.UserId);
        return asta;
    }

    [Fact]
    public async Task Composing_without_a_template_shows_the_message_at_the_template_field_and_writes_no_letter()
    {
        var form = Render<ComposeLetterForm>(p => p.Add(f => f.CaseId, caseId));
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("[name=TemplateId]")));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Choose a template.",
            form.Find("[name=TemplateId]").Closest(".rz-form-field")!.NextElementSibling!.TextContent.Trim()));
        Assert.Equal(0, await Database.ReadAsync(db => db.InformationLetters.CountAsync()));
    }

    [Fact]
    public async Task Marking_a_letter_sent_in_the_future_shows_the_domains_message_under_the_sent_time()
    {
        var template = (await Database.Send(new ListLetterTemplates(), asta))[0];
        await Database.Send(new ComposeLetter(caseId, template.Id), asta);
        var letter = (await Database.Send(new ListCaseLetters(caseId), asta)).Single();
        var form = Render<MarkLetterSentForm>(p => p.Add(f => f.Letter, letter));
        await form.Find("input[name=SentAt]").ChangeAsync(new() { Value = "2099-01-05 10:00" });

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal(["The date cannot be in the future."], form.FindAll(".validation-message").Select(m => m.TextContent.Trim())));
        Assert.False((await Database.Send(new ListCaseLetters(caseId), asta)).Single().IsSent);
    }

    private async Task<Guid> CaseForAsync(string? address, ClientLanguage language)
    {
        var client = await Database.Send(Casework.NewClient("Matas", "Berūnas") with { Address = address, Language = language }, asta);
        return await Database.OpenCaseAsync(asta, client, asta.UserId);
    }

    private static void Choose(IRenderedComponent<ComposeLetterForm> form, string template) =>
        form.FindAll("[role=option]").Single(o => o.TextContent.Contains(template)).Click();

    [Fact]
    public async Task A_client_without_an_address_is_warned_about_at_the_form_and_the_letter_can_still_be_written()
    {
        var form = Render<ComposeLetterForm>(p => p.Add(f => f.CaseId, caseId));
        form.WaitForAssertion(() => Assert.Contains("Vilniaus g. 1, Alytus", form.Find("[data-testid=compose-recipient]").TextContent));
        Assert.Empty(form.FindAll("[data-testid=no-address-warning]"));

        var noAddress = await CaseForAsync(null, ClientLanguage.Lithuanian);
        var warned = Render<ComposeLetterForm>(p => p.Add(f => f.CaseId, noAddress));

        warned.WaitForAssertion(() => Assert.Contains("no postal address", warned.Find("[data-testid=no-address-warning]").TextContent));
        Choose(warned, "Reikalingi dokumentai");
        await warned.Find("form").SubmitAsync();
        warned.WaitForAssertion(() => Assert.Equal(1, Database.ReadAsync(db => db.InformationLetters.CountAsync(l => l.CaseId == noAddress)).Result));
    }

    [Theory]
    [InlineData(ClientLanguage.Russian, "The letter will be written in the client's language: Russian.")]
    [InlineData(ClientLanguage.Polish, "This letter has no template in the client's language (Polish), so it will be written in Lithuanian.")]
    public async Task The_form_says_which_language_the_letter_will_be_written_in(ClientLanguage language, string note)
    {
        var @case = await CaseForAsync("Vilniaus g. 1, Alytus", language);
        var form = Render<ComposeLetterForm>(p => p.Add(f => f.CaseId, @case));
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("[data-testid=compose-recipient]")));

        Choose(form, "Reikalingi dokumentai");

        form.WaitForAssertion(() => Assert.EndsWith(note, form.Find("[data-testid=letter-language-note]").TextContent.Trim()));
    }
}
