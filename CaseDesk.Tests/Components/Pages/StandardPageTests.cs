using Bunit;
using CaseDesk.App.Components.Pages;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Reference;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.Components.Pages;

/// <summary>The read-only standard page, from the seeded reference data, each text in the UI's language only.</summary>
public sealed class StandardPageTests : DomainComponentTestContext
{
    protected override Task<Caller> ArrangeAsync() => Database.CreateUserAsync("rasa", Roles.Reception);

    private IReadOnlyList<AngleSharp.Dom.IElement> TouchpointRows(IRenderedComponent<Standard> page)
    {
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=touchpoints]")));
        return page.FindAll("[data-testid=touchpoints] tbody tr");
    }

    [Fact]
    public void The_ten_touchpoints_show_their_number_and_english_name_only_in_the_english_ui()
    {
        var page = Render<Standard>();

        var rows = TouchpointRows(page);
        Assert.Equal(Enumerable.Range(1, 10).Select(n => n.ToString()), rows.Select(r => r.QuerySelector("[data-testid=touchpoint-number]")!.TextContent.Trim()));
        foreach (var (row, seed) in rows.Zip(StandardReferenceData.Touchpoints.OrderBy(t => t.Number)))
        {
            Assert.Equal(seed.NameEn, row.QuerySelector("[data-testid=touchpoint-name]")!.TextContent.Trim());
            Assert.DoesNotContain(seed.NameLt, row.TextContent);
        }
    }

    [Fact]
    public void In_the_lithuanian_ui_a_touchpoint_carries_no_english_translation_underneath()
    {
        using var lt = UiCulture.Use("lt");
        var page = Render<Standard>();

        var rows = TouchpointRows(page);
        Assert.Equal(10, rows.Count);
        foreach (var (row, seed) in rows.Zip(StandardReferenceData.Touchpoints.OrderBy(t => t.Number)))
        {
            Assert.Equal(seed.NameLt, row.QuerySelector("[data-testid=touchpoint-name]")!.TextContent.Trim());
            Assert.DoesNotContain(seed.NameEn, row.TextContent);
        }
        Assert.Equal(["Sąlyčio taškai", "Įsipareigojimai", "Klientų grupės"], page.FindAll("h2").Select(t => t.TextContent.Trim()));
    }

    [Fact]
    public void The_eleven_commitments_run_from_I_to_XI_and_the_client_groups_are_listed()
    {
        var page = Render<Standard>();
        TouchpointRows(page);

        // One page, three sections, each reachable from the contents at the top (no tabs to cut at 390 px).
        Assert.Equal(["standard#touchpoints", "standard#commitments", "standard#client-groups"],
            page.FindAll("[data-testid=standard-contents] a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["touchpoints", "commitments", "client-groups"], page.FindAll("h2").Select(h => h.Id));
        Assert.Equal(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"],
            page.FindAll("[data-testid=commitments] tbody tr").Select(r => r.QuerySelector("[data-testid=commitment-numeral]")!.TextContent.Trim()));
        // Measured or not, in words: no empty cell.
        Assert.All(page.FindAll("[data-testid=commitment-measured]"), cell => Assert.Contains(cell.TextContent.Trim(), new[] { "timed by a clock", "not timed" }));

        var groups = page.FindAll("[data-testid=client-groups] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(StandardReferenceData.ClientGroups.OrderBy(g => g.SortOrder).Select(g => g.NameEn), groups);
    }
}
