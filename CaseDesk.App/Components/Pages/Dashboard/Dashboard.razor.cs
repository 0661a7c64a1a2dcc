using CaseDesk.App.Hosting;
using CaseDesk.App.Services;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Dashboard;
using CaseDesk.Domain.Reference;
using CaseDesk.Domain.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor.Utilities;
using Theme = CaseDesk.App.Components.Layout.CaseDeskTheme;

namespace CaseDesk.App.Components.Pages.Dashboard;

public partial class Dashboard
{
    [SupplyParameterFromQuery(Name = "scope")] public string? ScopeText { get; set; }
    [SupplyParameterFromQuery(Name = "window")] public string? WindowText { get; set; }
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] private UiSender Sender { get; set; } = default!;
    [Inject] private UiFeedback Feedback { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private DashboardUpdates Updates { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private DashboardScope scope = DashboardScope.Department;
    private DashboardWindow window = DashboardWindow.Today;
    private DashboardFigures? figures;
    private ChartBlock? attainment;
    private ChartBlock? touchpointShares;
    private ChartBlock? responseTimes;
    private ChartBlock? complaintsByStage;
    private DateTime? updatedAt;
    private bool loading;
    private bool reloadPending;
    private IReadOnlyList<ScopeOption> scopes = [];
    private CircuitCulture culture;

    private sealed record ScopeOption(string Value, string Text);

    protected override async Task OnInitializedAsync()
    {
        culture = CircuitCulture.Current;
        Updates.Updated += OnUpdated;
        await Feedback.Try(async () =>
        {
            var standard = await Sender.Send(new GetStandard());
            var caseworkers = await Sender.Send(new ListColleagues(Roles.Caseworker));
            scopes = [
                new(DashboardScope.Department.ToString(), L["Whole department"]),
                .. standard.Units.Select(u => new ScopeOption(new DashboardScope(u.Id).ToString(), L["Unit {0}", u.NameLt])),
                .. caseworkers.Select(c => new ScopeOption(new DashboardScope(null, c.Id).ToString(), L["Caseworker {0}", c.FullName])),
            ];
        });
    }

    protected override async Task OnParametersSetAsync()
    {
        scope = DashboardLinks.ParseScope(ScopeText);
        window = DashboardLinks.ParseWindow(WindowText);
        await Load();
    }

    private async Task Load()
    {
        loading = true;
        await Feedback.Try(async () =>
        {
            var (askedScope, askedWindow) = (scope, window);
            var loaded = await Sender.Send(new GetDashboard(askedScope, askedWindow));
            var charts = await Sender.Send(new GetDashboardCharts(askedScope, askedWindow));
            // Only the figures of what is selected now (a slower earlier load must not overwrite a newer selection).
            if (askedScope == scope && askedWindow == window && loaded.Scope == scope && loaded.Window == window)
            {
                figures = loaded;
                BuildCharts(loaded, charts);
                updatedAt = Clock.GetUtcNow().UtcDateTime;
            }
        });
        loading = false;
    }

    /// <summary>
    /// From the notifier's thread: re-query on the circuit, in the user's culture (the notifier's thread has none of its
    /// own, and InvokeAsync does not bring the circuit's); a change during a reload queues one more.
    /// </summary>
    private void OnUpdated(DashboardPulse pulse) => _ = InvokeAsync(async () =>
    {
        culture.Apply();
        if (loading)
        {
            reloadPending = true;
            return;
        }
        do
        {
            reloadPending = false;
            await Load();
            StateHasChanged();
        }
        while (reloadPending);
    });

    private void ChangeWindow(DashboardWindow value) => Navigation.NavigateTo(DashboardLinks.DashboardUrl(scope, value));

    private void ChangeScope(string value) => Navigation.NavigateTo(DashboardLinks.DashboardUrl(DashboardLinks.ParseScope(value), window));

    private static string Link(GetDashboardDetails details) => DashboardLinks.DetailsUrl(details);

    private static string Hex(MudColor color) => color.ToString(MudColorOutputFormats.Hex);

    private void BuildCharts(DashboardFigures f, DashboardCharts charts)
    {
        var palette = Theme.Theme.PaletteLight;
        string Share(MetShare s) => L["{0} ({1} of {2})", DashboardLinks.Percent(s), s.Met, s.Count];

        attainment = new ChartBlock(L["Commitment attainment, last 30 days"], L["Commitment"],
            [.. charts.AttainmentLast30Days.Select(c => L["Commitment {0}", c.Commitment].Value)],
            [.. charts.AttainmentLast30Days.Select(c => c.Commitment)],
            [new ChartLayer("met", L["% met"], Hex(palette.Primary), [.. charts.AttainmentLast30Days.Select(c => new ChartCell(
                Math.Round((c.Clocks.Share ?? 0) * 100), Share(c.Clocks),
                Link(new GetDashboardDetails(f.Scope, DashboardWindow.Last30Days, DashboardDetail.FinishedClocks, Commitment: c.Commitment))))])],
            L["No clock finished in the last 30 days."], L["Share of finished clocks that met their target, per commitment of the standard."], Max: 100,
            AxisLabels: [.. charts.AttainmentLast30Days.Select(c => c.Commitment)]);

        touchpointShares = new ChartBlock(L["Share met per touchpoint"], L["Touchpoint"],
            [.. f.Touchpoints.Select(t => L["Touchpoint {0}", t.Touchpoint].Value)],
            [.. f.Touchpoints.Select(t => t.Touchpoint.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            [new ChartLayer("met", L["% met"], Hex(palette.Tertiary), [.. f.Touchpoints.Select(t => new ChartCell(
                Math.Round((t.Clocks.Share ?? 0) * 100), Share(t.Clocks), Link(DashboardLinks.Finished(f, touchpoint: t.Touchpoint))))])],
            L["No clock finished in the period."], L[Names.Of(f.Window)], Max: 100,
            AxisLabels: [.. f.Touchpoints.Select(t => t.Touchpoint.ToString(System.Globalization.CultureInfo.CurrentCulture))]);

        var bands = Enum.GetValues<ResponseBand>();
        string[] bandColors = [Hex(palette.Success), Hex(palette.Tertiary), Hex(palette.Info), Hex(palette.Warning), Hex(palette.Error)];
        var channels = charts.ResponseTimes.Where(r => r.Total > 0).ToList();
        responseTimes = new ChartBlock(L["Response-time distribution per channel"], L["Channel"],
            [.. channels.Select(r => L[Names.Of(r.Kind)].Value)], [.. channels.Select(r => r.Kind.ToString())],
            [.. bands.Select((band, b) => new ChartLayer(band.ToString(), L[DashboardLinks.NameOf(band)], bandColors[b], [.. channels.Select(r => new ChartCell(
                r.Counts[b], r.Counts[b].ToString(System.Globalization.CultureInfo.CurrentCulture),
                Link(DashboardLinks.Took(f.Scope, f.Window, r.Kind, band))))]))],
            L["No clock finished in the period."],
            L["Finished clocks by how long they took, in the clock's own time (working time for working-day targets). {0}.", L[Names.Of(f.Window)]],
            Height: 340);

        var ages = Enum.GetValues<Domain.Dashboard.ComplaintAgeBand>();
        string[] ageColors = [Hex(palette.Success), Hex(palette.Warning), Hex(palette.Error)];
        complaintsByStage = new ChartBlock(L["Open complaints by stage and age"], L["Stage"],
            [.. charts.OpenComplaints.Select(s => L[Names.Of(s.Stage)].Value)], [.. charts.OpenComplaints.Select(s => s.Stage.ToString())],
            [.. ages.Select((age, a) => new ChartLayer(age.ToString(), L[Names.Of(age)], ageColors[a], [.. charts.OpenComplaints.Select(s => new ChartCell(
                s.Counts[a], s.Counts[a].ToString(System.Globalization.CultureInfo.CurrentCulture),
                Link(DashboardLinks.Complaints(f, stage: s.Stage, age: age))))]))],
            L["No open complaints."], L["Age counts from registration."], Height: 340);
    }

    private static bool IsEmpty(DashboardFigures f) =>
        f.AllClocks.Count == 0 && f.Channels.All(c => c.Clocks.Count == 0) && f.Punctuality.Clocks.Count == 0 && f.OpenClocks.Count == 0
        && f.OpenComplaints == 0 && f.CorrectiveActionsOverdue == 0;

    public void Dispose() => Updates.Updated -= OnUpdated;
}
