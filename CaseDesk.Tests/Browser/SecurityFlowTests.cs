using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseDesk.Domain.Cases;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Privacy;
using CaseDesk.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CaseDesk.Tests.Browser;

/// <summary>The CSP in a real browser, and a caseworker opening a client of another unit with a stated reason.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityFlowTests(BrowserFixture fixture, ITestOutputHelper output)
{
    /// <summary>Every main page of every role renders interactively with no CSP violation, page error or console error.</summary>
    [SkippableTheory]
    [InlineData("caseworker", new[] { "", "clients", "clients/new", "cases", "visits", "phone-messages", "emails", "complaints", "standard" })]
    [InlineData("head", new[] { "complaints/analysis", "complaints/review", "settings/targets", "settings/calendar" })]
    [InlineData("quality", new[] { "complaints/desk", "admin/audit" })]
    [InlineData("admin", new[] { "admin/users", "admin/audit" })]
    public async Task The_pages_work_under_the_content_security_policy(string userName, string[] paths)
    {
        await using var session = await fixture.SignInAsync(userName, output);

        foreach (var path in paths)
        {
            await session.OpenAsync(path);
            await Expect(session.Page.Locator("main h1").First).ToBeVisibleAsync();
        }

        Assert.Empty(session.CspViolations);
        Assert.Empty(session.PageErrors);
        Assert.Empty(session.ConsoleErrors);
    }

    [SkippableFact]
    public async Task The_policy_blocks_an_injected_inline_script_and_the_test_sees_the_violation()
    {
        await using var session = await fixture.SignInAsync("reception", output);

        await session.Page.RunAndWaitForConsoleMessageAsync(
            () => session.Page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.body.appendChild(s); }"),
            new() { Predicate = m => m.Text.StartsWith("CSP violation", StringComparison.Ordinal) });

        Assert.Null(await session.Page.EvaluateAsync<int?>("() => window.injected ?? null"));
        var violations = session.TakeCspViolations();
        Assert.Contains(violations, v => v.Contains("script-src", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_caseworker_opens_a_client_of_another_unit_after_stating_a_reason_and_the_officer_sees_the_flagged_read()
    {
        BrowserRequirement.Check();
        Guid clientId;
        var reason = "Klientas paskambino man tiesiogiai " + Guid.NewGuid().ToString("N")[..6];
        await using (var domain = new DomainAccess(fixture.App))
        {
            clientId = await domain.SendAsync(new RegisterClient("Kęstutis", "Kitapadalinis", null, null, "+370 612 00077", null, "Sodų g. 5, Alytus",
                [], ClientLanguage.Lithuanian, null, null, false, null, [], ConfirmedNotDuplicate: true));
            var cashSupport = StandardReferenceData.Units.Single(u => u.Code == "cash-support").Id;
            await domain.SendAsync(new OpenCase(clientId, "Socialinė pašalpa", cashSupport, null, null));
        }

        await using (var session = await fixture.SignInAsync("caseworker2", output))
        {
            var page = session.Page;
            await session.OpenAsync($"clients/{clientId}");
            var because = UiText.DomainLt("You may not open this record without a reason because the client's cases belong to another unit; state a reason.");
            var dialog = page.GetByRole(AriaRole.Dialog).Filter(new() { Has = page.GetByTestId("reason") });
            await Expect(dialog).ToContainTextAsync(because);
            await Expect(page.GetByTestId("client-name")).ToHaveCountAsync(0); // nothing shown before the reason

            await dialog.GetByTestId("reason").FillAsync(reason);
            await dialog.GetByTestId("reason-ok").ClickAsync();

            await Expect(page.GetByTestId("client-name")).ToHaveTextAsync("Kęstutis Kitapadalinis");

            // The reason holds for this client for the rest of the session: editing does not ask again.
            await page.GetByTestId("edit-client").ClickAsync();
            await Expect(page.Locator("main h1")).ToHaveTextAsync(UiText.Lt("Edit client"));
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = UiText.Lt("Save") })).ToBeVisibleAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            Assert.Empty(session.PageErrors);
        }

        await using (var officer = await fixture.SignInAsync("quality", output))
        {
            var page = officer.Page;
            await officer.OpenAsync("admin/audit");
            await page.GetByTestId("audit-record").FillAsync(clientId.ToString());
            await page.GetByTestId("audit-record").PressAsync("Enter");
            await page.GetByTestId("audit-flagged").ClickAsync();

            var rows = page.GetByTestId("audit-grid").Locator("tbody tr").Filter(new() { Has = page.GetByTestId("audit-person") });
            await Expect(rows).ToHaveCountAsync(3); // the refused attempt, the card's read and the edit page's read, both with the reason
            await Expect(rows.Filter(new() { HasText = reason })).ToHaveCountAsync(2);
            await Expect(rows.First).ToContainTextAsync("Tomas Kazlauskas"); // caseworker2, by name
            await Expect(page.GetByTestId("audit-csv")).ToHaveAttributeAsync("href", new Regex($"admin/audit\\.csv\\?record={clientId}&flagged=true$"));
        }
    }

    [SkippableFact]
    public async Task A_caseworker_of_another_unit_gets_the_subject_access_report_and_its_file_only_with_a_reason_and_both_reads_are_flagged()
    {
        BrowserRequirement.Check();
        Guid clientId;
        var reason = "Klientas prašė išrašo per mūsų skyrių " + Guid.NewGuid().ToString("N")[..6];
        await using (var domain = new DomainAccess(fixture.App))
        {
            clientId = await domain.SendAsync(new RegisterClient("Vygandas", "Išrašauskas", null, null, "+370 612 00078", null, "Sodų g. 7, Alytus",
                [], ClientLanguage.Lithuanian, null, null, false, null, [], ConfirmedNotDuplicate: true));
            var cashSupport = StandardReferenceData.Units.Single(u => u.Code == "cash-support").Id;
            await domain.SendAsync(new OpenCase(clientId, "Socialinė pašalpa", cashSupport, null, null));
        }

        await using var session = await fixture.SignInAsync("caseworker2", output);
        var page = session.Page;
        await session.OpenAsync($"clients/{clientId}/subject-access");
        var dialog = page.GetByRole(AriaRole.Dialog).Filter(new() { Has = page.GetByTestId("reason") });
        await Expect(dialog).ToContainTextAsync(UiText.DomainLt("You may not open this record without a reason because the client's cases belong to another unit; state a reason."));
        await Expect(page.GetByTestId("subject-access-report")).ToHaveCountAsync(0); // nothing shown before the reason
        await dialog.GetByTestId("reason").FillAsync(reason);
        await dialog.GetByTestId("reason-ok").ClickAsync();
        await Expect(page.GetByTestId("subject-access-report").Locator("h1")).ToContainTextAsync("Vygandas Išrašauskas");

        // The file is posted with the stated reason (in the body: URLs are logged).
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-json").ClickAsync());
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(await File.ReadAllBytesAsync(await download.PathAsync())));
        Assert.Equal("Išrašauskas", json.RootElement.GetProperty("PersonalData").GetProperty("LastName").GetString());
        Assert.Empty(session.PageErrors);

        await using var check = new DomainAccess(fixture.App);
        var reads = await check.ReadAsync(db => db.AuditEntries
            .Where(a => a.Action == nameof(GetSubjectAccessReport) && a.EntityId == clientId.ToString() && a.Kind == Domain.Audit.AuditKind.Read)
            .Select(a => new { a.Reason, a.OutsideUnit }).ToListAsync());
        Assert.Equal(2, reads.Count); // the page, read once on the circuit, and the file
        Assert.All(reads, r => Assert.Equal(($"{GetSubjectAccessReport.Reason}; {reason}", true), (r.Reason, r.OutsideUnit)));
    }
}
