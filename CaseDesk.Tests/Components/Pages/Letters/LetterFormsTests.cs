using Bunit;
using CaseDesk.App.Components.Pages.Letters;
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
}
