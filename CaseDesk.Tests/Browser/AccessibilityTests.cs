using System.Reflection;
using System.Text;
using CaseDesk.App.Components.Layout;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using Roles = CaseDesk.Domain.Common.Roles;

namespace CaseDesk.Tests.Browser;

/// <summary>
/// axe (Deque.AxeCore.Playwright) on every screen of the app (issues 15 and 16) for every role its [Authorize] lets in. A critical or
/// serious violation fails; the report names each page with each violation's rule, element and help, so whoever owns the
/// page can fix it (moderate and minor ones are printed too, without failing).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] Blocking = ["critical", "serious"];

    /// <summary>Routes not checked here: the error page, the account pages and the public site (static pages, checked signed out by their own tests).</summary>
    private static readonly string[] NotScreens = ["/error", "/account/login", "/account/access-denied"];

    /// <summary>The public site under /viesa: every page of it is checked signed out, with its forms filled, by PublicTimesPageTests and PublicFeedbackTests.</summary>
    private static bool IsPublic(string route) =>
        route.Equals(CaseDesk.App.Components.Public.PublicSite.Path, StringComparison.OrdinalIgnoreCase)
        || route.StartsWith(CaseDesk.App.Components.Public.PublicSite.Path + "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>What a route needs after its path to show something real (a list of records behind a figure).</summary>
    private static readonly Dictionary<string, string> Queries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/dashboard/details"] = "?scope=department&window=7d&detail=FinishedClocks",
    };

    /// <summary>
    /// Every routed screen of the app, found from the [Route] attributes, so a new screen is checked the day it appears
    /// (a route with a parameter needs a record in <see cref="IdsAsync"/>, or the test fails and says so).
    /// </summary>
    internal static IReadOnlyList<string> Screens => Pages.Keys
        .Where(r => !NotScreens.Contains(r, StringComparer.OrdinalIgnoreCase) && !IsPublic(r))
        .Order(StringComparer.Ordinal).ToList();

    private static readonly Dictionary<string, Type> Pages = typeof(CaseDesk.App.SharedResource).Assembly.GetTypes()
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (r.Template, Type: t)))
        .GroupBy(r => r.Template, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First().Type, StringComparer.OrdinalIgnoreCase);

    /// <summary>Who may open a page: the roles of its [Authorize], all roles for a bare [Authorize].</summary>
    internal static IReadOnlyList<string> RolesOf(Type page)
    {
        var rules = page.GetCustomAttributes<AuthorizeAttribute>().ToList();
        var named = rules.Where(a => !string.IsNullOrEmpty(a.Roles)).ToList();
        return named.Count == 0 ? Roles.All : named.Select(a => a.Roles!.Split(',', StringSplitOptions.TrimEntries).ToHashSet())
            .Aggregate((a, b) => { a.IntersectWith(b); return a; }).ToList();
    }

    /// <summary>Runs axe on the page as it is now; prints every violation and returns the blocking ones as report lines.</summary>
    internal static async Task<List<string>> AxeAsync(IPage page, string where, ITestOutputHelper output)
    {
        var result = await page.RunAxe();
        var blocking = new List<string>();
        foreach (var violation in result.Violations)
        {
            foreach (var node in violation.Nodes)
            {
                var html = node.Html.Length > 160 ? node.Html[..160] + "…" : node.Html;
                var line = $"{where}: [{violation.Impact}] {violation.Id} at {node.Target} {html}: {violation.Help} ({violation.HelpUrl})";
                output.WriteLine(line);
                if (Blocking.Contains(violation.Impact)) blocking.Add(line);
            }
        }
        output.WriteLine($"{where}: {result.Violations.Length} rule(s) violated, {blocking.Count} critical/serious element(s)");
        return blocking;
    }

    [SkippableFact]
    public async Task The_sign_in_page_has_no_critical_or_serious_violation()
    {
        await using var session = await fixture.NewSessionAsync(output);
        await session.Page.GotoAsync("account/login");
        await Expect(session.Page.Locator("h1")).ToBeVisibleAsync();

        var blocking = await AxeAsync(session.Page, "sign-in", output);

        Assert.True(blocking.Count == 0, string.Join("\n", blocking));
    }

    [SkippableTheory]
    [InlineData("reception", Roles.Reception)]
    [InlineData("caseworker", Roles.Caseworker)]
    [InlineData("head", Roles.Head)]
    [InlineData("quality", Roles.QualityOfficer)]
    [InlineData("trainer", Roles.Trainer)]
    [InlineData("admin", Roles.Admin)]
    public async Task Every_screen_the_role_can_open_has_no_critical_or_serious_violation(string userName, string role)
    {
        // Straight to a page every role can open: a role's landing page may be one still being built (front desk).
        await using var session = await fixture.SignInAsync(userName, output, returnUrl: "standard");
        var ids = await IdsAsync();
        var report = new StringBuilder();
        var checkedPages = 0;
        foreach (var route in Screens)
        {
            if (!RolesOf(Pages[route]).Contains(role))
                continue;
            Assert.True(!route.Contains('{') || ids.ContainsKey(route), $"{route}: no record to open it with; add one to IdsAsync.");
            var path = (route.Contains('{') ? route.Replace("{Id:guid}", ids[route].ToString()) : route) + Queries.GetValueOrDefault(route, "");
            await session.OpenAsync(path.TrimStart('/'));
            await Expect(session.Page.Locator("h1").First).ToBeVisibleAsync();
            // Lists fill after the first render: wait until nothing is loading any more.
            await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Expect(session.Page.GetByRole(AriaRole.Progressbar)).ToHaveCountAsync(0, new() { Timeout = 10_000 });
            checkedPages++;
            var blocking = await AxeAsync(session.Page, $"{userName} {path}", output);
            foreach (var line in blocking) report.AppendLine(line);
        }

        Assert.True(checkedPages > 0, $"{userName}: no screen was checked.");
        Assert.True(report.Length == 0, $"Critical or serious axe violations for {userName}:\n{report}");
    }

    private async Task<Dictionary<string, Guid>> IdsAsync()
    {
        var seeded = await BrowserCaseSeed.CaseForAsync(fixture.App, "caseworker", "Aistė", "Kalvaitienė");
        await using var domain = new DomainAccess(fixture.App);
        // The demo data has one of each (complaints, e-mails, incidents, session packs, letters).
        var letter = await domain.ReadAsync(db => db.InformationLetters.Select(l => l.Id).FirstAsync());
        var complaint = await domain.ReadAsync(db => db.Complaints.Select(c => c.Id).FirstAsync());
        var email = await domain.ReadAsync(db => db.EmailEnquiries.Select(e => e.Id).FirstAsync());
        var incident = await domain.ReadAsync(db => db.Incidents.Select(i => i.Id).FirstAsync());
        var pack = await domain.ReadAsync(db => db.SessionPacks.Select(p => p.Id).FirstAsync());
        await domain.SendAsync(new CaseDesk.Domain.Emails.Intake.TakeInMail("axe", 1, 1, [], [new(1, null, "a@example.lt", "Axe", DateTime.UtcNow.AddMinutes(-1),
            CaseDesk.Domain.Emails.Intake.SetAsideReason.Malformed, "Broken.", new byte[] { 65 }, 1)]));
        var setAside = await domain.ReadAsync(db => db.Set<CaseDesk.Domain.Emails.Intake.SetAsideMail>().Select(m => m.Id).FirstAsync());
        return new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase)
        {
            ["/clients/{Id:guid}"] = seeded.ClientId,
            ["/clients/{Id:guid}/edit"] = seeded.ClientId,
            ["/clients/{Id:guid}/subject-access"] = seeded.ClientId,
            ["/cases/{Id:guid}"] = seeded.CaseId,
            ["/letters/{Id:guid}/print"] = letter,
            ["/complaints/{Id:guid}"] = complaint,
            ["/emails/{Id:guid}"] = email,
            ["/emails/set-aside/{Id:guid}"] = setAside,
            ["/incidents/{Id:guid}"] = incident,
            ["/training/packs/{Id:guid}"] = pack,
            ["/training/packs/{Id:guid}/print"] = pack,
        };
    }
}
