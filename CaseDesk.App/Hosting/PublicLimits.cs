using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using CaseDesk.App.Components.Public;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace CaseDesk.App.Hosting;

/// <summary>
/// The guards on the public site's inputs (docs/public.md, "Abuse"): how many feedback posts and code lookups one client address may
/// make (<c>Public:RateLimits</c>), how big a public form post may be (<c>Public:MaxFormBytes</c>), and which proxies may name the
/// client's address in X-Forwarded-For (<c>ForwardedHeaders:KnownProxies</c>, <c>ForwardedHeaders:KnownNetworks</c>; nobody unless set).
/// </summary>
public static class PublicLimits
{
    /// <summary>Rate limiter policy of the feedback form's posts.</summary>
    public const string Feedback = "public-feedback";

    /// <summary>Rate limiter policy of the status page's code lookups (a separate allowance: looking up does not use up sending).</summary>
    public const string Lookup = "public-lookup";

    public const int DefaultMaxFormBytes = 64 * 1024;

    public static void AddPublicLimits(this IServiceCollection services, IConfiguration config)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Feedback, context => PostsPerAddress(context, Feedback, Allowance(config, "Feedback", 5)));
            options.AddPolicy(Lookup, context => PostsPerAddress(context, Lookup, Allowance(config, "Lookup", 10)));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await PublicPlainPage.TooManyRequestsAsync(rejected.HttpContext, cancellationToken);
            };
        });
        services.AddSingleton<FillTokens>();

        var proxies = config.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = config.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Only the client address, and only from the proxies named here: the defaults (loopback) are cleared, and with no proxy
            // named the middleware is not used at all (with empty lists it would believe anyone).
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            options.ForwardLimit = 1;
        });
    }

    /// <summary>Before everything that reads the client's address: X-Forwarded-For is believed only from a configured proxy.</summary>
    public static void UseTrustedProxies(this IApplicationBuilder app, IConfiguration config)
    {
        if ((config.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? []).Length > 0
            || (config.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? []).Length > 0)
            app.UseForwardedHeaders();
    }

    /// <summary>
    /// A public form post bigger than <c>Public:MaxFormBytes</c> gets a clear 413 page before anything reads it; a body without a
    /// declared length is cut off by the server at the same size.
    /// </summary>
    public static IApplicationBuilder UsePublicFormLimit(this IApplicationBuilder app, IConfiguration config)
    {
        var max = config.GetValue<long?>("Public:MaxFormBytes") ?? DefaultMaxFormBytes;
        return app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method))
            {
                if (context.Request.ContentLength > max)
                {
                    await PublicPlainPage.TooLargeAsync(context, context.RequestAborted);
                    return;
                }
                if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                    size.MaxRequestBodySize = max;
            }
            await next(context);
        });
    }

    private static (int Permits, TimeSpan Window) Allowance(IConfiguration config, string name, int permits) =>
        (config.GetValue<int?>($"Public:RateLimits:{name}:PermitLimit") ?? permits,
         config.GetValue<TimeSpan?>($"Public:RateLimits:{name}:Window") ?? TimeSpan.FromMinutes(10));

    /// <summary>POSTs counted per client address; GETs (reading the page) are never limited.</summary>
    private static RateLimitPartition<string> PostsPerAddress(HttpContext context, string policy, (int Permits, TimeSpan Window) allowance) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter($"{policy}:{ClientAddress(context)}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = allowance.Permits,
                Window = allowance.Window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter($"{policy}:read");

    /// <summary>The client's address (after a trusted proxy's X-Forwarded-For); an IPv6 client by its /64, which one household holds.</summary>
    internal static string ClientAddress(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }
        return address.ToString();
    }

}
