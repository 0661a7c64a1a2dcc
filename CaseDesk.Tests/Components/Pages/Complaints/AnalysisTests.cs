using Bunit;
using CaseDesk.App.Components.Pages.Complaints;
using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.Components.Pages.Complaints;

/// <summary>The complaint analysis (12.3) on the real domain: counts that open their complaints, zeros that do not, the latest month first.</summary>
public sealed class AnalysisTests : DomainComponentTestContext
{
    private Caller officer = default!;

    protected override async Task<Caller> ArrangeAsync()
    {
        officer = await Database.CreateUserAsync("darius", Roles.QualityOfficer);
        // The clock stands on 2 March 2026: one complaint in January, none in February, two in March.
        await Database.RegisterFeedbackAsync(officer, touchpoints: [3], receivedAtUtc: new DateTime(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc));
        await Database.RegisterFeedbackAsync(officer, touchpoints: [3]);
        await Database.RegisterFeedbackAsync(officer, touchpoints: [4]);
        return officer;
    }

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private string Uri => Services.GetRequiredService<NavigationManager>().Uri;

    private IRenderedComponent<Analysis> Open()
    {
        var page = Render<Analysis>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=analysis-Touchpoint]")));
        return page;
    }

    [Fact]
    public void Non_zero_counts_open_their_complaints_and_zero_counts_are_plain_text()
    {
        var page = Open();

        var email = page.Find("[data-testid=analysis-Touchpoint] tr[data-key='3']");
        var total = email.QuerySelector("[data-testid=figure-total]")!;
        Assert.Equal("A", total.TagName);
        Assert.Equal("2", total.TextContent.Trim());
        Assert.Equal(ComplaintLinks.ListUrl(new ComplaintFilter(ComplaintScope.All, FeedbackKind.Complaint, Touchpoint: 3,
            ReceivedFrom: new DateOnly(2026, 1, 1), ReceivedTo: new DateOnly(2026, 3, 2))), total.GetAttribute("href"));

        var february = email.QuerySelector("td[data-month='2026-02']")!;
        Assert.Empty(february.QuerySelectorAll("a"));
        Assert.Equal("0", february.TextContent.Trim());
        var january = email.QuerySelector("td[data-month='2026-01'] a")!;
        Assert.Equal(ComplaintLinks.ListUrl(new ComplaintFilter(ComplaintScope.All, FeedbackKind.Complaint, Touchpoint: 3,
            ReceivedFrom: new DateOnly(2026, 1, 1), ReceivedTo: new DateOnly(2026, 1, 31))), january.GetAttribute("href"));

        // A touchpoint nobody complained about: its total is text, not a link to an empty list.
        var untouched = page.Find("[data-testid=analysis-Touchpoint] tr[data-key='1'] [data-testid=figure-total]");
        Assert.NotEqual("A", untouched.TagName);
        Assert.Equal("0", untouched.TextContent.Trim());
        Assert.NotEqual("A", page.Find("[data-testid=figure-suggestions]").TagName);
    }

    [Fact]
    public void The_latest_month_comes_first_beside_the_total_so_it_is_never_the_one_cut_off()
    {
        var page = Open();

        var headers = page.FindAll("[data-testid=analysis-Touchpoint] thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["By touchpoint", "Total", "2026-03", "2026-02", "2026-01"], headers);
        Assert.Equal(["2026-03", "2026-02", "2026-01"],
            page.FindAll("[data-testid=trend-table] tbody td[data-month]").Select(c => c.GetAttribute("data-month")));
        Assert.Contains("2026-03 – 2", page.Find("[data-testid=trend-chart]").GetAttribute("aria-label"));
    }

    [Fact]
    public void A_bar_of_the_monthly_chart_opens_that_months_complaints()
    {
        var page = Open();

        IReadOnlyList<AngleSharp.Dom.IElement> Bars() => page.FindAll("[data-testid=trend-chart] svg path").Where(p => p.HasAttribute("blazor:onclick")).ToList();
        // The chart and the navigation follow renders that, on PostgreSQL (truly asynchronous), come after the call returns.
        page.WaitForAssertion(() => Assert.Equal(2, Bars().Count), Patience); // February has no complaint and no bar to click

        Bars().Last().Click();
        page.WaitForAssertion(() => Assert.EndsWith(ComplaintLinks.ListUrl(new ComplaintFilter(ComplaintScope.All, FeedbackKind.Complaint,
            ReceivedFrom: new DateOnly(2026, 3, 1), ReceivedTo: new DateOnly(2026, 3, 2))), Uri), Patience);

        Bars().First().Click();
        page.WaitForAssertion(() => Assert.EndsWith(ComplaintLinks.ListUrl(new ComplaintFilter(ComplaintScope.All, FeedbackKind.Complaint,
            ReceivedFrom: new DateOnly(2026, 1, 1), ReceivedTo: new DateOnly(2026, 1, 31))), Uri), Patience);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_says_so_at_the_end_date()
    {
        var page = Open();

        page.Find("input[name=To]").Change("2025-12-01");
        await page.Find("[data-testid=analysis-period]").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("The period must not end before it starts.", FieldMessages.At(page, "input[name=To]")));
    }
}
