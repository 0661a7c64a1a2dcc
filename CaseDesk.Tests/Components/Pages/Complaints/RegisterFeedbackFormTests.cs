using Bunit;
using CaseDesk.App.Components.Pages.Complaints;
using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CaseDesk.Tests.Components.Pages.Complaints;

/// <summary>Registering feedback against the real domain: who gave it, the messages at their fields, and the kept draft.</summary>
public sealed class RegisterFeedbackFormTests : DomainComponentTestContext
{
    private Caller rasa = default!;

    protected override async Task<Caller> ArrangeAsync() => rasa = await Database.CreateUserAsync("rasa", Roles.Reception);

    private IRenderedComponent<RegisterFeedbackForm> RenderForm()
    {
        Render<MudPopoverProvider>();
        var form = Render<RegisterFeedbackForm>();
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("[name=Touchpoints]")));
        return form;
    }

    private Task<int> ComplaintCount() => Database.ReadAsync(db => db.Complaints.CountAsync());

    [Fact]
    public void The_feedback_is_from_a_registered_client_until_the_person_says_otherwise()
    {
        var form = RenderForm();

        var who = form.FindComponent<MudRadioGroup<RegisterFeedbackForm.Who>>();
        Assert.Equal(RegisterFeedbackForm.Who.Client, who.Instance.Value);
        Assert.Single(form.FindAll("[data-testid=client-search]"));
        Assert.Empty(form.FindAll("[name=ContactName]"));
    }

    [Fact]
    public void A_blank_form_shows_no_error_before_it_is_saved()
    {
        var form = RenderForm();

        Assert.Empty(FieldMessages.InvalidFields(form));
    }

    [Fact]
    public async Task Feedback_without_its_text_shows_the_message_at_the_text_field_and_registers_nothing()
    {
        var form = RenderForm();
        await form.FindComponent<MudRadioGroup<RegisterFeedbackForm.Who>>().InvokeAsync(() =>
            form.FindComponent<MudRadioGroup<RegisterFeedbackForm.Who>>().Instance.ValueChanged.InvokeAsync(RegisterFeedbackForm.Who.Anonymous));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Equal("Write what the client said.", FieldMessages.At(form, "textarea[name=Text]")));
        Assert.Equal(0, await ComplaintCount());
    }

    [Fact]
    public async Task Feedback_from_a_client_nobody_chose_says_so_and_registers_nothing()
    {
        var form = RenderForm();
        await form.Find("textarea[name=Text]").ChangeAsync(new() { Value = "Niekas neatskambino" });

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Contains("Choose the client, or say the feedback came from another person or anonymously.",
            form.Find("[data-testid=feedback-form]").TextContent));
        Assert.Equal(0, await ComplaintCount());
    }

    [Fact]
    public async Task A_known_clients_complaint_is_registered_linked_to_that_client()
    {
        var clientId = await Database.RegisterAsync(rasa, "Rūta", "Skundžiamoji");
        var form = RenderForm();
        await form.Find("input[data-testid=client-search]").InputAsync(new() { Value = "Skundžiamoji" });
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("[data-testid=choose-client]")), TimeSpan.FromSeconds(10));
        await form.Find("[data-testid=choose-client]").ClickAsync(new());
        form.WaitForAssertion(() => Assert.Equal("Rūta Skundžiamoji", form.Find("[data-testid=chosen-client]").TextContent));
        await form.Find("textarea[name=Text]").ChangeAsync(new() { Value = "Ilgai laukė atsakymo" });

        await form.Find("form").SubmitAsync();

        await Eventually.WaitForAsync(async () =>
            Assert.Equal(clientId, await Database.ReadAsync(db => db.Complaints.Select(c => c.ClientId).SingleOrDefaultAsync())));
    }

    [Fact]
    public async Task Praise_is_offered_beside_complaint_and_suggestion_asks_what_is_praised_and_is_registered_as_praise()
    {
        var form = RenderForm();
        var kinds = form.FindComponents<MudRadio<FeedbackKind>>();
        Assert.Equal(["Complaint", "Suggestion", "Praise"], kinds.Select(k => k.Find("label").TextContent.Trim()));
        Assert.DoesNotContain("What the client praises", form.Find("[data-testid=feedback-form]").TextContent);

        var kind = form.FindComponent<MudRadioGroup<FeedbackKind>>();
        await kind.InvokeAsync(() => kind.Instance.ValueChanged.InvokeAsync(FeedbackKind.Praise));
        var who = form.FindComponent<MudRadioGroup<RegisterFeedbackForm.Who>>();
        await who.InvokeAsync(() => who.Instance.ValueChanged.InvokeAsync(RegisterFeedbackForm.Who.Anonymous));
        form.WaitForAssertion(() => Assert.Contains("What the client praises", form.Find("[data-testid=feedback-form]").TextContent));
        await form.Find("textarea[name=Text]").ChangeAsync(new() { Value = "Ačiū registratūrai už kantrybę" });

        await form.Find("form").SubmitAsync();

        await Eventually.WaitForAsync(async () =>
        {
            var registered = await Database.ReadAsync(db => db.Complaints.Select(c => new { c.Kind, c.Number }).SingleOrDefaultAsync());
            Assert.Equal((FeedbackKind.Praise, "PD-2026-0001"), (registered?.Kind, registered?.Number));
        });
    }

    [Fact]
    public async Task The_complaint_is_kept_as_typed_and_a_kept_complaint_comes_back_with_the_notice()
    {
        var typing = RenderForm();
        await typing.Find("textarea[name=Text]").ChangeAsync(new() { Value = "Niekas neatskambino, nors žadėjo" });
        Assert.Equal("Niekas neatskambino, nors žadėjo", await KeptDrafts.FieldAsync(JSInterop, "feedback:new", "Text"));
        Assert.Empty(typing.FindAll("[data-testid=draft-restored]"));

        KeptDrafts.Keep(JSInterop, "feedback:new", new { Text = "Niekas neatskambino, nors žadėjo", Who = 1 /* another person */, ContactName = "Petras Petraitis" });
        var reopened = Render<RegisterFeedbackForm>();

        reopened.WaitForAssertion(() => Assert.Contains("Your unsaved input from before the connection was lost has been restored.",
            reopened.Find("[data-testid=draft-restored]").TextContent));
        reopened.WaitForAssertion(() => Assert.Equal("Niekas neatskambino, nors žadėjo", reopened.Find("textarea[name=Text]").TextContent));
        Assert.Equal("Petras Petraitis", reopened.Find("input[name=ContactName]").GetAttribute("value"));
    }

    [Fact]
    public void A_draft_this_live_circuit_kept_is_not_offered_back_and_is_removed()
    {
        KeptDrafts.Keep(JSInterop, "feedback:new", new { Text = "Ankstesnio žmogaus skundas", Who = 1, ContactName = "Petras Petraitis" });
        JSInterop.Setup<string?>("caseDeskDrafts.owner", "feedback:new").SetResult(Services.GetRequiredService<DraftCircuit>().Id);

        var form = RenderForm();

        form.WaitForAssertion(() => Assert.True(KeptDrafts.Cleared(JSInterop, "feedback:new")));
        Assert.Empty(form.FindAll("[data-testid=draft-restored]"));
        Assert.Equal("", form.Find("textarea[name=Text]").TextContent);
    }

    [Fact]
    public async Task Closing_the_form_without_saving_removes_its_draft()
    {
        var form = RenderForm();
        await form.Find("textarea[name=Text]").ChangeAsync(new() { Value = "Parašyta ir palikta" });
        Assert.Equal("Parašyta ir palikta", await KeptDrafts.FieldAsync(JSInterop, "feedback:new", "Text"));
        Assert.False(KeptDrafts.Cleared(JSInterop, "feedback:new"));

        await DisposeComponentsAsync();

        Assert.True(await KeptDrafts.ClearedAsync(JSInterop, "feedback:new"));
    }
}
