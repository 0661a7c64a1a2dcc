using Bunit;
using CaseDesk.App.Components.Pages.Cases;
using CaseDesk.Domain.Common;
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

    private async Task<IRenderedComponent<CasePage>> OpenAsync(bool twoEmployees)
    {
        var client = await Database.Send(Casework.NewClient("Ona", "Žukauskaitė", twoEmployees: twoEmployees), asta);
        var caseId = await Database.OpenCaseAsync(asta, client, asta.UserId);
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
}
