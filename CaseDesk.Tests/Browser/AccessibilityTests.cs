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
/// axe (Deque.AxeCore.Playwright) on every screen of issue 15's part for every role its [Authorize] lets in. A critical or
/// serious violation fails; the report names each page with each violation's rule, element and help, so whoever owns the
/// page can fix it (moderate and minor ones are printed too, without failing).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] Blocking = ["critical", "serious"];

    /// <summary>The screens of part 1: a name, the route template of the page, and how to fill its parameters.</summary>
    private static readonly (string Name, string Route)[] Screens =
    [
        ("My work", "/"),
        ("Front desk", "/front-desk"),
        ("Clients", "/clients"),
        ("Client card", "/clients/{Id:guid}"),
        ("New client", "/clients/new"),
        ("Cases", "/cases"),
        ("Case page", "/cases/{Id:guid}"),
        ("Phone messages", "/phone-messages"),
        ("E-mails", "/emails"),
        ("Visit calendar", "/visits"),
        ("Service standard", "/standard"),
        ("My settings", "/settings/me"),
        ("Letter print", "/letters/{Id:guid}/print"),
    ];

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
        foreach (var (name, route) in Screens)
        {
            if (!Pages.TryGetValue(route, out var page))
            {
                output.WriteLine($"{name} ({route}): no such page yet, not checked");
                continue;
            }
            if (!RolesOf(page).Contains(role))
                continue;
            var path = route.Contains('{') ? route.Replace("{Id:guid}", ids[route].ToString()) : route;
            await session.OpenAsync(path.TrimStart('/'));
            await Expect(session.Page.Locator("h1").First).ToBeVisibleAsync();
            // Lists fill after the first render: wait until nothing is loading any more.
            await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Expect(session.Page.GetByRole(AriaRole.Progressbar)).ToHaveCountAsync(0, new() { Timeout = 10_000 });
            checkedPages++;
            var blocking = await AxeAsync(session.Page, $"{userName} {name} ({path})", output);
            foreach (var line in blocking) report.AppendLine(line);
        }

        Assert.True(checkedPages > 0, $"{userName}: no screen of part 1 was checked.");
        Assert.True(report.Length == 0, $"Critical or serious axe violations for {userName}:\n{report}");
    }

    private async Task<Dictionary<string, Guid>> IdsAsync()
    {
        var seeded = await BrowserCaseSeed.CaseForAsync(fixture.App, "caseworker", "Aistė", "Kalvaitienė");
        await using var domain = new DomainAccess(fixture.App);
        var letter = await domain.ReadAsync(db => db.InformationLetters.Select(l => l.Id).FirstAsync());
        return new Dictionary<string, Guid>
        {
            ["/clients/{Id:guid}"] = seeded.ClientId,
            ["/cases/{Id:guid}"] = seeded.CaseId,
            ["/letters/{Id:guid}/print"] = letter,
        };
    }
}
