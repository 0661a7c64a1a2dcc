using Bunit;
using CaseDesk.App.Components.Pages.Cases;
using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Contacts;
using CaseDesk.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace CaseDesk.Tests.Components.Pages.Cases;

/// <summary>The case page on a live circuit (it reads only when interactive), against the real domain.</summary>
public sealed class CasePageTests : DomainComponentTestContext
{
    private Caller asta = default!;

    protected override async Task<Caller> ArrangeAsync()
    {
        asta = await Database.CreateUserAsync("asta", Roles.Caseworker);
        await Database.PlaceInUnitAsync(asta, Casework.SocialServices);
        return asta;
    }

    private async Task<IRenderedComponent<CasePage>> OpenAsync(bool twoEmployees, Func<Guid, Guid, Task>? before = null)
    {
        var client = await Database.Send(Casework.NewClient("Ona", "Žukauskaitė", twoEmployees: twoEmployees), asta);
        var caseId = await Database.OpenCaseAsync(asta, client, asta.UserId);
        if (before is not null)
            await before(client, caseId);
        // After every service is registered: setting it starts the renderer.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var page = Render<CasePage>(p => p.Add(c => c.Id, caseId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=case-number]")));
        return page;
    }

    [Fact]
    public async Task A_client_flagged_for_two_employees_shows_the_9_6_banner_with_the_safety_note()
    {
        var page = await OpenAsync(twoEmployees: true);

        var banner = page.Find("[data-testid=safety-flag]");
        Assert.Contains("Meet this client with two employees (standard 9.6).", banner.TextContent);
        Assert.Contains("Agresyvus elgesys 2025 m.", banner.TextContent);
    }

    [Fact]
    public async Task An_unflagged_client_shows_no_banner()
    {
        var page = await OpenAsync(twoEmployees: false);

        Assert.Empty(page.FindAll("[data-testid=safety-flag]"));
    }

    [Fact]
    public async Task A_contact_shows_its_touchpoints_number_and_name_and_a_missed_promise_says_overdue_with_its_full_date_and_time()
    {
        var due = Database.Clock.UtcDateTime.AddHours(1);
        var page = await OpenAsync(twoEmployees: false, async (client, caseId) =>
        {
            await Database.Send(new LogContact(client, caseId, 5, ContactChannel.OfficeVisit, ContactDirection.FaceToFace, Database.Clock.UtcDateTime,
                "Klausė apie pagalbą namuose", null, null, null, null, null, null, [new PromiseInput("Paskambinsiu dėl sprendimo", due)]), asta);
            Database.Clock.Advance(TimeSpan.FromHours(2));
        });

        page.WaitForAssertion(() => Assert.Equal("Direct contact with an employee", page.Find("[data-testid=contact-touchpoint-name]").TextContent.Trim()));
        Assert.Equal("5", page.Find("[data-testid=contact-touchpoint]").TextContent.Trim());
        var promise = page.Find("[data-testid=promises] [data-testid=promise-row]");
        Assert.Contains("Paskambinsiu dėl sprendimo", promise.TextContent);
        Assert.Equal($"Overdue: {Display.Time(due)}", string.Join(" ", promise.QuerySelector("[data-testid=overdue]")!.TextContent.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)));
    }
}
