using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CaseDesk.Tests.Browser;

/// <summary>
/// The circuit's connection drops while the app keeps running. Playwright sits in the middle of the
/// circuit's WebSocket (so the test can close it) and of SignalR's negotiate request (so the test
/// decides when a reconnect attempt can get through; blocking negotiate also stops a fallback to long polling).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReconnectTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [GeneratedRegex(@"/_blazor/negotiate")]
    private static partial Regex Negotiate();

    [GeneratedRegex(@"/_blazor\?id=")]
    private static partial Regex CircuitSocket();

    [SkippableFact]
    public async Task Dropped_connection_shows_the_Lithuanian_reconnect_notice_then_resumes_the_same_circuit()
    {
        await using var session = await fixture.NewSessionAsync(output);
        var blocked = false;
        IWebSocketRoute? live = null;
        await session.Context.RouteAsync(Negotiate(), route =>
            Volatile.Read(ref blocked) ? route.AbortAsync("connectionrefused") : route.ContinueAsync());
        await session.Context.RouteWebSocketAsync(CircuitSocket(), socket =>
        {
            socket.ConnectToServer();
            Volatile.Write(ref live, socket);
        });

        await session.SignInAsync("admin");
        await session.OpenAsync("admin/users");
        var search = session.Page.GetByRole(AriaRole.Textbox, new() { Name = UiText.Lt("Search") });
        await search.FillAsync("kazlaus");
        var rows = session.Page.Locator("[data-testid=users-grid] tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(session.ReconnectModal).ToBeHiddenAsync();

        Volatile.Write(ref blocked, true);
        var socket = Volatile.Read(ref live) ?? throw new InvalidOperationException("The circuit's WebSocket did not go through the route.");
        await socket.CloseAsync(new() { Code = 4000, Reason = "test drops the connection" });

        await Expect(session.ReconnectModal).ToBeVisibleAsync();
        var notice = session.ReconnectModal.Locator(".reconnect-show");
        await Expect(notice).ToBeVisibleAsync();
        await Expect(notice).ToContainTextAsync("Ryšys nutrūko");
        await Expect(notice).ToContainTextAsync(UiText.Lt("Connection lost. Reconnecting…"));
        await Expect(notice).ToContainTextAsync(UiText.Lt("If the connection returns, your unsaved input stays on the page."));

        // Blazor retries (10 at once, then every 5 s); the next attempt that gets through reconnects the same circuit.
        Volatile.Write(ref blocked, false);
        await Expect(session.ReconnectModal).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Expect(session.ReconnectModal).ToHaveClassAsync(new Regex("components-reconnect-hide"));
        Assert.NotSame(socket, Volatile.Read(ref live));

        // Same circuit: the page's state (the search) survived, and the page answers again.
        await Expect(search).ToHaveValueAsync("kazlaus");
        await search.FillAsync("vaitk");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("Darius Vaitkus");
    }
}

/// <summary>The app process dies under an open page and comes back on the same database.</summary>
[Collection(BrowserRestartCollection.Name)]
public sealed class AppRestartTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Killed_app_shows_the_reconnect_notice_and_after_a_restart_the_user_carries_on()
    {
        await using var session = await fixture.SignInAsync("head", output);
        await session.OpenAsync(""); // My work (a head lands on the dashboard)
        await Expect(session.Page.GetByText("Sveiki, Vida.")).ToBeVisibleAsync();
        var firstPid = fixture.App.ProcessId;

        fixture.App.Kill();
        Assert.False(fixture.App.IsRunning);

        var modal = session.ReconnectModal;
        await Expect(modal).ToBeVisibleAsync();
        await Expect(modal.Locator(".reconnect-show")).ToContainTextAsync("Ryšys nutrūko");

        await fixture.App.StartAsync();
        Assert.NotEqual(firstPid, fixture.App.ProcessId);

        // The old process took the circuit with it: the next reconnect attempt is refused and the notice offers a reload.
        var rejected = modal.Locator(".reconnect-rejected");
        await Expect(rejected).ToBeVisibleAsync(new() { Timeout = 45_000 });
        await Expect(rejected).ToContainTextAsync(UiText.Lt("The session has ended."));
        await Expect(rejected).ToContainTextAsync(UiText.Lt("Input typed into a client, contact, complaint, phone message, letter or e-mail reply form comes back when you open that form again; other unsaved input may be lost."));
        await rejected.GetByRole(AriaRole.Link, new() { Name = UiText.Lt("Reload the page") }).ClickAsync();

        // Still signed in (keys kept beside the database) and the same database (the profile is read by user id).
        await session.WaitForCircuitAsync();
        await Expect(session.Page).ToHaveURLAsync(BrowserSession.HomeUrl());
        await Expect(session.Page.GetByTestId("user-name").First).ToHaveTextAsync("Vida Stankevičienė");
        await Expect(session.Page.GetByText("Sveiki, Vida.")).ToBeVisibleAsync();
        await Expect(modal).ToBeHiddenAsync();
    }
}
