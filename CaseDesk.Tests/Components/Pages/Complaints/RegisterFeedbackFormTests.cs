using Bunit;
using CaseDesk.App.Components.Pages.Complaints;
using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.Components.Pages.Complaints;

public sealed class RegisterFeedbackFormTests : DomainComponentTestContext
{
    protected override Task<Caller> ArrangeAsync() => Database.CreateUserAsync("rasa", Roles.Reception);

    [Fact]
    public async Task The_complaint_is_kept_as_typed_and_a_kept_complaint_comes_back_with_the_notice()
    {
        var typing = Render<RegisterFeedbackForm>();
        typing.WaitForAssertion(() => typing.Find("textarea[name=Text]"));
        typing.Find("textarea[name=Text]").Change("Niekas neatskambino, nors žadėjo");
        Assert.Equal("Niekas neatskambino, nors žadėjo", await KeptDrafts.FieldAsync(JSInterop, "feedback:new", "Text"));
        Assert.Empty(typing.FindAll("[data-testid=draft-restored]"));

        KeptDrafts.Keep(JSInterop, "feedback:new", new { Text = "Niekas neatskambino, nors žadėjo", Who = 1 /* another person */, ContactName = "Petras Petraitis" });
        var reopened = Render<RegisterFeedbackForm>();

        reopened.WaitForAssertion(() => Assert.Contains("Your unsaved input from before the connection was lost has been restored.",
            reopened.Find("[data-testid=draft-restored]").TextContent));
        Assert.Equal("Niekas neatskambino, nors žadėjo", reopened.Find("textarea[name=Text]").GetAttribute("value"));
        Assert.Equal("Petras Petraitis", reopened.Find("input[name=ContactName]").GetAttribute("value"));
    }

    [Fact]
    public void A_draft_this_live_circuit_kept_is_not_offered_back_and_is_removed()
    {
        KeptDrafts.Keep(JSInterop, "feedback:new", new { Text = "Ankstesnio žmogaus skundas", Who = 1, ContactName = "Petras Petraitis" });
        JSInterop.Setup<string?>("caseDeskDrafts.owner", "feedback:new").SetResult(Services.GetRequiredService<DraftCircuit>().Id);

        var form = Render<RegisterFeedbackForm>();

        form.WaitForAssertion(() => Assert.True(KeptDrafts.Cleared(JSInterop, "feedback:new")));
        Assert.Empty(form.FindAll("[data-testid=draft-restored]"));
        Assert.Equal("", form.Find("textarea[name=Text]").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Closing_the_form_without_saving_removes_its_draft()
    {
        var form = Render<RegisterFeedbackForm>();
        form.WaitForAssertion(() => form.Find("textarea[name=Text]"));
        form.Find("textarea[name=Text]").Change("Parašyta ir palikta");
        Assert.Equal("Parašyta ir palikta", await KeptDrafts.FieldAsync(JSInterop, "feedback:new", "Text"));
        Assert.False(KeptDrafts.Cleared(JSInterop, "feedback:new"));

        await DisposeComponentsAsync();

        Assert.True(await KeptDrafts.ClearedAsync(JSInterop, "feedback:new"));
    }
}
