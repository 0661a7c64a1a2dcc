using System.Security.Claims;
using Bunit;
using CaseDesk.App.Hosting;
using CaseDesk.App.Services;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Dashboard;
using CaseDesk.Domain.Reference;
using CaseDesk.Domain.Users;
using CaseDesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using DashboardPage = CaseDesk.App.Components.Pages.Dashboard.Dashboard;

namespace CaseDesk.Tests.Components.Pages.Dashboard;

public sealed class DashboardPageTests : ComponentTestContext
{
    private static readonly Guid ServicesUnit = Guid.Parse("6a4f8f1e-0000-4000-8000-000000000001");
    private readonly FakeCaseDeskSender sender = new();
    private readonly DashboardUpdates updates = new(NullLogger<DashboardUpdates>.Instance);

    public DashboardPageTests()
    {
        // The charts take their drawing size from their element (MatchBoundsToSize); bUnit has no layout, so give them one.
        JSInterop.Setup<MudBlazor.Interop.ElementSize>("mudObserveElementSize", _ => true)
            .SetResult(new MudBlazor.Interop.ElementSize { Width = 700, Height = 300 });
        Services.AddSingleton<ICaseDeskSender>(sender);
        Services.AddSingleton<TimeProvider>(new FakeClock());
        Services.AddSingleton(updates);
        Services.AddScoped<UiSender>();
        Services.AddScoped<UiFeedback>();
        Authorization.SetAuthorized("head").SetRoles(Roles.Head).SetClaims(new Claim(ClaimTypes.NameIdentifier, "u-head"));
        sender.Answer<GetStandard, StandardDetails>(new StandardDetails([], [], [], [new UnitRow(ServicesUnit, "social-services", "Socialinių paslaugų poskyris", "Social services")]))
            .Answer<ListColleagues, IReadOnlyList<Colleague>>([new Colleague("u-asta", "Asta Petrauskienė", "Socialinė darbuotoja", ServicesUnit, null, [Roles.Caseworker])])
            .Answer<GetDashboardCharts, DashboardCharts>(Charts());
    }

    private static DashboardCharts Charts(bool empty = false) => new(
        empty ? [] : [new CommitmentFigure("VIII", new MetShare(9, 3)), new CommitmentFigure("IX", new MetShare(4, 0))],
        DashboardChannels.ResponseTimes.Select(kind => new ResponseDistribution(kind,
            kind == ClockKind.CallBack && !empty ? [2, 0, 1, 0, 1] : [0, 0, 0, 0, 0])).ToList(),
        empty ? [] : [new StageAgeFigure(ComplaintStage.Registered, [2, 0, 0]), new StageAgeFigure(ComplaintStage.Routed, [0, 1, 3])]);

    private static DashboardFigures Figures(int breached = 0, int callBacksMissed = 0, long sequence = 1, bool empty = false)
    {
        var now = new DateTime(2026, 3, 10, 10, 0, 0, DateTimeKind.Utc);
        var channels = DashboardChannels.ResponseTimes.Select(kind => kind == ClockKind.CallBack && !empty
            ? new ChannelFigure(kind, new MetShare(3, callBacksMissed), 135, 600)
            : new ChannelFigure(kind, new MetShare(0, 0), null, null)).ToList();
        return new DashboardFigures(DashboardScope.Department, DashboardWindow.Today, now.Date, now, sequence,
            empty ? [] : [new CommitmentFigure("VIII", new MetShare(3, callBacksMissed))],
            empty ? [] : [new TouchpointFigure(2, new MetShare(3, callBacksMissed))],
            channels,
            new ChannelFigure(ClockKind.VisitArrival, new MetShare(0, 0), null, null),
            empty ? [] : [new OpenClockFigure(ClockKind.CallBack, 4, 1, breached, 0)],
            empty ? [] : [new StageFigure(ComplaintStage.Registered, 2)],
            Enum.GetValues<ComplaintAgeBand>().Select(b => new AgeFigure(b, empty || b != ComplaintAgeBand.UpToAWeek ? 0 : 2)).ToList(),
            empty ? 0 : 1);
    }

    [Fact]
    public void Every_non_zero_number_of_the_channel_table_opens_the_finished_clocks_of_its_channel_and_zeros_are_plain_text()
    {
        sender.Answer<GetDashboard, DashboardFigures>(Figures(breached: 3, callBacksMissed: 1));

        var page = Render<DashboardPage>();

        var rows = page.WaitForElements("[data-testid=channel-row]");
        Assert.Equal(DashboardChannels.ResponseTimes.Count + 1, rows.Count);
        foreach (var row in rows)
        {
            var kind = row.GetAttribute("data-kind");
            var figures = row.QuerySelectorAll("td").ToList();
            Assert.Equal(5, figures.Count);
            foreach (var cell in figures)
            {
                var link = cell.QuerySelector("a");
                if (cell.TextContent is "0" or "–")
                    Assert.True(link is null, $"{kind}: '{cell.TextContent}' opens nothing but is a link");
                else
                {
                    Assert.True(link is not null, $"{kind}: '{cell.TextContent}' is not a link");
                    Assert.StartsWith($"dashboard/details?scope=department&window=today&detail=FinishedClocks&kind={kind}", link.GetAttribute("href"));
                }
            }
        }
        Assert.Equal(5, page.FindAll("[data-testid=channel-row][data-kind=CallBack] td a").Count);
    }

    [Fact]
    public void It_shows_the_figures_each_linked_to_the_records_behind_it()
    {
        sender.Answer<GetDashboard, DashboardFigures>(Figures(breached: 3, callBacksMissed: 1));

        var page = Render<DashboardPage>();

        var breached = page.WaitForElement("[data-testid=figure-breached]");
        Assert.Equal("3", breached.TextContent);
        Assert.Equal("dashboard/details?scope=department&window=today&detail=OpenClocks&status=Breached", breached.GetAttribute("href"));
        Assert.Equal("1", page.Find("[data-testid=figure-at-risk]").TextContent);
        Assert.Equal("75\u00a0%", page.Find("[data-testid=figure-share-met]").TextContent);
        Assert.Equal("2", page.Find("[data-testid=figure-open-complaints]").TextContent);
        Assert.Equal("1", page.Find("[data-testid=figure-actions-overdue]").TextContent);
        var callBack = page.Find("[data-testid=channel-row][data-kind=CallBack]");
        Assert.Equal("1", callBack.QuerySelector("[data-testid=channel-missed]")!.TextContent);
        Assert.Equal("dashboard/details?scope=department&window=today&detail=FinishedClocks&kind=CallBack&met=false",
            callBack.QuerySelector("[data-testid=channel-missed]")!.GetAttribute("href"));
        // Median 135 working minutes, 90th percentile 600 (more than a working day), each opening the call-backs they come from.
        Assert.Equal("2 h 15 min", callBack.QuerySelector("[data-testid=channel-median]")!.TextContent);
        Assert.Equal("1.3 working days", callBack.QuerySelector("[data-testid=channel-p90]")!.TextContent);
        Assert.Equal("dashboard/details?scope=department&window=today&detail=FinishedClocks&kind=CallBack",
            callBack.QuerySelector("[data-testid=channel-median]")!.GetAttribute("href"));
        Assert.Equal("dashboard/details?scope=department&window=today&detail=FinishedClocks&kind=CallBack",
            callBack.QuerySelector("[data-testid=channel-p90]")!.GetAttribute("href"));
        Assert.NotNull(page.Find("[data-testid=attainment-chart] svg"));
        Assert.NotNull(page.Find("[data-testid=response-chart] svg"));
        Assert.NotNull(page.Find("[data-testid=complaint-chart] svg"));
        Assert.Empty(page.FindAll("[data-testid=dashboard-empty]"));
        Assert.Contains(sender.Sent, s => s.Request is GetDashboard { Window: DashboardWindow.Today } q && q.Scope.IsDepartment && s.Caller.UserId == "u-head");
    }

    [Fact]
    public void With_nothing_to_count_it_shows_the_empty_state_and_zeros()
    {
        sender.Answer<GetDashboard, DashboardFigures>(Figures(empty: true));

        var page = Render<DashboardPage>();

        var empty = page.WaitForElement("[data-testid=dashboard-empty]");
        Assert.Contains("Nothing to show yet for this period and scope.", empty.TextContent);
        Assert.Equal("0", page.Find("[data-testid=figure-breached]").TextContent);
        Assert.Equal("–", page.Find("[data-testid=figure-share-met]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=dashboard-chart] svg, .dashboard-chart svg"));
    }

    [Fact]
    public void A_change_re_renders_the_figures_and_the_stamp_without_navigation()
    {
        var current = Figures(breached: 3, callBacksMissed: 1);
        sender.Answer<GetDashboard, DashboardFigures>((_, _) => Task.FromResult(current));
        var page = Render<DashboardPage>();
        page.WaitForAssertion(() => Assert.Equal("3", page.Find("[data-testid=figure-breached]").TextContent));

        current = Figures(breached: 2, callBacksMissed: 2, sequence: 2);
        updates.Raise(new DashboardPulse(2, DateTime.UtcNow));

        page.WaitForAssertion(() => Assert.Equal("2", page.Find("[data-testid=figure-breached]").TextContent));
        Assert.Equal("2", page.Find("[data-testid=channel-row][data-kind=CallBack] [data-testid=channel-missed]").TextContent);
        Assert.Equal(2, sender.Sent.Count(s => s.Request is GetDashboard));
    }

    [Fact]
    public async Task Once_disposed_it_no_longer_listens()
    {
        sender.Answer<GetDashboard, DashboardFigures>(Figures());
        var page = Render<DashboardPage>();
        page.WaitForElement("[data-testid=figure-breached]");

        await DisposeComponentsAsync();
        updates.Raise(new DashboardPulse(2, DateTime.UtcNow));

        Assert.Equal(1, sender.Sent.Count(s => s.Request is GetDashboard));
    }

    [Fact]
    public void The_scope_comes_from_the_address()
    {
        sender.Answer<GetDashboard, DashboardFigures>((q, _) => Task.FromResult(Figures() with { Scope = q.Scope, Window = q.Window }));
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo($"dashboard?scope=unit:{ServicesUnit}&window=7d");

        var page = Render<DashboardPage>();

        page.WaitForElement("[data-testid=figure-breached]");
        Assert.Contains(sender.Sent, s => s.Request is GetDashboard { Window: DashboardWindow.Last7Days } q && q.Scope.UnitId == ServicesUnit);
        Assert.StartsWith($"dashboard/details?scope=unit%3A{ServicesUnit}&window=7d", page.Find("[data-testid=figure-breached]").GetAttribute("href"));
    }

    [Fact]
    public void Each_chart_has_a_table_whose_non_zero_cells_open_the_records_behind_them()
    {
        sender.Answer<GetDashboard, DashboardFigures>(Figures(breached: 3, callBacksMissed: 1));

        var page = Render<DashboardPage>();

        // Attainment: the last 30 days whatever the window, per commitment.
        var viii = page.WaitForElement("[data-testid=attainment-chart-row][data-key=VIII] a");
        Assert.Equal("75\u00a0% (9 of 12)", viii.TextContent);
        Assert.Equal("dashboard/details?scope=department&window=30d&detail=FinishedClocks&commitment=VIII", viii.GetAttribute("href"));
        Assert.Contains("Commitment attainment, last 30 days", page.Find("[data-testid=attainment-chart] caption").TextContent);

        // Response-time distribution: one row per channel with finished clocks, one column per band.
        var callBack = page.Find("[data-testid=response-chart-row][data-key=CallBack]");
        Assert.Single(page.FindAll("[data-testid=response-chart-row]"));
        var withinAnHour = callBack.QuerySelector("td[data-key=UpToAnHour] a")!;
        Assert.Equal("2", withinAnHour.TextContent);
        Assert.Equal("dashboard/details?scope=department&window=today&detail=FinishedClocks&kind=CallBack&took=UpToAnHour",
            withinAnHour.GetAttribute("href"));
        Assert.Null(callBack.QuerySelector("td[data-key=UpToFourHours] a"));
        Assert.Equal("0", callBack.QuerySelector("td[data-key=UpToFourHours]")!.TextContent.Trim());

        // Open complaints by stage and age.
        var investigating = page.Find("[data-testid=complaint-chart-row][data-key=Routed] td[data-key=OverFourWeeks] a");
        Assert.Equal("3", investigating.TextContent);
        Assert.Equal("dashboard/details?scope=department&window=today&detail=OpenComplaints&stage=Routed&age=OverFourWeeks",
            investigating.GetAttribute("href"));
        Assert.Contains(sender.Sent, s => s.Request is GetDashboardCharts { Window: DashboardWindow.Today } q && q.Scope.IsDepartment);
    }

    [Fact]
    public void A_click_on_a_bar_segment_opens_the_records_behind_that_segment()
    {
        sender.Answer<GetDashboard, DashboardFigures>(Figures(breached: 3, callBacksMissed: 1));
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();

        var page = Render<DashboardPage>();

        // Stage Routed (second bar), age over four weeks (its third segment, the only one in the error colour).
        var error = CaseDesk.App.Components.Layout.CaseDeskTheme.Theme.PaletteLight.Error.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex);
        page.WaitForElements("[data-testid=complaint-chart] svg path.mud-chart-bar").Single(p => p.GetAttribute("stroke") == error).Click();

        Assert.EndsWith("dashboard/details?scope=department&window=today&detail=OpenComplaints&stage=Routed&age=OverFourWeeks", navigation.Uri);

        // A single-layer chart too: the second commitment's bar.
        navigation.NavigateTo("dashboard");
        page.WaitForElements("[data-testid=attainment-chart] svg path.mud-chart-bar")[1].Click();
        Assert.EndsWith("dashboard/details?scope=department&window=30d&detail=FinishedClocks&commitment=IX", navigation.Uri);
    }


    [Fact]
    public void A_chart_with_nothing_to_draw_says_so_in_words()
    {
        sender.Answer<GetDashboard, DashboardFigures>(Figures(breached: 3, callBacksMissed: 1))
            .Answer<GetDashboardCharts, DashboardCharts>(Charts(empty: true));

        var page = Render<DashboardPage>();

        Assert.Equal("No open complaints.", page.WaitForElement("[data-testid=complaint-chart-none]").TextContent);
        Assert.Equal("No clock finished in the last 30 days.", page.Find("[data-testid=attainment-chart-none]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=complaint-chart] svg"));
    }
}
