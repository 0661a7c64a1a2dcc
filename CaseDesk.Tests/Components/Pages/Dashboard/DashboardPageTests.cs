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
        // RadzenChart measures its element through JS before drawing; bUnit has no layout, so give it a size.
        JSInterop.Setup<Radzen.Blazor.Rendering.Rect>("Radzen.createChart", _ => true)
            .SetResult(new Radzen.Blazor.Rendering.Rect { Width = 600, Height = 240 });
        Services.AddSingleton<ICaseDeskSender>(sender);
        Services.AddSingleton<TimeProvider>(new FakeClock());
        Services.AddSingleton(updates);
        Services.AddScoped<UiSender>();
        Services.AddScoped<UiFeedback>();
        Authorization.SetAuthorized("head").SetRoles(Roles.Head).SetClaims(new Claim(ClaimTypes.NameIdentifier, "u-head"));
        sender.Answer<GetStandard, StandardDetails>(new StandardDetails([], [], [], [new UnitRow(ServicesUnit, "social-services", "Socialinių paslaugų poskyris", "Social services")]))
            .Answer<ListColleagues, IReadOnlyList<Colleague>>([new Colleague("u-asta", "Asta Petrauskienė", "Socialinė darbuotoja", ServicesUnit, null, [Roles.Caseworker])]);
    }

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
    public void Every_number_of_the_channel_table_opens_the_finished_clocks_of_its_channel()
    {
        sender.Answer<GetDashboard, DashboardFigures>(Figures(breached: 3, callBacksMissed: 1));

        var page = Render<DashboardPage>();

        var rows = page.WaitForElements("[data-testid=channel-row]");
        Assert.Equal(DashboardChannels.ResponseTimes.Count + 1, rows.Count);
        foreach (var row in rows)
        {
            var kind = row.GetAttribute("data-kind");
            var figures = row.QuerySelectorAll("td").Skip(1).ToList();
            Assert.Equal(5, figures.Count);
            foreach (var cell in figures)
            {
                var link = cell.QuerySelector("a");
                Assert.True(link is not null, $"{kind}: '{cell.TextContent}' is not a link");
                Assert.StartsWith($"dashboard/details?scope=department&window=today&detail=FinishedClocks&kind={kind}", link.GetAttribute("href"));
            }
        }
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
        Assert.Equal("75 %", page.Find("[data-testid=figure-share-met]").TextContent);
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
        Assert.NotNull(page.Find("[data-testid=commitment-chart]"));
        Assert.NotNull(page.Find("[data-testid=channel-chart]"));
        Assert.Equal("2", page.Find("[data-testid=stage-count][data-stage=Registered]").TextContent);
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
        Assert.Empty(page.FindAll("[data-testid=channel-chart]"));
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
}
