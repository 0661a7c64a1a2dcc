using Bunit;
using CaseDesk.App.Components.Pages.Cases;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Letters;
using CaseDesk.Tests.Components.Pages.Letters;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.Visits;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CaseDesk.Tests.Components.Pages.Cases;

/// <summary>The letters of a case against the real domain: pausing the letter's clock while the client's documents are awaited.</summary>
public sealed class CaseLettersTests : DomainComponentTestContext
{
    private SeededCase seeded = default!;
    private Guid letterId;

    protected override async Task<Caller> ArrangeAsync()
    {
        var asta = await Database.CreateUserAsync("asta", Roles.Caseworker);
        await CaseworkSeed.SetSignatureAsync(Database, asta, "Asta", "Petrauskienė", "Socialinė darbuotoja", "+370 315 56 662");
        seeded = await CaseworkSeed.CaseAsync(Database, asta);
        letterId = await Database.Send(new ComposeLetter(seeded.CaseId, StandardLetterTemplates.All[0].Id), asta);
        return asta;
    }

    private IRenderedComponent<CaseLetters> RenderLetters() =>
        Render<CaseLetters>(p => p.Add(c => c.CaseId, seeded.CaseId).Add(c => c.ClientId, seeded.ClientId).Add(c => c.CanEdit, true));

    private Task<ResponseClock> LetterClock() =>
        Database.ReadAsync(db => db.ResponseClocks.AsNoTracking().SingleAsync(c => c.SubjectId == letterId));

    [Fact]
    public async Task Pausing_with_a_reason_pauses_the_letters_clock_and_the_row_then_shows_it_paused_with_the_reason()
    {
        var letters = RenderLetters();
        letters.WaitForElement("[data-testid=clock-pause-open]").Click();

        await letters.Find("input[name=Reason]").ChangeAsync(new() { Value = "Laukiama kliento pažymos apie pajamas" });
        await letters.Find("[data-testid=clock-pause-form]").SubmitAsync();

        letters.WaitForAssertion(() => Assert.Equal("Laukiama kliento pažymos apie pajamas",
            letters.Find("[data-testid=clock-paused] [data-testid=clock-pause-reason]").TextContent));
        Assert.Contains("Paused", letters.Find("[data-testid=clock-paused]").TextContent);
        var clock = await LetterClock();
        Assert.Equal((ClockState.Paused, "Laukiama kliento pažymos apie pajamas"), (clock.State, clock.PauseReason));
        Assert.Empty(letters.FindAll("[data-testid=clock-pause-open]"));
        Assert.Equal("Not sent yet", letters.Find("[data-testid=letter-sent]").TextContent.Trim());

        letters.Find("[data-testid=clock-resume]").Click();

        letters.WaitForElement("[data-testid=clock-pause-open]");
        Assert.Empty(letters.FindAll("[data-testid=clock-paused]"));
        Assert.Equal(ClockState.Running, (await LetterClock()).State);
    }

    [Fact]
    public async Task Pausing_without_a_reason_shows_the_domains_message_at_the_field_and_the_clock_keeps_running()
    {
        var letters = RenderLetters();
        letters.WaitForElement("[data-testid=clock-pause-open]").Click();

        await letters.Find("[data-testid=clock-pause-form]").SubmitAsync();

        letters.WaitForAssertion(() => Assert.Equal("Say why the clock is paused (e.g. waiting for the client's documents).",
            FieldMessages.At(letters, "input[name=Reason]")));
        Assert.Equal(ClockState.Running, (await LetterClock()).State);
    }

    [Fact]
    public async Task Recording_a_letter_as_sent_goes_through_the_form_and_a_confirmation_then_the_row_shows_when_and_how()
    {
        var dialogs = Render<MudDialogProvider>();
        var letters = RenderLetters();
        letters.WaitForElement("[data-testid=letter-mark-sent]").Click();

        dialogs.WaitForElement("[data-testid=save-sent]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("can no longer be edited", dialogs.Markup));
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Yes, record as sent").ClickAsync(new());

        letters.WaitForAssertion(() => Assert.Contains("By post", letters.Find("[data-testid=letter-sent]").TextContent));
        Assert.Empty(letters.FindAll("[data-testid=letter-edit]"));
        Assert.Empty(letters.FindAll("[data-testid=clock-pause]"));
        Assert.Empty(dialogs.FindAll("[data-testid=mark-sent-form]"));
    }
}
