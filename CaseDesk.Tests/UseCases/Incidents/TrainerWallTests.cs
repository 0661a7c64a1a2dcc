using System.Reflection;
using System.Runtime.CompilerServices;
using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Common.Pipeline;
using CaseDesk.Domain.Data;
using CaseDesk.Tests.Support;
using MediatR;

namespace CaseDesk.Tests.UseCases.Incidents;

/// <summary>The Trainer role reads anonymized, released copies only: every source request is refused in the query layer.</summary>
public sealed class TrainerWallTests(TrainerWallTests.Database shared) : IClassFixture<TrainerWallTests.Database>
{
    /// <summary>One database for the class: each refusal is checked by the audit row it adds, so they need not start empty.</summary>
    public sealed class Database : IAsyncLifetime
    {
        public TestDatabase Db { get; private set; } = default!;
        public Caller Trainer { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            Db = await TestDatabase.CreateAsync();
            Trainer = await Db.CreateCallerAsync(Roles.Trainer);
        }

        public async Task DisposeAsync() => await Db.DisposeAsync();
    }

    /// <summary>Features that hold clients' data or the sources of training copies.</summary>
    private static readonly string[] SourceFeatures =
        ["Clients", "Cases", "Contacts", "Complaints", "Emails", "PhoneMessages", "Letters", "Visits", "Incidents", "Audit", "Privacy", "Dashboard"];

    private static readonly Type[] Requests = [.. typeof(CaseDeskDb).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))];

    private static bool IsSource(Type t) => SourceFeatures.Any(f => t.Namespace == $"CaseDesk.Domain.{f}");

    private static bool IsQuery(Type t) => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQuery<>));

    private static IEnumerable<string> SourceQueryNames => Requests.Where(t => IsSource(t) && IsQuery(t)).Select(t => t.FullName!).Order();

    public static TheoryData<string> SourceQueries => new(SourceQueryNames);

    public static TheoryData<string> SourceCommands => new(Requests.Where(t => IsSource(t) && !IsQuery(t)).Select(t => t.FullName!).Order());

    [Fact]
    public void The_source_features_have_queries_to_check()
    {
        // Guards the reflection above: if namespaces moved, the theories below would check nothing.
        var names = SourceQueryNames.ToList();
        Assert.True(names.Count >= 25, $"only {names.Count} source queries found");
        Assert.Contains(typeof(Domain.Incidents.GetIncidentReview).FullName!, names);
        Assert.Contains(typeof(Domain.Clients.GetClient).FullName!, names);
    }

    [Theory]
    [MemberData(nameof(SourceQueries))]
    public async Task A_trainer_is_refused_every_source_read(string typeName) => await RefusedAsync(typeName);

    [Theory]
    [MemberData(nameof(SourceCommands))]
    public async Task A_trainer_is_refused_every_source_change(string typeName) => await RefusedAsync(typeName);

    [Fact]
    public void The_trainer_may_run_only_the_training_requests_and_the_any_staff_ones()
    {
        var allowed = Requests.Where(t => RequestPolicy.AllowedRoles(t).Contains(Roles.Trainer))
            .Where(t => t.GetCustomAttribute<AnyStaffAttribute>() is null).Select(t => t.Namespace).Distinct();

        Assert.Equal(["CaseDesk.Domain.Training"], allowed);
    }

    private async Task RefusedAsync(string typeName)
    {
        var type = Requests.Single(t => t.FullName == typeName);
        var (db, trainer) = (shared.Db, shared.Trainer);
        var before = (await db.AuditEntriesAsync()).Count;
        // The role check runs before anything reads the request, so an empty instance is enough.
        var request = RuntimeHelpers.GetUninitializedObject(type);
        var result = type.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)).GetGenericArguments()[0];
        var send = typeof(TestDatabase).GetMethod(nameof(TestDatabase.Send))!.MakeGenericMethod(result);

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => (Task)send.Invoke(db, [request, trainer])!);

        Assert.Equal(type.Name, denied.RequestName);
        var entry = Assert.Single((await db.AuditEntriesAsync()).Skip(before));
        Assert.Equal((AuditKind.Denied, type.Name, trainer.UserId), (entry.Kind, entry.Action, entry.UserId));
    }
}
