using System.Security.Claims;
using Bunit;
using CaseDesk.App.Components.Pages.Privacy;
using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Privacy;
using CaseDesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.Components.Pages.Privacy;

public sealed class PrivacyPagesTests : ComponentTestContext
{
    private readonly FakeCaseDeskSender sender = new();

    public PrivacyPagesTests()
    {
        Services.AddSingleton<ICaseDeskSender>(sender);
        Services.AddScoped<UiSender>();
        Services.AddScoped<UiFeedback>();
        Services.AddSingleton(TimeProvider.System);
    }

    private void SignIn(string userId, params string[] roles) =>
        Authorization.SetAuthorized(userId).SetRoles(roles).SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));

    private static ErasureRequestRow Request(string client, string requestedBy, ErasureStatus status = ErasureStatus.Requested) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), client, ErasureGround.ClientRequest, "Prašymas", new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc),
            requestedBy, requestedBy, status, null, null, null, null);

    [Fact]
    public void A_head_may_decide_others_requests_but_not_their_own()
    {
        SignIn("u-head", Roles.Head);
        sender.Answer<ListErasureRequests, IReadOnlyList<ErasureRequestRow>>(
            [Request("Ona Onaitė", "u-other"), Request("Jonas Jonaitis", "u-head"), Request("Anonimizuota Anonimizuota", "u-other", ErasureStatus.Executed)]);

        var page = Render<ErasureRequestsPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=erasure-requests] tbody tr").Count));
        var rows = page.FindAll("[data-testid=erasure-requests] tbody tr");
        Assert.Single(rows[0].QuerySelectorAll("[data-testid=approve-erasure]"));
        Assert.Single(rows[0].QuerySelectorAll("[data-testid=refuse-erasure]"));
        Assert.Empty(rows[1].QuerySelectorAll("[data-testid=approve-erasure]"));
        Assert.Empty(rows[2].QuerySelectorAll("[data-testid=approve-erasure]"));
        // An erased client's row no longer links to a record.
        Assert.Empty(rows[2].QuerySelectorAll("a"));
    }

    [Fact]
    public void A_caseworker_sees_the_requests_but_decides_none()
    {
        SignIn("u-cw", Roles.Caseworker);
        sender.Answer<ListErasureRequests, IReadOnlyList<ErasureRequestRow>>([Request("Ona Onaitė", "u-other")]);

        var page = Render<ErasureRequestsPage>();

        page.WaitForAssertion(() => Assert.Contains("Ona Onaitė", page.Find("[data-testid=erasure-requests]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=approve-erasure]"));
    }

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Head, false)]
    public void Only_an_administrator_may_change_retention_periods(string role, bool canChange)
    {
        SignIn("u-1", role);
        var inForce = Enum.GetValues<RetentionKind>().Select(k => new RetentionInForce(k, RetentionDefaults.Months[k], true, null, null, null, null)).ToList();
        sender.Answer<GetRetentionSettings, RetentionSettings>(new RetentionSettings(inForce, [], []));

        var page = Render<RetentionSettingsPage>();

        page.WaitForAssertion(() => Assert.Equal(inForce.Count, page.FindAll("[data-testid=retention-periods] tbody tr").Count));
        Assert.Equal(canChange ? inForce.Count : 0, page.FindAll("[data-testid^=change-]").Count);
        Assert.Equal(canChange ? 1 : 0, page.FindAll("[data-testid=apply-retention]").Count);
    }
}
