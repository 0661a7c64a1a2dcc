using Bunit;
using CaseDesk.App.Components.Pages.Training;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Training;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CaseDesk.Tests.Components.Pages.Training;

/// <summary>The trainer's library and session packs against the real domain: an incident opens over the list (issue 16) and names nobody.</summary>
public sealed class LibraryPagesTests : DomainComponentTestContext
{
    private Caller trainer = default!;
    private string title = "";

    protected override async Task<Caller> ArrangeAsync()
    {
        var caseworker = await Database.CreateCallerAsync(Roles.Caseworker);
        var officer = await Database.CreateCallerAsync(Roles.QualityOfficer);
        trainer = await Database.CreateCallerAsync(Roles.Trainer);
        var client = await Database.RegisterAsync(caseworker, "Jonas", "Petraitis");
        var incident = await Database.Send(IncidentWork.Incident(Database.Clock.UtcDateTime.AddDays(-1),
            "Jonas Petraitis šaukė ant darbuotojos, Jono telefonas +370 612 34567.", client), caseworker);
        await Database.ReleaseAsync(incident, officer);
        title = (await Database.LibraryAsync(trainer)).Items.Single().Title;
        return trainer;
    }

    [Fact]
    public async Task Reading_an_incident_opens_it_in_a_dialog_titled_with_it_that_names_nobody()
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var library = Render<Library>();
        library.WaitForAssertion(() => Assert.Equal(title, library.Find("[data-testid=library-title]").TextContent.Trim()));

        var reading = library.Find("[data-testid=read-incident]").ClickAsync(new()); // completes when the dialog closes

        dialogs.WaitForAssertion(() => Assert.Contains("Klientas A", dialogs.Find("[data-testid=reading-situation]").TextContent));
        var dialog = dialogs.Find("[role=dialog]");
        var name = string.Join(" ", (dialog.GetAttribute("aria-labelledby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => dialogs.Find($"[id='{id}']").TextContent.Trim()));
        Assert.Equal(title, name);
        Assert.DoesNotContain("Petrai", dialog.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("612", dialog.TextContent);
        Assert.DoesNotContain("Petrai", library.Markup, StringComparison.OrdinalIgnoreCase);
        await dialogs.Find("[data-testid=close-reading]").ClickAsync(new());
        await reading.WaitAsync(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task The_read_button_says_skaityti_in_lithuanian()
    {
        using var lithuanian = UiCulture.Use("lt");
        var library = Render<Library>();
        library.WaitForAssertion(() => Assert.NotEmpty(library.FindAll("[data-testid=read-incident]")));

        Assert.Equal("Skaityti", library.Find("[data-testid=read-incident]").TextContent.Trim());
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_search_that_matches_nothing_says_so()
    {
        Render<MudPopoverProvider>();
        var library = Render<Library>();
        library.WaitForAssertion(() => Assert.NotEmpty(library.FindAll("[data-testid=library-title]")));

        await library.Find("input[data-testid=library-search]").InputAsync(new() { Value = "niekonerastų" });

        library.WaitForAssertion(() => Assert.NotEmpty(library.FindAll("[data-testid=library-empty]")), TimeSpan.FromSeconds(10));
        Assert.Empty(library.FindAll("[data-testid=library-title]"));
    }

    [Fact]
    public async Task A_pack_without_a_title_shows_the_domains_message_at_the_title_and_saves_nothing()
    {
        Render<MudPopoverProvider>();
        var page = Render<SessionPackPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=add-to-pack]")));
        Assert.Empty(FieldMessages.InvalidFields(page));

        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("Write a title.", FieldMessages.At(page, "input[name=Title]")));
        Assert.Equal(0, await Database.ReadAsync(db => db.SessionPacks.CountAsync()));
    }

    [Fact]
    public async Task An_incident_read_in_the_pack_page_can_be_added_from_its_dialog_and_the_pack_is_saved_with_it()
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<SessionPackPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=read-incident]")));
        await page.Find("input[name=Title]").ChangeAsync(new() { Value = "Sesija apie konfliktus" });

        var reading = page.Find("[data-testid=read-incident]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=choose-reading]")));
        await dialogs.Find("[data-testid=choose-reading]").ClickAsync(new());
        await reading.WaitAsync(TimeSpan.FromSeconds(15));
        page.WaitForAssertion(() => Assert.Equal(title, page.Find("[data-testid=pack-item-title]").TextContent.Trim()));
        Assert.True(page.Find("[data-testid=add-to-pack]").HasAttribute("disabled"));

        await page.Find("form").SubmitAsync();

        await Eventually.WaitForAsync(async () => Assert.Equal(1, await Database.ReadAsync(db => db.SessionPacks.CountAsync())));
        var pack = (await Database.Send(new ListSessionPacks(), trainer)).Single();
        Assert.Equal(("Sesija apie konfliktus", 1), (pack.Title, pack.Incidents));
    }
}
