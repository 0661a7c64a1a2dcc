using System.Text;
using System.Text.RegularExpressions;
using CaseDesk.App.Services;
using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Reference;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using IPage = Microsoft.Playwright.IPage;

namespace CaseDesk.Tests.Browser;

/// <summary>
/// A complaint from registration to closure in the real app, as the standard officer with a caseworker
/// owning the corrective action. Time cannot be moved in a running app, so the action is verified
/// before its deadline the only allowed way: its owner reports it done first.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ComplaintFlowTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static ILocator Stage(IPage page) => page.GetByTestId("complaint-stage");

    private static ILocator NextStep(IPage page) => page.GetByTestId("next-step");

    /// <summary>Opens a drop-down and picks the visible option whose text matches.</summary>
    private static async Task PickAsync(IPage page, ILocator dropDown, string optionText)
    {
        await dropDown.ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = optionText }).First.ClickAsync();
    }

    private static async Task TakeStepAsync(IPage page, ComplaintStage reached)
    {
        await NextStep(page).GetByTestId("step-submit").ClickAsync();
        if (reached == ComplaintStage.Closed) // closing is final: it asks first and says what happens
        {
            var confirm = page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = UiText.Lt("Close the complaint?") });
            await confirm.GetByRole(AriaRole.Button, new() { Name = UiText.Lt("Close the complaint"), Exact = true }).ClickAsync();
        }
        await Expect(Stage(page)).ToHaveTextAsync(UiText.Lt(Names.Of(reached)));
    }

    /// <summary>Registers a complaint through the dialog on the list and returns its page's address and number.</summary>
    private static async Task<(string Url, string Number)> RegisterAsync(IPage page, string text, int touchpoint)
    {
        await page.GetByTestId("register-feedback").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog).Filter(new() { Has = page.GetByTestId("feedback-form") });
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.Locator("textarea[name=Text]").FillAsync(text);
        await dialog.GetByTestId("feedback-who").GetByRole(AriaRole.Radio, new() { Name = UiText.Lt("Another person"), Exact = true }).CheckAsync();
        await dialog.Locator("input[name=ContactName]").FillAsync("Ona Onaitė");
        await dialog.Locator("input[name=ContactDetails]").FillAsync("+370 600 00000");
        await PickAsync(page, dialog.GetByTestId("feedback-touchpoints"),
            $"{touchpoint}. {StandardReferenceData.Touchpoints.Single(t => t.Number == touchpoint).NameLt}");
        await page.Keyboard.PressAsync("Escape");
        await dialog.GetByTestId("save-feedback").ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(ComplaintUrl());
        await Expect(page.GetByTestId("complaint-number")).ToHaveTextAsync(NumberPattern());
        await Expect(page.GetByTestId("complaint-text")).ToHaveTextAsync(text);
        return (page.Url, await page.GetByTestId("complaint-number").InnerTextAsync());
    }

    /// <summary>The texts the officer writes on the way from a registered complaint to a closed one.</summary>
    internal sealed record OfficerTexts(string Apology, string Facts, string Plan, string RootCause, string Action, string Evidence, string Outcome, string How);

    /// <summary>
    /// Takes a registered complaint, open on the officer's page at <paramref name="path"/>, through every step to closed: acknowledged with an
    /// apology (the department at fault), facts, plan, routed, root cause, an action the caseworker owns and reports done, verified, the
    /// client informed, closed. Each step checks the stage it reached. <paramref name="afterStep"/> runs after each step (e.g. to look at the
    /// public status page) and gets the stage reached.
    /// </summary>
    internal static async Task TakeToClosedAsync(BrowserFixture fixture, BrowserSession officer, string path, ITestOutputHelper output, OfficerTexts texts,
        Func<ComplaintStage, Task>? afterStep = null)
    {
        var page = officer.Page;
        afterStep ??= _ => Task.CompletedTask;
        // Acknowledged: the department was at fault, so the apology is required at its field.
        await NextStep(page).GetByRole(AriaRole.Checkbox, new() { Name = UiText.Lt("The department was at fault") }).CheckAsync();
        await NextStep(page).GetByTestId("step-submit").ClickAsync();
        await Expect(NextStep(page).GetByText(UiText.DomainLt("Record the apology, because the department was at fault (commitment X).")))
            .ToBeVisibleAsync();
        await Expect(Stage(page)).ToHaveTextAsync(UiText.Lt(Names.Of(ComplaintStage.Registered)));
        await Expect(NextStep(page).GetByTestId("step-submit")).ToBeEnabledAsync(); // the refused submit has finished re-reading the complaint
        await NextStep(page).Locator("textarea[name=Apology]").FillAsync(texts.Apology);
        await TakeStepAsync(page, ComplaintStage.Acknowledged);
        await afterStep(ComplaintStage.Acknowledged);

        await NextStep(page).Locator("textarea[name=Facts]").FillAsync(texts.Facts);
        await TakeStepAsync(page, ComplaintStage.FactsClarified);
        await NextStep(page).Locator("textarea[name=Plan]").FillAsync(texts.Plan);
        await TakeStepAsync(page, ComplaintStage.ActionPlanTold);
        await PickAsync(page, NextStep(page).GetByTestId("route-units"), StandardReferenceData.Units[1].NameLt);
        await OpenLists.CloseAsync(page);
        await TakeStepAsync(page, ComplaintStage.Routed);
        await PickAsync(page, NextStep(page).GetByTestId("root-cause"), RootCauses.Defaults.Single(r => r.Code == "routing").NameLt);
        await NextStep(page).Locator("textarea[name=Text]").FillAsync(texts.RootCause);
        await TakeStepAsync(page, ComplaintStage.RootCauseFound);
        await Expect(page.GetByTestId("complaint-root-cause")).ToContainTextAsync(texts.RootCause);

        await NextStep(page).Locator("textarea[name=Description]").FillAsync(texts.Action);
        await PickAsync(page, NextStep(page).GetByTestId("action-owner"), "Asta Petrauskienė");
        await TakeStepAsync(page, ComplaintStage.ActionsPlanned);
        await afterStep(ComplaintStage.ActionsPlanned);
        var action = page.GetByTestId("actions").Locator("tbody tr").First;
        await Expect(action).ToContainTextAsync("Asta Petrauskienė");

        // Before the deadline and not reported done: verifying would be refused, so the officer is not offered it.
        await Expect(action.GetByTestId("verify-action")).ToHaveCountAsync(0);
        await Expect(action.GetByTestId("action-result")).ToContainTextAsync(UiText.Lt("verified after the deadline or once reported done"));
        await Expect(Stage(page)).ToHaveTextAsync(UiText.Lt(Names.Of(ComplaintStage.ActionsPlanned)));

        // The owner reports it done; a caseworker is offered no verification.
        await using (var caseworker = await fixture.SignInAsync("caseworker", output))
        {
            await caseworker.OpenAsync(path);
            var own = caseworker.Page.GetByTestId("actions").Locator("tbody tr").First;
            await Expect(own.GetByTestId("verify-action")).ToHaveCountAsync(0);
            await own.GetByTestId("report-done").ClickAsync();
            await Expect(own.GetByTestId("reported-done")).ToBeVisibleAsync();
            await Expect(caseworker.Page.GetByTestId("next-step"))
                .ToContainTextAsync(UiText.Lt("The standard officer verifies each action after its deadline, or once its owner reports it done."));
            Assert.Empty(caseworker.PageErrors);
        }

        await officer.OpenAsync(path);
        action = page.GetByTestId("actions").Locator("tbody tr").First;
        await Expect(action.GetByTestId("reported-done")).ToBeVisibleAsync();
        await action.GetByTestId("verify-action").ClickAsync();
        await page.GetByTestId("verify-form").Locator("textarea[name=Evidence]").FillAsync(texts.Evidence);
        await page.GetByTestId("save-action").ClickAsync();
        await Expect(Stage(page)).ToHaveTextAsync(UiText.Lt(Names.Of(ComplaintStage.ActionsVerified)));
        await Expect(page.GetByTestId("action-result").First).ToContainTextAsync(UiText.Lt(Names.Of(VerificationResult.Done)));
        await Expect(page.GetByTestId("refusal")).ToHaveCountAsync(0);

        await NextStep(page).Locator("textarea[name=Outcome]").FillAsync(texts.Outcome);
        await NextStep(page).Locator("input[name=How]").FillAsync(texts.How);
        await TakeStepAsync(page, ComplaintStage.ClientInformed);
        await afterStep(ComplaintStage.ClientInformed);
        await TakeStepAsync(page, ComplaintStage.Closed);
        await afterStep(ComplaintStage.Closed);
    }

    [SkippableFact]
    public async Task The_officer_takes_a_complaint_from_registration_to_closure_with_a_caseworker_owning_the_action()
    {
        await using var officer = await fixture.SignInAsync("quality", output);
        var page = officer.Page;
        await officer.OpenAsync("complaints");
        var (url, number) = await RegisterAsync(page, "Niekas neperskambino, nors žadėjo per dieną", 2);
        var path = new Uri(url).AbsolutePath.TrimStart('/');
        await Expect(Stage(page)).ToHaveTextAsync(UiText.Lt(Names.Of(ComplaintStage.Registered)));
        await Expect(page.GetByTestId("complaint-from")).ToContainTextAsync("Ona Onaitė");

        await TakeToClosedAsync(fixture, officer, path, output, new OfficerTexts(
            Apology: "Atsiprašome, kad nebuvo perskambinta.", Facts: "Pranešimas kolegai buvo perduotas žodžiu ir pamirštas",
            Plan: "Šiandien perskambins socialinė darbuotoja, tvarka bus peržiūrėta", RootCause: "Pranešimai perduodami žodžiu",
            Action: "Pranešimus kolegoms registruoti sistemoje", Evidence: "Peržiūrėti 5 pranešimai sistemoje",
            Outcome: "Atsiprašėme; pranešimai dabar registruojami sistemoje", How: "Telefonu"));

        await Expect(page.GetByTestId("timeline").Locator("li")).ToHaveCountAsync(Enum.GetValues<ComplaintStage>().Length);
        await Expect(page.GetByTestId("timeline").Locator("li").Last).ToContainTextAsync("Darius Vaitkus");
        await Expect(page.GetByTestId("complaint-clocks").Locator("td[data-status=Met]")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("complaint-clocks").Locator($"tr[data-clock={ClockKind.ComplaintResolved}]"))
            .ToContainTextAsync(UiText.Lt(Names.Of(ClockStatus.Met)));
        await Expect(NextStep(page).Locator("textarea[name=Reason]")).ToBeVisibleAsync(); // a closed complaint offers reopening
        await Expect(NextStep(page).Locator("h2")).ToHaveTextAsync(UiText.Lt("The complaint is closed"));

        // The closed complaint is listed under "finished", not among the open ones.
        await officer.OpenAsync("complaints?scope=Closed");
        await Expect(page.GetByTestId("complaints-grid").Locator("tbody tr").Filter(new() { HasText = number })).ToHaveCountAsync(1);
        await officer.OpenAsync("complaints");
        await Expect(page.GetByTestId("complaints-grid").Locator("tbody tr").Filter(new() { HasText = number })).ToHaveCountAsync(0);
        Assert.Empty(officer.PageErrors);
    }

    [SkippableFact]
    public async Task The_analysis_counts_a_new_complaint_drills_down_to_it_and_downloads_as_csv_and_a_trainer_is_kept_out()
    {
        await using (var officer = await fixture.SignInAsync("quality", output))
        {
            var page = officer.Page;
            await officer.OpenAsync("complaints");
            var (_, number) = await RegisterAsync(page, "Atsakymas į el. laišką neatėjo", 3);

            await officer.OpenAsync("complaints/analysis");
            var touchpoints = page.GetByTestId($"analysis-{AnalysisDimension.Touchpoint}");
            var emailRow = touchpoints.Locator("tr[data-key='3']");
            await Expect(emailRow.GetByTestId("figure-total")).ToHaveTextAsync(new Regex(@"^[1-9]\d*$"));
            // The monthly chart says this month's count in words, and the table beside it leads with this month.
            await Expect(page.GetByTestId("trend-chart")).ToHaveAttributeAsync("aria-label", new Regex(@"\d{4}-\d{2} – [1-9]\d*$"));
            await Expect(page.GetByTestId("trend-table").Locator("tbody td[data-month]").First).ToHaveTextAsync(new Regex(@"^[1-9]\d*$"));

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("analysis-csv").ClickAsync());
            var file = await File.ReadAllBytesAsync(await download.PathAsync());
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, file[..3]);
            var csv = Encoding.UTF8.GetString(file[3..]);
            Assert.StartsWith("Pjūvis;Kodas;Pavadinimas;Iš viso;", csv);
            Assert.Contains($"Sąlyčio taškas;3;3. {StandardReferenceData.Touchpoints.Single(t => t.Number == 3).NameLt};", csv);

            await emailRow.GetByTestId("figure-total").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/complaints\?scope=All&kind=Complaint&touchpoint=3&from=\d{4}-01-01&to=\d{4}-\d{2}-\d{2}$"));
            await Expect(page.GetByTestId("drill-down")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("complaints-grid").Locator("tbody tr").Filter(new() { HasText = number })).ToHaveCountAsync(1);
            Assert.Empty(officer.PageErrors);
        }

        await using var trainer = await fixture.SignInAsync("trainer", output);
        await trainer.OpenAsync("complaints");
        await Expect(trainer.Page).ToHaveURLAsync(new Regex(@"/account/access-denied\?ReturnUrl=%2Fcomplaints$"));
        await Expect(trainer.Page.GetByTestId("complaints-grid")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task The_officer_sees_a_new_complaint_on_the_desk_hands_feedback_over_and_records_a_review()
    {
        await using var officer = await fixture.SignInAsync("quality", output);
        var page = officer.Page;
        await officer.OpenAsync("complaints");
        var (_, number) = await RegisterAsync(page, "Informacinis stendas neaiškus", 4);

        await officer.OpenAsync("complaints/desk");
        var registered = page.Locator($"[data-testid=desk-stage][data-stage={ComplaintStage.Registered}]");
        await Expect(registered.GetByTestId("desk-complaint").Filter(new() { HasText = number })).ToHaveCountAsync(1);

        await page.GetByTestId("hand-over").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog).Filter(new() { Has = page.GetByTestId("digest-form") });
        await Expect(dialog.GetByTestId("digest-preview")).ToContainTextAsync(number);
        await dialog.GetByTestId("send-digest").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("digests").Locator("details").First).ToContainTextAsync(number);

        await officer.OpenAsync("complaints/review");
        var form = page.GetByTestId("review-form");
        await form.GetByLabel(UiText.Lt("Findings")).FillAsync("Dažniausia priežastis – vėlavimas");
        await form.GetByLabel(UiText.Lt("Decisions")).FillAsync("Peržiūrėti skambučių perdavimo tvarką");
        await form.GetByTestId("save-review").ClickAsync();
        var review = page.GetByTestId("review").Filter(new() { HasText = "Peržiūrėti skambučių perdavimo tvarką" });
        await Expect(review.GetByTestId("staff-informed")).ToContainTextAsync(UiText.Lt("not yet"));
        await review.GetByRole(AriaRole.Textbox, new() { Name = UiText.Lt("How the staff were informed") }).FillAsync("Pasitarime");
        await review.GetByRole(AriaRole.Button, new() { Name = UiText.Lt("Staff informed") }).ClickAsync();
        // Recorded once and for all, so it asks first.
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = UiText.Lt("Staff informed") }).ClickAsync();
        await Expect(review.GetByTestId("staff-informed")).ToContainTextAsync("Pasitarime");
        Assert.Empty(officer.PageErrors);
    }

    [GeneratedRegex(@"/complaints/[0-9a-f-]{36}$")]
    private static partial Regex ComplaintUrl();

    [GeneratedRegex(@"^SK-\d{4}-\d{4}$")]
    private static partial Regex NumberPattern();
}
