using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Configuration;

namespace CaseDesk.Proxy;

/// <summary>
/// The reverse proxy in front of several CaseDesk nodes (docs/decisions/0012). Every request of a browser goes to the
/// node that served its first one (a hashed cookie names the node), because a Blazor Server circuit lives in one
/// process. When that node stops answering its health check, the browser's next request, and its reconnect, go to a
/// healthy node: there the shared key ring accepts its sign-in cookie, and the page starts a new circuit.
/// </summary>
public static class ProxyHost
{
    public const string AffinityCookie = ".CaseDesk.Node";
    public const string HealthPath = "/_proxy/health";

    /// <summary>The nodes from <c>Proxy:Nodes</c> (a list of absolute http(s) addresses), or a message saying what to fix.</summary>
    public static IReadOnlyList<Uri> Nodes(IConfiguration configuration)
    {
        var values = configuration.GetSection("Proxy:Nodes").GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        if (values.Count == 0 && configuration["Proxy:Nodes"] is { Length: > 0 } joined)
            values = [.. joined.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)];
        if (values.Count == 0)
            throw new ProxyConfigurationException(
                "No CaseDesk nodes are configured for the proxy. Set Proxy:Nodes to the nodes' addresses, e.g. "
                + "Proxy__Nodes__0=http://127.0.0.1:5081 Proxy__Nodes__1=http://127.0.0.1:5082 (or Proxy__Nodes=http://127.0.0.1:5081,http://127.0.0.1:5082).");
        var nodes = new List<Uri>();
        foreach (var value in values)
        {
            if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw new ProxyConfigurationException(
                    $"Proxy:Nodes has \"{value}\", which is not an absolute http:// or https:// address of a CaseDesk node (e.g. http://127.0.0.1:5081).");
            nodes.Add(uri);
        }
        if (nodes.Distinct().Count() != nodes.Count)
            throw new ProxyConfigurationException("Proxy:Nodes names the same node twice; give each node once.");
        return nodes;
    }

    /// <param name="healthInterval">How often each node's /health is asked; a node that fails it twice gets no new requests.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, TimeSpan? healthInterval = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var nodes = Nodes(builder.Configuration);
        var interval = healthInterval ?? TimeSpan.FromSeconds(2);

        var cluster = new ClusterConfig
        {
            ClusterId = "nodes",
            LoadBalancingPolicy = "RoundRobin",
            SessionAffinity = new SessionAffinityConfig
            {
                Enabled = true,
                // The cookie holds a hash of the node's id: nothing to decrypt, so it survives a restart of the proxy.
                Policy = "HashCookie",
                // A browser whose node is down goes to another instead of getting an error.
                FailurePolicy = "Redistribute",
                AffinityKeyName = AffinityCookie,
                Cookie = new SessionAffinityCookieConfig
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    SecurePolicy = CookieSecurePolicy.SameAsRequest,
                    IsEssential = true,
                },
            },
            HealthCheck = new HealthCheckConfig
            {
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = interval,
                    Timeout = interval,
                    Policy = "ConsecutiveFailures",
                    Path = "/health",
                },
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true,
                    Policy = "TransportFailureRate",
                    ReactivationPeriod = TimeSpan.FromSeconds(10),
                },
            },
            Metadata = new Dictionary<string, string> { ["ConsecutiveFailuresHealthPolicy.Threshold"] = "2" },
            Destinations = nodes.Select((uri, i) => (uri, i)).ToDictionary(
                n => $"node{n.i + 1}",
                n => new DestinationConfig { Address = n.uri.ToString() }),
        };
        var route = new RouteConfig
        {
            RouteId = "casedesk",
            ClusterId = cluster.ClusterId,
            Match = new RouteMatch { Path = "{**catch-all}" },
            // The node sees the browser's Host (the proxy's address), so the absolute addresses it makes (a redirect after
            // sign-in, Blazor's base URI) stay on the proxy; with the node's own host the browser left the proxy after
            // signing in, and the page's CSP (form-action 'self') blocked that sign-in.
            Transforms = [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }],
        };
        builder.Services.AddReverseProxy().LoadFromMemory([route], [cluster]);

        var app = builder.Build();
        app.MapGet(HealthPath, () => Results.Text("ok"));
        app.MapReverseProxy();
        return app;
    }
}

/// <summary>A mistake in the proxy's configuration; the message says what to fix.</summary>
public sealed class ProxyConfigurationException(string message) : InvalidOperationException(message);
