using System.Net;
using System.Security.Cryptography;
using CaseDesk.App.Components.Public;
using CaseDesk.Domain.Data;
using CaseDesk.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.Public;

/// <summary>
/// The whole app for the public form tests, with small rate limits and one trusted proxy, so the limits can be reached in a test.
/// Each test speaks from its own client address (<see cref="PeerHeader"/> stands in for the TCP peer, which the in-memory server
/// does not have), so the tests' allowances do not mix.
/// </summary>
public sealed class PublicFormsApp : IAsyncLifetime
{
    public const int FeedbackLimit = 4;
    public const int LookupLimit = 3;
    public const string TrustedProxy = "10.99.0.1";
    public const int MaxFormBytes = 64 * 1024;

    /// <summary>The address the request comes from, as the server's connection would say it.</summary>
    public const string PeerHeader = "X-Test-Peer";

    private readonly CaseDeskAppFactory factory = new();

    public WebApplicationFactory<Program> App { get; private set; } = default!;

    public Task InitializeAsync()
    {
        App = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Public:RateLimits:Feedback:PermitLimit", FeedbackLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Public:RateLimits:Lookup:PermitLimit", LookupLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", TrustedProxy);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestPeerFilter>());
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await factory.DisposeAsync();
    }

    /// <summary>A client without redirects or cookies that speaks from <paramref name="peer"/>.</summary>
    public HttpClient Client(string peer)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(PeerHeader, peer);
        return client;
    }

    /// <summary>A fill token given out <paramref name="age"/> ago, as the page would have made it.</summary>
    public string FillToken(TimeSpan age)
    {
        var tokens = App.Services.GetRequiredService<FillTokens>();
        return tokens.Protect(RandomNumberGenerator.GetBytes(16), App.Services.GetRequiredService<TimeProvider>().GetUtcNow() - age);
    }

    public async Task<int> TicketCountAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseDeskDb>().PublicFeedbackTickets.CountAsync();
    }

    private sealed class TestPeerFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer))
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

[CollectionDefinition(Name)]
public sealed class PublicFormsCollection : ICollectionFixture<PublicFormsApp>
{
    public const string Name = "Public forms app";
}
