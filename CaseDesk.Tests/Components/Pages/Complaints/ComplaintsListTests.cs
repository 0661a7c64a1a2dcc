using System.Security.Claims;
using Bunit;
using CaseDesk.App.Components.Pages.Complaints;
using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Reference;
using CaseDesk.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.Components.Pages.Complaints;

public sealed class ComplaintsListTests : ComponentTestContext
{
    private readonly FakeCaseDeskSender sender = new();

    public ComplaintsListTests()
    {
        Services.AddSingleton<ICaseDeskSender>(sender);
        Services.AddScoped<UiSender>();
        Services.AddScoped<UiFeedback>();
        Services.AddSingleton(TimeProvider.System);
        Authorization.SetAuthorized("darius").SetRoles(Roles.QualityOfficer).SetClaims(new Claim(ClaimTypes.NameIdentifier, "u-darius"));
        sender.Answer<ListRootCauses, IReadOnlyList<RootCauseRow>>([new RootCauseRow("delay", "Delay", "Vėlavimas", "Delay", true)]);
        sender.Answer<GetStandard, StandardDetails>(new StandardDetails([], [], [], []));
    }

    private static ComplaintRow Row(string number) =>
        new(Guid.NewGuid(), number, FeedbackKind.Complaint, FeedbackSource.Phone, new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc), ComplaintStage.Closed,
            false, "Niekas neperskambino", null, "Ona Onaitė", false, 0, null);

    [Fact]
    public void The_filter_in_the_address_is_the_filter_sent_and_its_rows_are_listed()
    {
        sender.Answer<ListComplaints, Page<ComplaintRow>>((request, _) => Task.FromResult(
            request.Filter == new ComplaintFilter(ComplaintScope.Closed, FeedbackKind.Complaint, RootCause: "delay")
                ? new Page<ComplaintRow>([Row("SK-2026-0007")], 1)
                : new Page<ComplaintRow>([], 0)));
        Services.GetRequiredService<NavigationManager>().NavigateTo("complaints?scope=Closed&kind=Complaint&cause=delay");

        var page = Render<CaseDesk.App.Components.Pages.Complaints.Complaints>();

        page.WaitForAssertion(() => Assert.Contains("SK-2026-0007", page.Find("[data-testid=complaints-grid] tbody").TextContent));
        Assert.Contains("root cause: Delay", page.Find("[data-testid=drill-down]").TextContent);
        var sent = Assert.Single(sender.Sent.Select(s => s.Request).OfType<ListComplaints>());
        Assert.Equal(new ComplaintFilter(ComplaintScope.Closed, FeedbackKind.Complaint, RootCause: "delay"), sent.Filter);
    }

    [Fact]
    public void Praise_is_listed_by_its_kind_and_anonymous_feedback_followed_by_code_says_so()
    {
        var followed = new ComplaintRow(Guid.NewGuid(), "PD-2026-0002", FeedbackKind.Praise, FeedbackSource.Website, new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc),
            ComplaintStage.Registered, true, "Labai maloni registratūra", null, null, true, 0, null, FollowedByCode: true);
        var unreachable = followed with { Id = Guid.NewGuid(), Number = "PD-2026-0001", IsOpen = false, FollowedByCode = false };
        sender.Answer<ListComplaints, Page<ComplaintRow>>((request, _) => Task.FromResult(request.Filter.Kind == FeedbackKind.Praise
            ? new Page<ComplaintRow>([followed, unreachable], 2) : new Page<ComplaintRow>([], 0)));
        Services.GetRequiredService<NavigationManager>().NavigateTo("complaints?scope=All&kind=Praise");

        var page = Render<CaseDesk.App.Components.Pages.Complaints.Complaints>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=complaints-grid] tbody tr").Count));
        var rows = page.FindAll("[data-testid=complaints-grid] tbody tr");
        Assert.Contains("Praise", rows[0].TextContent);
        Assert.Contains("Anonymous", rows[0].TextContent);
        Assert.Equal("follows by code", rows[0].QuerySelector("[data-testid=row-follows-by-code]")?.TextContent.Trim());
        Assert.Equal("Still open", rows[0].QuerySelector("[data-testid=row-stage]")?.TextContent.Trim());
        Assert.Null(rows[1].QuerySelector("[data-testid=row-follows-by-code]"));
        Assert.Equal("Finished", rows[1].QuerySelector("[data-testid=row-stage]")?.TextContent.Trim());
    }

    [Fact]
    public void A_drill_down_link_round_trips_through_the_address()
    {
        var filter = new ComplaintFilter(ComplaintScope.All, FeedbackKind.Complaint, null, ComplaintFilter.None, 3, "VIII", Guid.Empty,
            new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));

        var url = ComplaintLinks.ListUrl(filter);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x/" + url).Query);
        string? Q(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;

        Assert.Equal(filter, ComplaintLinks.Parse(Q("scope"), Q("kind"), Q("stage"), Q("cause"), int.Parse(Q("touchpoint")!), Q("commitment"), Q("unit"), Q("from"), Q("to")));
        Assert.Equal("complaints", ComplaintLinks.ListUrl(new ComplaintFilter()));
    }
}
