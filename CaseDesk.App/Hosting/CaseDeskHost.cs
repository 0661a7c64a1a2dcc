using System.Globalization;
using System.Text.Json.Serialization;
using CaseDesk.App.Components;
using CaseDesk.App.Components.Public;
using CaseDesk.App.Mail;
using CaseDesk.App.Services;
using CaseDesk.Domain;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;

namespace CaseDesk.App.Hosting;

public static class CaseDeskHost
{
    /// <summary>The circuit's largest accepted message (docs/security.md): the longest field at 3 bytes a character, with room for a draft's other fields.</summary>
    public const int MaximumReceiveMessageBytes = 128 * 1024;

    public static readonly CultureInfo[] Cultures = [new("lt"), new("en")];

    public static void AddCaseDesk(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCaseDeskDomain(Database(builder.Configuration))
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "CaseDesk.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // Idle timeout: the cookie lapses after this long without a request; the page's keep-alive renews it while someone works.
            options.ExpireTimeSpan = IdleTimeout(builder.Configuration);
            options.SlidingExpiration = true;
            // Hub and script clients get status codes, not the sign-in page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            options.Events.OnValidatePrincipal = context =>
            {
                if (context.Request.Path == AccountEndpoints.KeepAlivePath)
                    context.ShouldRenew = true;
                return Task.CompletedTask;
            };
        });
        services.AddSingleton(provider => new SessionActivity(provider.GetRequiredService<TimeProvider>()) { IdleTimeout = IdleTimeout(builder.Configuration) });
        // Keys beside the database (one machine) or in it (several nodes), so sign-in cookies and antiforgery tokens survive a restart.
        services.AddCaseDeskKeyRing(builder.Configuration);
        // The public site's own address, for the links mailed with tracking codes (optional).
        services.Configure<Domain.Public.PublicSiteOptions>(builder.Configuration.GetSection(Domain.Public.PublicSiteOptions.Section));
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();

        // Limits per Microsoft's threat mitigation guidance for interactive server rendering; values and reasons in docs/security.md.
        services.AddRazorComponents().AddInteractiveServerComponents(options =>
        {
            options.DisconnectedCircuitMaxRetained = 100;
            options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
            options.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);
            options.MaxBufferedUnacknowledgedRenderBatches = 10;
            options.DetailedErrors = builder.Environment.IsDevelopment();
        }).AddHubOptions(options =>
        {
            // The longest field (a letter's 20,000 characters, up to 3 bytes each in UTF-8) and a restored draft must fit in one message:
            // a bigger message drops the circuit. Every text field carries its maximum in the browser (FormText), so none can exceed it.
            options.MaximumReceiveMessageSize = MaximumReceiveMessageBytes;
            options.MaximumParallelInvocationsPerClient = 1;
            options.ClientTimeoutInterval = TimeSpan.FromSeconds(30);
            options.HandshakeTimeout = TimeSpan.FromSeconds(15);
            options.StreamBufferCapacity = 10;
            options.EnableDetailedErrors = false;
        });
        services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomLeft;
            options.SnackbarConfiguration.NewestOnTop = true;
            options.SnackbarConfiguration.MaxDisplayedSnackbars = 4;
            options.SnackbarConfiguration.PreventDuplicates = false;
            // Shown and taken away at once, not faded in over a second and out over two: a half-faded message is text
            // below the contrast minimum (axe found it on "Išsaugota" right after a save, 1 run in a few).
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.SnackbarConfiguration.MaximumOpacity = 100; // solid, not 95 % over the page behind it
        });
        services.AddLocalizationInterceptor<MudTexts>();
        services.AddScoped<UiDialogs>();
        services.AddSingleton<InputLimits>();
        services.AddScoped<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<Domain.Users.StaffUser>, StaffClaimsFactory>();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddScoped<UiSender>();
        services.AddScoped<UiFeedback>();
        services.AddScoped<AccessReasons>();
        services.AddScoped<DraftCircuit>();
        var signalR = services.AddSignalR().AddJsonProtocol(options =>
        {
            // A percentile in the open-ended last bucket is infinite; enums read better by name in scripts.
            options.PayloadSerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
            options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        // Several nodes: periodic work once across them, the Redis backplane and the shared dashboard tallies (ADR 0011).
        services.AddCaseDeskScaleOut(builder.Configuration, signalR);
        // After the scale-out: the dashboard changes the sweepers commit are shared from their first run.
        services.AddHostedService<BreachSweeper>();
        services.AddHostedService<RetentionSweeper>();
        services.AddHostedService<PublicTimesRefresher>();
        builder.AddIncomingMail();
        services.AddOutgoingMail(builder.Configuration);
        services.AddSingleton<DashboardWatchers>();
        services.AddSingleton<DashboardUpdates>();
        services.AddSingleton<DashboardNotifier>();
        services.AddHostedService(provider => provider.GetRequiredService<DashboardNotifier>());
        services.AddHealthChecks().AddDbContextCheck<CaseDeskDb>("database");
        services.AddPublicLimits(builder.Configuration);
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/hubs"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Session:IdleTimeout (e.g. "00:30:00"), 30 minutes unless configured.</summary>
    public static TimeSpan IdleTimeout(IConfiguration config) =>
        config.GetValue<TimeSpan?>("Session:IdleTimeout") ?? SessionActivity.DefaultIdleTimeout;

    /// <summary>Database:Provider (Sqlite unless set) and ConnectionStrings:CaseDesk, checked: bad settings stop start-up with what to fix.</summary>
    public static DatabaseSettings Database(IConfiguration config) =>
        DatabaseSettings.From(config["Database:Provider"], config.GetConnectionString("CaseDesk"));

    /// <summary>Migrates and seeds before the server listens; a database that cannot be prepared stops start-up.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await ScaleOut.CheckRedisAsync(app.Services);
        // The lease table comes with the migrations, so they run first (under EF Core's own migration lock).
        await DatabaseInitializer.MigrateAsync(app.Services);
        var config = app.Configuration;
        IReadOnlyList<DemoLogin> demoLogins = [];
        DemoHistoryReport? demoData = null;
        var adminCreated = false;
        // One node at a time (ADR 0011): two nodes starting together on an empty database must not both seed reference data or make demo data.
        await app.Services.GetRequiredService<ClusterWork>().RunExclusiveAsync("start-up", async _ =>
        {
            await DatabaseInitializer.SeedAsync(app.Services);
            await KeyRing.EnsureCertificateForStoredKeysAsync(app.Services, config);
            var keysImported = await KeyRing.ImportFolderAsync(app.Services, config);
            if (keysImported > 0)
                Console.WriteLine($"Data-protection keys imported into the database from {KeyRing.KeysFolder(config)}: {keysImported}");
            demoLogins = config.GetValue<bool>("Demo:Seed")
                ? await DatabaseInitializer.SeedDemoLoginsAsync(app.Services)
                : [];
            if (demoLogins.Count > 0)
                demoData = await SeedDemoDataAsync(app.Services);
            adminCreated = await DatabaseInitializer.EnsureAdminAsync(app.Services, config["Bootstrap:AdminEmail"], config["Bootstrap:AdminPassword"]);
        }, CancellationToken.None);

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine();
            Console.WriteLine($"CaseDesk is running at {string.Join(", ", addresses)} ({app.Environment.EnvironmentName})");
            Console.WriteLine($"Database: {app.Services.GetRequiredService<DatabaseSettings>().Describe()}");
            if (adminCreated)
                Console.WriteLine($"Administrator created from configuration: {config["Bootstrap:AdminEmail"]}");
            if (demoData is not null)
                Console.WriteLine($"Demo data created: {demoData.Clients} clients, {demoData.Cases} cases, {demoData.Contacts} contacts, " +
                    $"{demoData.PhoneMessages} phone messages, {demoData.Emails} e-mails, {demoData.Visits} visits, {demoData.Letters} letters, " +
                    $"{demoData.Complaints} complaints and suggestions ({demoData.Requests} requests in {demoData.Took.TotalSeconds:F1} s).");
            if (demoLogins.Count > 0)
            {
                Console.WriteLine("Demo logins (password for all: " + DatabaseInitializer.DemoPassword + "):");
                foreach (var login in demoLogins)
                    Console.WriteLine($"  {login.UserName,-12} {login.Role,-15} {login.FullName}");
            }
            Console.WriteLine();
        });
    }

    /// <summary>
    /// Weeks of demo history for the demo logins, made once (on a database that has no clients yet) through the real requests,
    /// so its commitment clocks are real: the dashboard and "My work" see the same overdue work.
    /// </summary>
    private static async Task<DemoHistoryReport?> SeedDemoDataAsync(IServiceProvider services)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<CaseDeskDb>().Clients.AnyAsync())
                return null;
        }
        var report = await DemoHistory.GenerateAsync(services);
        await DemoIncidents.SeedAsync(services);
        return report;
    }

    public static void UseCaseDesk(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);

        // First: the client address everything after it sees (X-Forwarded-For only from a configured proxy).
        app.UseTrustedProxies(app.Configuration);
        app.UseSecurityHeaders();

        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("lt"),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
            // The cookie carries the user's chosen language; the browser's language is not consulted: Lithuanian is the default.
            RequestCultureProviders = [new CookieRequestCultureProvider()],
        });

        app.UsePublicSite();
        // After the public site's localization, so a refusal speaks the URL's language; the policies are on the public form pages.
        app.UseRateLimiter();

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();

        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsJsonAsync(new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
                });
            },
        }).AllowAnonymous();

        app.MapAccountEndpoints();
        app.MapComplaintEndpoints();
        app.MapPrivacyEndpoints();
        app.MapHub<DashboardHub>(DashboardHub.Path);
        app.MapAuditEndpoints();
        app.MapApiEndpoints();
        app.MapTrainingEndpoints();
        app.MapLetterEndpoints();
        app.MapIncomingMailEndpoints();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
    }
}
