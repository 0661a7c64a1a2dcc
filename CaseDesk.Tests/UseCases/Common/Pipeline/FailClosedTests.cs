using System.Reflection;
using CaseDesk.Domain;
using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Common.Pipeline;
using CaseDesk.Tests.Support;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.UseCases.Common.Pipeline;

/// <summary>A request whose author forgot to say who may run it.</summary>
public sealed record UndeclaredRequest(string Text) : ICommand<string>;

/// <summary>The same request with a policy: proves the test handler is reachable, so refusals above are the policy's doing.</summary>
[AllowedRoles(Roles.Trainer)]
public sealed record DeclaredRequest(string Text) : ICommand<string>;

/// <summary>Work only the app itself does (as the mail fetcher and sender do).</summary>
[SystemOnly]
public sealed record SystemOnlyRequest(string Text) : ICommand<string>;

public sealed class HandlerCalls
{
    private int count;
    public int Count => count;
    public void Record() => Interlocked.Increment(ref count);
}

public sealed class UndeclaredRequestHandler(HandlerCalls calls) : IRequestHandler<UndeclaredRequest, string>, IRequestHandler<DeclaredRequest, string>,
    IRequestHandler<SystemOnlyRequest, string>
{
    public Task<string> Handle(SystemOnlyRequest request, CancellationToken cancellationToken)
    {
        calls.Record();
        return Task.FromResult(request.Text);
    }

    public Task<string> Handle(UndeclaredRequest request, CancellationToken cancellationToken)
    {
        calls.Record();
        return Task.FromResult(request.Text);
    }

    public Task<string> Handle(DeclaredRequest request, CancellationToken cancellationToken)
    {
        calls.Record();
        return Task.FromResult(request.Text);
    }
}

public sealed class FailClosedTests : IAsyncLifetime
{
    private readonly HandlerCalls calls = new();
    private TestDatabase database = default!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(services: services =>
    {
        // The domain scans handlers from its own assembly only.
        services.AddSingleton(calls);
        services.AddTransient<IRequestHandler<UndeclaredRequest, string>, UndeclaredRequestHandler>();
        services.AddTransient<IRequestHandler<DeclaredRequest, string>, UndeclaredRequestHandler>();
        services.AddTransient<IRequestHandler<SystemOnlyRequest, string>, UndeclaredRequestHandler>();
    });

    public async Task DisposeAsync() => await database.DisposeAsync();

    public static TheoryData<string> EveryRole => new(Roles.All);

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task A_request_without_a_declared_policy_is_refused_for_every_role(string role)
    {
        var caller = await database.CreateCallerAsync(role);

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new UndeclaredRequest("hi"), caller));

        Assert.Equal("the request declares no access policy", denied.Reason);
        Assert.Equal(0, calls.Count);
        var entry = Assert.Single(await database.AuditEntriesAsync());
        Assert.Equal((AuditKind.Denied, nameof(UndeclaredRequest), caller.UserId), (entry.Kind, entry.Action, entry.UserId));
    }

    [Fact]
    public async Task It_is_refused_for_a_caller_holding_every_role_and_for_the_system()
    {
        var everything = await database.CreateCallerAsync([.. Roles.All]);

        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new UndeclaredRequest("hi"), everything));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new UndeclaredRequest("hi"), Caller.System));

        Assert.Equal(0, calls.Count);
        Assert.Equal(2, (await database.AuditEntriesAsync()).Count(a => a.Kind == AuditKind.Denied));
    }

    [Fact]
    public async Task A_system_only_request_runs_for_the_system_and_is_refused_for_every_role_with_the_reason()
    {
        var everything = await database.CreateCallerAsync([.. Roles.All]);

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new SystemOnlyRequest("hi"), everything));
        Assert.Equal("only the app itself runs it", denied.Reason);
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new SystemOnlyRequest("hi"), Caller.Public));
        Assert.Equal(0, calls.Count);

        Assert.Equal("hi", await database.Send(new SystemOnlyRequest("hi"), Caller.System));
        Assert.Equal(1, calls.Count);
        Assert.Equal(2, (await database.AuditEntriesAsync()).Count(a => a.Kind == AuditKind.Denied));
    }

    [Fact]
    public async Task The_same_handler_runs_once_the_request_declares_a_policy()
    {
        var trainer = await database.CreateCallerAsync(Roles.Trainer);
        var admin = await database.CreateCallerAsync(Roles.Admin);

        Assert.Equal("hi", await database.Send(new DeclaredRequest("hi"), trainer));
        await Assert.ThrowsAsync<AccessDeniedException>(() => database.Send(new DeclaredRequest("hi"), admin));

        Assert.Equal(1, calls.Count);
    }
}

public sealed class RequestPolicyCoverageTests
{
    private static readonly Type[] DomainRequests = typeof(DependencyInjection).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false }
            && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))
        .OrderBy(t => t.FullName)
        .ToArray();

    [Fact]
    public void The_scan_finds_the_domains_requests()
    {
        Assert.Contains(typeof(Domain.Users.CreateStaffUser), DomainRequests);
        Assert.Contains(typeof(Domain.Reference.GetStandard), DomainRequests);
        Assert.Contains(typeof(Domain.Audit.ListAuditEntries), DomainRequests);
    }

    [Fact]
    public void Every_request_in_the_domain_declares_who_may_run_it()
    {
        var undeclared = DomainRequests
            .Where(t => t.GetCustomAttribute<AllowedRolesAttribute>() is null && t.GetCustomAttribute<AnyStaffAttribute>() is null
                && t.GetCustomAttribute<SystemOnlyAttribute>() is null && t.GetCustomAttribute<Domain.Public.PublicRequestAttribute>() is null)
            .Select(t => t.FullName)
            .ToList();

        Assert.True(undeclared.Count == 0,
            "These requests are refused for everyone until they get [AllowedRoles(...)], [AnyStaff], [SystemOnly] or [PublicRequest]: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void Every_declared_policy_names_known_roles_and_only_one_kind_of_policy()
    {
        foreach (var type in DomainRequests)
        {
            var kinds = new[] { typeof(AllowedRolesAttribute), typeof(AnyStaffAttribute), typeof(SystemOnlyAttribute), typeof(Domain.Public.PublicRequestAttribute) }
                .Count(kind => type.GetCustomAttribute(kind) is not null);
            Assert.True(kinds <= 1, $"{type.Name} declares more than one kind of policy.");
            var roles = type.GetCustomAttribute<AllowedRolesAttribute>();
            if (roles is null)
                continue;
            Assert.True(type.GetCustomAttribute<AnyStaffAttribute>() is null, $"{type.Name} declares both [AllowedRoles] and [AnyStaff].");
            Assert.True(roles.Roles.Count > 0, $"{type.Name} allows no role at all.");
            Assert.All(roles.Roles, role => Assert.Contains(role, Roles.All));
            Assert.Equal(roles.Roles.Order(), RequestPolicy.AllowedRoles(type).Order());
        }
    }
}
