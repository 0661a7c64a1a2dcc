using System.Net;
using CaseDesk.Domain.Clients;
using CaseDesk.Domain.Dashboard;
using CaseDesk.Domain.PhoneMessages;
using CaseDesk.Tests.Browser;
using CaseDesk.Tests.Support;

namespace CaseDesk.Tests.Hosting;

/// <summary>
/// The dashboard hub's authorization over real HTTP (the built app as a process, the .NET SignalR client over WebSockets),
/// without a browser: strangers get 401, caseworkers 403, and a head's Watch answers with the figures.
/// </summary>
public sealed class DashboardHubTests
{
    [Fact]
    public async Task The_hub_refuses_strangers_with_401_and_caseworkers_with_403_and_answers_a_heads_watch_with_the_figures()
    {
        await using var app = new AppProcess();
        await app.StartAsync();
        var address = app.BaseAddress;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var stranger = await Assert.ThrowsAsync<HttpRequestException>(() => DashboardHubClient.ConnectAsync(address, null, timeout.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);

        var caseworkerCookies = await DashboardHubClient.SignInAsync(address, "caseworker2", BrowserFixture.DemoPassword, timeout.Token);
        var caseworker = await Assert.ThrowsAsync<HttpRequestException>(() => DashboardHubClient.ConnectAsync(address, caseworkerCookies, timeout.Token));
        Assert.Equal(HttpStatusCode.Forbidden, caseworker.StatusCode);

        // A phone message for caseworker2 taken a week ago: its one-working-day call-back is breached.
        string owner;
        await using (var domain = new DomainAccess(app))
        {
            owner = await domain.UserIdAsync("caseworker2");
            var client = await domain.SendAsync(new RegisterClient("Rima", "Laukianti", null, null, "+370 611 22334", null, null, [],
                ClientLanguage.Lithuanian, null, null, false, null, [], ConfirmedNotDuplicate: true));
            await domain.SendAsync(new TakePhoneMessage(DateTime.UtcNow.AddDays(-7), "Rima Laukianti", null, null, "+370 611 22334",
                "Prašė paskambinti dėl sprendimo.", owner, client));
        }

        var headCookies = await DashboardHubClient.SignInAsync(address, "head", BrowserFixture.DemoPassword, timeout.Token);
        await using var hub = await DashboardHubClient.ConnectAsync(address, headCookies, timeout.Token);
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, hub.State);
        var watched = await hub.WatchAsync($"owner:{owner}", (int)DashboardWindow.Today, 0L, timeout.Token);
        var figures = watched.GetProperty("figures");
        Assert.Equal(owner, figures.GetProperty("scope").GetProperty("ownerUserId").GetString());
        Assert.True(figures.GetProperty("breachedNow").GetInt32() >= 1, figures.ToString());
        Assert.Equal(figures.GetProperty("sequence").GetInt64(), watched.GetProperty("sequence").GetInt64());
    }
}
