namespace CaseDesk.App.Hosting;

/// <summary>
/// Response headers that keep the browser from running or framing anything the app did not serve itself.
/// The CSP fits Blazor Server and MudBlazor: scripts only from this origin (no inline script, no eval: neither
/// blazor.web.js nor MudBlazor.min.js needs it), inline styles allowed (MudBlazor sets style attributes: popover
/// positions, chart sizes, its theme's CSS variables), the
/// circuit's WebSocket to this host only.
/// </summary>
internal static class SecurityHeaders
{
    public static string ContentSecurityPolicy(HostString host) => string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        $"connect-src 'self' ws://{host} wss://{host}",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'");

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(context.Request.Host);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
