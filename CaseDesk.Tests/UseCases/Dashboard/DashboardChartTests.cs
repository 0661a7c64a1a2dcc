using CaseDesk.Domain.Clocks;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Complaints;
using CaseDesk.Domain.Dashboard;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Tests.Support;
using CaseDesk.Tests.UseCases.PhoneMessages;

namespace CaseDesk.Tests.UseCases.Dashboard;

/// <summary>Every bar of the dashboard's charts counts exactly the records its drill-down lists.</summary>
public sealed class DashboardChartTests : IAsyncLifetime
{
    private TestDatabase database = default!;
    private Caller reception = default!, asta = default!, head = default!, officer = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        reception = await database.CreateCallerAsync(Roles.Reception);
        asta = await database.CreateUserAsync("asta", Roles.Caseworker);
        head = await database.CreateUserAsync("head", Roles.Head);
        officer = await database.CreateUserAsync("officer", Roles.QualityOfficer);
        await database.GiveSignatureAsync(asta, "Asta", "Petrauskienė", "Socialinė darbuotoja", "+370 315 56 662");
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task CallBackAfterAsync(Guid client, TimeSpan after, string phone)
    {
        var id = await database.Send(new TakePhoneMessage(database.Clock.UtcDateTime, "Ona", null, null, phone, "Prašo paskambinti", asta.UserId, client),
            reception);
        database.Clock.Advance(after);
        var message = await database.Send(new GetPhoneMessage(id), asta);
        await database.Send(new LogCallBack(id, message.Version, client, null, database.Clock.UtcDateTime, "Atskambinau", null, null, null, null, null, null, []),
            asta);
    }

    [Fact]
    public async Task Each_bar_of_the_response_time_and_attainment_charts_counts_what_its_drill_down_lists()
    {
        var client = await database.RegisterAsync(reception);
        await CallBackAfterAsync(client, TimeSpan.FromMinutes(20), "+370 600 00001");
        await CallBackAfterAsync(client, TimeSpan.FromMinutes(40), "+370 600 00002");
        await CallBackAfterAsync(client, TimeSpan.FromHours(2), "+370 600 00003");
        await CallBackAfterAsync(client, TimeSpan.FromDays(6), "+370 600 00004");

        var charts = await database.Send(new GetDashboardCharts(DashboardScope.Department, DashboardWindow.Last7Days), head);

        var callBacks = charts.ResponseTimes.Single(r => r.Kind == ClockKind.CallBack);
        Assert.Equal(4, callBacks.Total);
        Assert.Equal(2, callBacks.Counts[0]);
        foreach (var band in Enum.GetValues<ResponseBand>())
        {
            var listed = await database.Send(new GetDashboardDetails(DashboardScope.Department, DashboardWindow.Last7Days, DashboardDetail.FinishedClocks,
                ClockKind: ClockKind.CallBack, Took: band), head);
            Assert.True(callBacks.Counts[(int)band - 1] == listed.Total, $"{band}: chart {callBacks.Counts[(int)band - 1]}, list {listed.Total}");
        }

        var month = await database.Send(new GetDashboard(DashboardScope.Department, DashboardWindow.Last30Days), head);
        Assert.Equal(month.Commitments, charts.AttainmentLast30Days);
        foreach (var commitment in charts.AttainmentLast30Days)
        {
            var listed = await database.Send(new GetDashboardDetails(DashboardScope.Department, DashboardWindow.Last30Days, DashboardDetail.FinishedClocks,
                Commitment: commitment.Commitment), head);
            Assert.Equal(commitment.Clocks.Count, listed.Total);
        }
    }

    [Fact]
    public async Task Each_segment_of_the_open_complaints_chart_counts_what_its_drill_down_lists()
    {
        await database.RegisterFeedbackAsync(officer);
        database.Clock.Advance(TimeSpan.FromDays(10));
        var acknowledged = await database.RegisterFeedbackAsync(officer);
        await database.TakeToAsync(acknowledged, ComplaintStage.Acknowledged, officer, asta);
        await database.RegisterFeedbackAsync(officer);

        var charts = await database.Send(new GetDashboardCharts(DashboardScope.Department, DashboardWindow.Today), officer);

        var registered = charts.OpenComplaints.Single(s => s.Stage == ComplaintStage.Registered);
        Assert.Equal([1, 1, 0], registered.Counts);
        Assert.Equal([1, 0, 0], charts.OpenComplaints.Single(s => s.Stage == ComplaintStage.Acknowledged).Counts);
        foreach (var stage in charts.OpenComplaints)
        foreach (var age in Enum.GetValues<ComplaintAgeBand>())
        {
            var listed = await database.Send(new GetDashboardDetails(DashboardScope.Department, DashboardWindow.Today, DashboardDetail.OpenComplaints,
                Stage: stage.Stage, Age: age), officer);
            Assert.Equal(stage.Counts[(int)age - 1], listed.Total);
        }
    }

    [Fact]
    public async Task Only_heads_and_the_standard_officer_read_the_charts() =>
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new GetDashboardCharts(DashboardScope.Department, DashboardWindow.Today), asta));
}
