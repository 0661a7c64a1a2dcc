using Bunit;
using CaseDesk.App.Components.Pages.Letters;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Letters;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CaseDesk.Tests.Components.Pages.Letters;

/// <summary>The letter forms against the real domain: the message at a field is the form's or the domain's own.</summary>
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

    private IRenderedComponent<ComposeLetterForm> Compose(Guid @case)
    {
        var form = Render<ComposeLetterForm>(p => p.Add(f => f.CaseId, @case));
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("[data-testid=compose-recipient]")));
        return form;
    }

    /// <summary>Chooses a template as a person would in the select.</summary>
    private async Task ChooseAsync(IRenderedComponent<ComposeLetterForm> form, string name)
    {
        var template = (await Database.Send(new ListLetterTemplates(), asta)).Single(t => t.Name == name);
        var select = form.FindComponent<MudSelect<Guid?>>();
        await select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(template.Id));
    }

    private async Task<LetterRow> UnsentLetterAsync()
    {
        var template = (await Database.Send(new ListLetterTemplates(), asta))[0];
        await Database.Send(new ComposeLetter(caseId, template.Id), asta);
        return (await Database.Send(new ListCaseLetters(caseId), asta)).Single();
    }

    [Fact]
    public async Task Composing_without_a_template_shows_the_message_at_the_template_field_and_writes_no_letter()
    {
        var form = Compose(caseId);
        Assert.Equal("", FieldMessages.At(form, "[name=TemplateId]")); // no error on a blank form

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Choose a template.", FieldMessages.At(form, "[name=TemplateId]")));
        Assert.Equal(0, await Database.ReadAsync(db => db.InformationLetters.CountAsync()));
    }

    [Fact]
    public async Task Composing_with_a_request_date_in_the_future_shows_the_domains_message_at_the_date()
    {
        var form = Compose(caseId);
        await ChooseAsync(form, "Reikalingi dokumentai");
        await form.Find("input[name=RequestedOn]").ChangeAsync(new() { Value = "2099-01-05" });

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("The date cannot be in the future.", FieldMessages.At(form, "input[name=RequestedOn]")));
        Assert.Equal(0, await Database.ReadAsync(db => db.InformationLetters.CountAsync()));
    }

    [Fact]
    public async Task Composing_from_a_template_at_an_earlier_request_time_writes_the_letter_with_that_time()
    {
        var form = Compose(caseId);
        await ChooseAsync(form, "Reikalingi dokumentai");
        var asked = VilniusTime.Now(Database.Clock).Date.AddDays(-2);
        await form.Find("input[name=RequestedOn]").ChangeAsync(new() { Value = asked.ToString("yyyy-MM-dd") });
        await form.Find("input[name=RequestedTime]").ChangeAsync(new() { Value = "09:15" });

        await form.Find("form").SubmitAsync();

        var letter = (await Database.Send(new ListCaseLetters(caseId), asta)).Single();
        Assert.Equal(VilniusTime.ToUtc(asked.AddHours(9).AddMinutes(15)), letter.RequestedAtUtc);
    }

    [Fact]
    public async Task Marking_a_letter_sent_asks_first_and_a_time_in_the_future_gets_the_domains_message_at_the_sent_date()
    {
        var letter = await UnsentLetterAsync();
        var dialogs = Render<MudDialogProvider>(); // the confirmation opens here
        var form = Render<MarkLetterSentForm>(p => p.Add(f => f.Letter, letter));
        await form.Find("input[name=SentOn]").ChangeAsync(new() { Value = "2099-01-05" });

        var saving = form.Find("form").SubmitAsync();
        dialogs.WaitForAssertion(() => Assert.Contains("can no longer be edited", dialogs.Markup));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Yes, record as sent").ClickAsync(new());
        await saving.WaitAsync(TimeSpan.FromSeconds(15));

        form.WaitForAssertion(() => Assert.Equal("The date cannot be in the future.", FieldMessages.At(form, "input[name=SentOn]")));
        Assert.False((await Database.Send(new ListCaseLetters(caseId), asta)).Single().IsSent);
    }

    [Fact]
    public async Task Marking_a_letter_sent_and_cancelling_the_question_records_nothing()
    {
        var letter = await UnsentLetterAsync();
        var dialogs = Render<MudDialogProvider>();
        var form = Render<MarkLetterSentForm>(p => p.Add(f => f.Letter, letter));

        var saving = form.Find("form").SubmitAsync();
        dialogs.WaitForAssertion(() => Assert.Contains("can no longer be edited", dialogs.Markup));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync(new());
        await saving.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.False((await Database.Send(new ListCaseLetters(caseId), asta)).Single().IsSent);
        Assert.Equal("", FieldMessages.At(form, "input[name=SentOn]"));
    }

    private async Task<Guid> CaseForAsync(string? address, ClientLanguage language)
    {
        var client = await Database.Send(Casework.NewClient("Matas", "Berūnas") with { Address = address, Language = language }, asta);
        return await Database.OpenCaseAsync(asta, client, asta.UserId);
    }

    [Fact]
    public async Task A_client_without_an_address_is_warned_about_at_the_form_and_the_letter_can_still_be_written()
    {
        var form = Compose(caseId);
        Assert.Contains("Vilniaus g. 1, Alytus", form.Find("[data-testid=compose-recipient]").TextContent);
        Assert.Empty(form.FindAll("[data-testid=no-address-warning]"));

        var noAddress = await CaseForAsync(null, ClientLanguage.Lithuanian);
        var warned = Compose(noAddress);

        Assert.Contains("no postal address", warned.Find("[data-testid=no-address-warning]").TextContent);
        await ChooseAsync(warned, "Reikalingi dokumentai");
        await warned.Find("form").SubmitAsync();
        warned.WaitForAssertion(() => Assert.Equal(1, Database.ReadAsync(db => db.InformationLetters.CountAsync(l => l.CaseId == noAddress)).Result));
    }

    [Theory]
    [InlineData(ClientLanguage.Lithuanian, "The letter will be written in the client's language: Lithuanian.")]
    [InlineData(ClientLanguage.Russian, "The letter will be written in the client's language: Russian.")]
    [InlineData(ClientLanguage.Polish, "This letter has no template in the client's language (Polish), so it will be written in Lithuanian.")]
    public async Task The_form_says_which_language_the_letter_will_be_written_in(ClientLanguage language, string note)
    {
        var @case = await CaseForAsync("Vilniaus g. 1, Alytus", language);
        var form = Compose(@case);
        Assert.Empty(form.FindAll("[data-testid=letter-language-note]"));

        await ChooseAsync(form, "Reikalingi dokumentai");

        form.WaitForAssertion(() => Assert.EndsWith(note, form.Find("[data-testid=letter-language-note]").TextContent.Trim()));
        Assert.Contains("Dėl dokumentų", form.Find("[data-testid=template-preview]").TextContent);
    }
}
