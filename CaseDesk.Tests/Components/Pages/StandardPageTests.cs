using Bunit;
using CaseDesk.App.Components.Pages;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Reference;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.Components.Pages;

/// <summary>The read-only standard page, from the seeded reference data (English UI: English first, Lithuanian beside it).</summary>
public sealed class StandardPageTests : DomainComponentTestContext
{
    protected override Task<Caller> ArrangeAsync() => Database.CreateUserAsync("rasa", Roles.Reception);

    private static void OpenTab(IRenderedComponent<Standard> page, string title) =>
        page.FindAll("[role=tab]").Single(a => a.TextContent.Trim() == title).Click();

    [Fact]
    public void The_ten_touchpoints_show_with_their_lithuanian_and_english_names()
    {
        var page = Render<Standard>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=touchpoints]")));
        var rows = page.FindAll("[data-testid=touchpoints] tbody tr");
        Assert.Equal(Enumerable.Range(1, 10).Select(n => n.ToString()), rows.Select(r => r.Children[0].TextContent.Trim()));
        foreach (var (row, seed) in rows.Zip(StandardReferenceData.Touchpoints.OrderBy(t => t.Number)))
        {
            Assert.Contains(seed.NameEn, row.Children[1].TextContent);
            Assert.Equal(seed.NameLt, row.Children[1].QuerySelector(".secondary")!.TextContent.Trim());
        }
    }

    [Fact]
    public void The_eleven_commitments_run_from_I_to_XI_and_the_client_groups_are_listed()
    {
        var page = Render<Standard>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=touchpoints]")));

        OpenTab(page, "Commitments");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=commitments]")));
        Assert.Equal(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"],
            page.FindAll("[data-testid=commitments] tbody tr").Select(r => r.Children[0].TextContent.Trim()));

        OpenTab(page, "Client groups");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=client-groups]")));
        var groups = page.FindAll("[data-testid=client-groups] li").Select(li => li.TextContent).ToList();
        Assert.Equal(StandardReferenceData.ClientGroups.Count, groups.Count);
        Assert.All(StandardReferenceData.ClientGroups, g => Assert.Contains(groups, text => text.Contains(g.NameEn) && text.Contains(g.NameLt)));
    }
}
