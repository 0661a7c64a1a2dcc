using System.Security.Claims;
using Bunit;
using CaseDesk.App.Components.Pages.Dashboard;
using CaseDesk.App.Services;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Dashboard;
using CaseDesk.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.Components.Pages.Dashboard;

public sealed class DashboardDetailsTests : ComponentTestContext
{
    private readonly FakeCaseDeskSender sender = new();

    public DashboardDetailsTests()
    {
        Services.AddSingleton<ICaseDeskSender>(sender);
        Services.AddSingleton<TimeProvider>(new FakeClock());
        Services.AddScoped<UiSender>();
        Services.AddScoped<UiFeedback>();
        Authorization.SetAuthorized("head").SetRoles(Roles.Head).SetClaims(new Claim(ClaimTypes.NameIdentifier, "u-head"));
    }

    [Fact]
    public void The_address_becomes_the_details_query_and_each_row_links_to_its_case_or_complaint()
    {
        var caseId = Guid.NewGuid();
        var complaintId = Guid.NewGuid();
        var started = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
        sender.Answer<GetDashboardDetails, Page<DashboardDetailRow>>(new Page<DashboardDetailRow>(
        [
            new(Guid.NewGuid(), DashboardDetail.FinishedClocks, ClockKind.CallBack, "CallBack", Guid.NewGuid(), "Jonas Jonaitis", caseId, "SP-2026-0001",
                null, null, started, started.AddHours(8), started.AddDays(3), 1200, 480, nameof(ClockStatus.Missed), "Asta Petrauskienė"),
            new(Guid.NewGuid(), DashboardDetail.FinishedClocks, ClockKind.ComplaintAcknowledged, "ComplaintAcknowledged", Guid.Empty, null, null, null,
                complaintId, "SK-2026-0003", started, started.AddDays(1), started.AddDays(2), 500, 480, nameof(ClockStatus.Missed), "Quality Officer"),
        ], 2));
        Services.GetRequiredService<NavigationManager>()
            .NavigateTo("dashboard/details?scope=department&window=7d&detail=FinishedClocks&kind=CallBack&met=false");

        var page = Render<DashboardDetails>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=detail-link]").Count));
        var links = page.FindAll("[data-testid=detail-link]");
        Assert.Equal(($"cases/{caseId}", "Call-back"), (links[0].GetAttribute("href"), links[0].TextContent));
        Assert.Equal($"complaints/{complaintId}", links[1].GetAttribute("href"));
        Assert.Equal("Missed", page.FindAll("[data-testid=detail-status]")[0].TextContent);
        Assert.Contains("2.5 working days", page.Find("[data-testid=details-grid]").TextContent);
        Assert.Equal("Dashboard · Finished clocks · Call-back · Missed · 7 days", Normalize(page.Find("[data-testid=details-what]").TextContent));
        Assert.Equal("dashboard?scope=department&window=7d", page.Find("[data-testid=back-to-dashboard]").GetAttribute("href"));
        var query = Assert.IsType<GetDashboardDetails>(sender.Sent.Single(s => s.Request is GetDashboardDetails).Request);
        Assert.Equal((DashboardDetail.FinishedClocks, DashboardWindow.Last7Days, (ClockKind?)ClockKind.CallBack, (bool?)false, 0, 25),
            (query.Detail, query.Window, query.ClockKind, query.Met, query.Skip, query.Take));
        Assert.True(query.Scope.IsDepartment);
    }

    [Fact]
    public void With_nothing_behind_the_figure_it_says_so()
    {
        sender.Answer<GetDashboardDetails, Page<DashboardDetailRow>>(new Page<DashboardDetailRow>([], 0));
        Services.GetRequiredService<NavigationManager>().NavigateTo("dashboard/details?detail=OverdueActions");

        var page = Render<DashboardDetails>();

        page.WaitForAssertion(() => Assert.Contains("Nothing behind this figure now.", page.Find("[data-testid=details-none]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=detail-link]"));
        Assert.Contains("Corrective actions overdue", page.Find("[data-testid=details-what]").TextContent);
    }

    [Fact]
    public void A_response_band_in_the_address_filters_the_finished_clocks_and_is_named()
    {
        sender.Answer<GetDashboardDetails, Page<DashboardDetailRow>>(new Page<DashboardDetailRow>([], 0));
        Services.GetRequiredService<NavigationManager>().NavigateTo("dashboard/details?window=30d&detail=FinishedClocks&kind=EmailReply&took=UpToFourHours");

        var page = Render<DashboardDetails>();

        page.WaitForAssertion(() => Assert.Contains(sender.Sent, s => s.Request is GetDashboardDetails));
        var query = Assert.IsType<GetDashboardDetails>(sender.Sent.Single(s => s.Request is GetDashboardDetails).Request);
        Assert.Equal((DashboardWindow.Last30Days, (ClockKind?)ClockKind.EmailReply, (ResponseBand?)ResponseBand.UpToFourHours), (query.Window, query.ClockKind, query.Took));
        Assert.Contains("1-4 h", page.Find("[data-testid=details-what]").TextContent);
    }

    private static string Normalize(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
}
