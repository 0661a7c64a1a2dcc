extern alias proxy;

using System.Net;
using System.Net.WebSockets;
using System.Text;
using CaseDesk.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProxyHost = proxy::CaseDesk.Proxy.ProxyHost;
using ProxyConfigurationException = proxy::CaseDesk.Proxy.ProxyConfigurationException;

namespace CaseDesk.Tests.ScaleOut;

/// <summary>
/// The reverse proxy over real HTTP (decision 0012): a browser stays on its node, several browsers spread over the
/// nodes, a browser whose node died lands on a live one, WebSockets (Blazor's circuits) pass through, and a wrong
/// configuration stops the proxy with a message saying what to fix. The nodes are two small Kestrel servers that say
/// who they are; the two-node test with CaseDesk itself is in the fault tests.
/// </summary>
public sealed class ProxyTests : IAsyncLifetime
{
    private readonly List<WebApplication> nodes = [];
    private WebApplication proxyApp = default!;
    private Uri proxyAddress = default!;

    public async Task InitializeAsync()
    {
        for (var i = 1; i <= 2; i++)
            nodes.Add(await StartNodeAsync($"node{i}"));
        proxyApp = ProxyHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Proxy:Nodes:0"] = AddressOf(nodes[0]).ToString(),
                ["Proxy:Nodes:1"] = AddressOf(nodes[1]).ToString(),
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }, healthInterval: TimeSpan.FromMilliseconds(250));
        await proxyApp.StartAsync();
        proxyAddress = AddressOf(proxyApp);
    }

    public async Task DisposeAsync()
    {
        await proxyApp.DisposeAsync();
        foreach (var node in nodes)
            await node.DisposeAsync();
    }

    [Fact]
    public async Task A_browser_stays_on_the_node_that_served_it_and_browsers_spread_over_the_nodes()
    {
        var seen = new HashSet<string>();
        for (var browser = 0; browser < 4; browser++)
        {
            using var client = Browser();
            var first = await client.GetStringAsync("/");
            seen.Add(first);
            for (var i = 0; i < 10; i++)
                Assert.Equal(first, await client.GetStringAsync("/"));
        }
        Assert.Equal(["node1", "node2"], seen.Order());
    }

    [Fact]
    public async Task When_its_node_dies_the_browser_lands_on_the_live_node_and_stays_there()
    {
        using var client = Browser();
        var first = await client.GetStringAsync("/");
        var dead = nodes.Single(n => n.Configuration["Node"] == first);
        await dead.StopAsync();

        string? now = null;
        await Eventually.WaitForAsync(async () =>
        {
            using var response = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            now = await response.Content.ReadAsStringAsync();
        });
        Assert.NotEqual(first, now);
        for (var i = 0; i < 10; i++)
            Assert.Equal(now, await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task WebSockets_pass_through_to_the_browsers_node()
    {
        using var client = Browser(out var cookies);
        var node = await client.GetStringAsync("/");
        using var socket = new ClientWebSocket();
        socket.Options.Cookies = cookies;
        await socket.ConnectAsync(new Uri($"ws://{proxyAddress.Authority}/echo"), CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes("labas"), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[256];
        var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
        Assert.Equal($"{node}: labas", Encoding.UTF8.GetString(buffer, 0, received.Count));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    [Fact]
    public async Task A_node_sees_the_browsers_host_so_the_addresses_it_makes_stay_on_the_proxy()
    {
        // CaseDesk's sign-in redirects to an absolute address made from the Host: with the node's own, the browser left
        // the proxy (and the login page's CSP, form-action 'self', blocked the sign-in).
        using var client = Browser();
        Assert.Equal(proxyAddress.Authority, await client.GetStringAsync("/host"));
    }

    [Theory]
    [InlineData(null, "Set Proxy:Nodes")]
    [InlineData("localhost:5081", "not an absolute http:// or https:// address")]
    [InlineData("ftp://127.0.0.1:5081", "not an absolute http:// or https:// address")]
    public void A_wrong_configuration_says_what_to_fix(string? node, string message)
    {
        var error = Assert.Throws<ProxyConfigurationException>(() => ProxyHost.Build([], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Proxy:Nodes:0"] = node })));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private HttpClient Browser() => Browser(out _);

    /// <summary>A browser: an HTTP client that keeps the cookies the proxy gives it.</summary>
    private HttpClient Browser(out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, UseCookies = true })
        {
            BaseAddress = proxyAddress,
            Timeout = TimeSpan.FromSeconds(5),
        };
    }

    private static async Task<WebApplication> StartNodeAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Node"] = name;
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.UseWebSockets();
        app.MapGet("/", () => name);
        app.MapGet("/health", () => "Healthy");
        app.MapGet("/host", (HttpContext context) => context.Request.Host.Value);
        app.Map("/echo", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[256];
            var message = await socket.ReceiveAsync(buffer, CancellationToken.None);
            var reply = Encoding.UTF8.GetBytes($"{name}: {Encoding.UTF8.GetString(buffer, 0, message.Count)}");
            await socket.SendAsync(reply, WebSocketMessageType.Text, true, CancellationToken.None);
            await socket.ReceiveAsync(buffer, CancellationToken.None);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        });
        await app.StartAsync();
        return app;
    }

    private static Uri AddressOf(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
