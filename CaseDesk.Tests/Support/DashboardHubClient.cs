using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CaseDesk.Tests.Support;

/// <summary>
/// The dashboard hub (<c>/hubs/dashboard</c>) through the real .NET SignalR client, signed in with the cookies of the
/// app's own login form. Every "figures" push is queued with the time it arrived, so a caller can wait for the one it
/// expects. Self-contained (no other test helpers), so the benchmark links the same file.
/// </summary>
public sealed class DashboardHubClient : IAsyncDisposable
{
    public const string HubPath = "/hubs/dashboard";

    private readonly HubConnection connection;
    private readonly Channel<Push> pushes = Channel.CreateUnbounded<Push>();

    /// <summary>A "figures" push (the hub's <c>DashboardPush</c> as JSON) and when it arrived (UTC).</summary>
    public sealed record Push(JsonElement Payload, DateTime ReceivedAtUtc);

    private DashboardHubClient(HubConnection connection)
    {
        this.connection = connection;
        connection.On<JsonElement>("figures", payload => pushes.Writer.TryWrite(new Push(payload, DateTime.UtcNow)));
        connection.Closed += error =>
        {
            pushes.Writer.TryComplete(new InvalidOperationException($"The hub connection closed. {error?.Message}"));
            return Task.CompletedTask;
        };
    }

    /// <summary>Signs in through the app's static login form and returns the cookies of the signed-in session.</summary>
    public static async Task<CookieContainer> SignInAsync(Uri baseAddress, string userName, string password, CancellationToken ct = default)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var page = await http.GetStringAsync("account/login", ct);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"");
        if (!token.Success)
            throw new InvalidOperationException("The login page has no antiforgery token.");
        using var response = await http.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect || cookies.GetCookies(baseAddress)["CaseDesk.Auth"] is null)
            throw new InvalidOperationException($"Signing in as {userName} failed: HTTP {(int)response.StatusCode}.");
        return cookies;
    }

    /// <summary>
    /// Connects (negotiate, then WebSockets) with the given sign-in cookies, or none. A refused connection throws the
    /// negotiate request's <see cref="HttpRequestException"/>, whose <see cref="HttpRequestException.StatusCode"/> says
    /// why (401 not signed in, 403 wrong role).
    /// </summary>
    public static async Task<DashboardHubClient> ConnectAsync(Uri baseAddress, CookieContainer? cookies, CancellationToken ct = default)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, HubPath.TrimStart('/')), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                if (cookies is not null)
                    options.Cookies = cookies;
            })
            .Build();
        var client = new DashboardHubClient(connection);
        try
        {
            await connection.StartAsync(ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        return client;
    }

    public HubConnectionState State => connection.State;

    /// <summary>The hub's Watch: the current figures of a scope ("department", "unit:{id}", "owner:{userId}") and window (1-3).</summary>
    public Task<JsonElement> WatchAsync(string scope, int window, long lastSequence, CancellationToken ct = default) =>
        connection.InvokeAsync<JsonElement>("Watch", scope, window, lastSequence, ct);

    /// <summary>The next push that <paramref name="accept"/> accepts (others are skipped); throws when the connection closed.</summary>
    public async Task<Push> WaitForPushAsync(Func<JsonElement, bool>? accept = null, CancellationToken ct = default)
    {
        while (true)
        {
            var push = await pushes.Reader.ReadAsync(ct);
            if (accept is null || accept(push.Payload))
                return push;
        }
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
