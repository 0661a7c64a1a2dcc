using Bunit;
using CaseDesk.App.Components.Pages.Cases;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Visits;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.Visits;
using MudBlazor;

namespace CaseDesk.Tests.Components.Pages.Visits;

/// <summary>The visits section of the case page: offering opens the form in a dialog, the new visit is listed, and a second offer is warned.</summary>
public sealed class CaseVisitsTests : DomainComponentTestContext
{
    private Caller asta = default!;
    private SeededCase @case = default!;

    protected override async Task<Caller> ArrangeAsync()
    {
        asta = await Database.CreateUserAsync("asta", Roles.Caseworker);
        @case = await CaseworkSeed.CaseAsync(Database, asta);
        return asta;
    }

    [Fact]
    public async Task Offering_from_the_case_lists_the_visit_and_a_second_offer_is_told_about_the_first()
    {
        var dialogs = Render<MudDialogProvider>();
        var section = Render<CaseVisits>(p => p.Add(c => c.CaseId, @case.CaseId).Add(c => c.ClientId, @case.ClientId).Add(c => c.CanEdit, true));
        section.WaitForAssertion(() => Assert.NotNull(section.Find("[data-testid=no-visits]")));

        _ = section.Find("[data-testid=offer-visit]").ClickAsync(new()); // returns when the dialog closes
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=offer-visit-form]")));
        Assert.Empty(dialogs.FindAll("[data-testid=open-visit-hint]"));
        await dialogs.Find("textarea[name=Purpose]").ChangeAsync(new() { Value = "Buities sąlygų įvertinimas" });
        await dialogs.Find("[data-testid=offer-visit-form]").SubmitAsync();

        section.WaitForAssertion(() => Assert.Single(section.FindAll("[data-testid=visit-row]")));
        Assert.Equal("Offered, no time yet", section.Find("[data-testid=visit-row] [data-testid=visit-status]").TextContent.Trim());
        Assert.NotNull(section.Find("[data-testid=visit-row] [data-testid=visit-agree]"));
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=offer-visit-form]")));

        _ = section.Find("[data-testid=offer-visit]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("already has an open visit offer", dialogs.Find("[data-testid=open-visit-hint]").TextContent));
    }
}
