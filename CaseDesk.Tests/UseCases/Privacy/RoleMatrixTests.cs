using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using CaseDesk.Domain;
using CaseDesk.Domain.Audit;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Common.Pipeline;
using CaseDesk.Tests.Support;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.UseCases.Privacy;

/// <summary>
/// docs/access.md holds the role matrix: one row per request type of the domain, grouped by feature. This test
/// runs every request type as every role (and as an account with no role) through the real pipeline and checks
/// the answer against the document's row, so the document, the [AllowedRoles] declarations and the enforcement
/// cannot drift apart. A request added later fails here until its row is added. What an allowed request may *return* to a role
/// without access to clients' data is checked by <see cref="TrainerSeesNoPersonalDataTests"/>.
/// </summary>
public sealed partial class RoleMatrixTests : IAsyncLifetime
{
    private const string Allowed = "✓";
    private const string Denied = "–";
    private const string NoRole = "no role";

    /// <summary>The document's columns after the request and its kind, in order.</summary>
    private static readonly string[] Columns = [.. Roles.All, NoRole];

    private static readonly Type[] DomainRequests = typeof(DependencyInjection).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false } && ResultOf(t) is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    private TestDatabase database = default!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public void The_document_has_one_row_for_every_request_under_its_feature_with_its_kind_and_declared_roles()
    {
        var rows = ReadMatrix();
        var problems = new List<string>();
        foreach (var type in DomainRequests)
        {
            var expected = RowFor(type);
            if (!rows.TryGetValue(type.Name, out var row))
                problems.Add($"Add this row to docs/access.md under \"### {Feature(type)}\" (the roles are what the code declares; change either to what is meant):\n{expected.Markdown}");
            else if (row.Feature != expected.Feature || row.Kind != expected.Kind || !row.Cells.SequenceEqual(expected.Cells))
                problems.Add($"docs/access.md row for {type.Name} (under \"### {row.Feature}\") says:\n{row.Markdown}\nbut the code declares (under \"### {expected.Feature}\"):\n{expected.Markdown}");
        }
        foreach (var stale in rows.Keys.Except(DomainRequests.Select(t => t.Name)))
            problems.Add($"Remove the row for {stale} from docs/access.md: the domain has no such request.");

        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
        Assert.True(DomainRequests.Length > 50, $"The scan found only {DomainRequests.Length} request types.");
    }

    [Fact]
    public async Task Every_request_run_as_every_role_is_allowed_or_denied_as_the_document_says()
    {
        var rows = ReadMatrix();
        var callers = new Dictionary<string, Caller>();
        foreach (var role in Roles.All)
            callers[role] = await database.CreateUserAsync("matrix-" + role.ToLowerInvariant(), role);
        callers[NoRole] = await database.CreateUserAsync("matrix-norole");

        var sender = database.Services.GetRequiredService<ICaseDeskSender>();
        var mismatches = new List<string>();
        var checkedCells = 0;
        foreach (var type in DomainRequests)
        {
            if (!rows.TryGetValue(type.Name, out var row))
            {
                mismatches.Add($"{type.Name}: no row in docs/access.md (see the other test's message for the row to add)");
                continue;
            }
            for (var i = 0; i < Columns.Length; i++)
            {
                var allowed = await IsAllowedAsync(sender, DefaultInstance(type), callers[Columns[i]]);
                checkedCells++;
                if (allowed != (row.Cells[i] == Allowed))
                    mismatches.Add($"{type.Name} as {Columns[i]}: the document says {(row.Cells[i] == Allowed ? "allowed" : "denied")}, the pipeline {(allowed ? "allowed it" : "denied it")}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.Equal(DomainRequests.Length * Columns.Length, checkedCells);
        // Every denial was audited as one.
        var denials = (await database.AuditEntriesAsync()).Count(a => a.Kind == AuditKind.Denied);
        Assert.Equal(rows.Values.Sum(r => r.Cells.Count(c => c == Denied)), denials);
    }

    [Fact]
    public async Task An_anonymous_caller_is_denied_every_request()
    {
        var sender = database.Services.GetRequiredService<ICaseDeskSender>();
        var allowed = new List<string>();
        foreach (var type in DomainRequests)
        {
            if (await IsAllowedAsync(sender, DefaultInstance(type), Caller.Anonymous))
                allowed.Add(type.Name);
        }
        Assert.Empty(allowed);
    }

    /// <summary>Authorization runs before validation, so a default instance shows the role decision: only a denial throws AccessDeniedException.</summary>
    private static async Task<bool> IsAllowedAsync(ICaseDeskSender sender, object request, Caller caller)
    {
        var send = typeof(ICaseDeskSender).GetMethod(nameof(ICaseDeskSender.Send))!.MakeGenericMethod(ResultOf(request.GetType())!);
        var task = (Task)send.Invoke(sender, [request, caller, CancellationToken.None])!;
        try
        {
            await task;
            return true;
        }
        catch (AccessDeniedException)
        {
            return false;
        }
        catch (Exception) // validation, not found, a refusal: all come after the role check passed
        {
            return true;
        }
    }

    /// <summary>The request with default values: records' primary constructors get default(T) for every parameter.</summary>
    private static object DefaultInstance(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{type.Name} has no public constructor.");
        var arguments = constructor.GetParameters()
            .Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null)
            .ToArray();
        return constructor.Invoke(arguments);
    }

    private static Type? ResultOf(Type type) =>
        type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))?.GetGenericArguments()[0];

    private static string Feature(Type type) => type.Namespace!.Split('.').Last();

    private static string KindOf(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>)) ? "change" : "read";

    private sealed record MatrixRow(string Request, string Feature, string Kind, IReadOnlyList<string> Cells)
    {
        public string Markdown => $"| `{Request}` | {Kind} | {string.Join(" | ", Cells)} |";
    }

    private static MatrixRow RowFor(Type type)
    {
        var roles = RequestPolicy.AllowedRoles(type);
        var cells = Columns.Select(c => c != NoRole && roles.Contains(c) ? Allowed : Denied).ToList();
        return new MatrixRow(type.Name, Feature(type), KindOf(type), cells);
    }

    [GeneratedRegex(@"^\|\s*`(?<name>\w+)`\s*\|(?<rest>.*)\|\s*$")]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"^\|\s*Request\s*\|\s*Kind\s*\|(?<rest>.*)\|\s*$")]
    private static partial Regex HeaderPattern();

    private static Dictionary<string, MatrixRow> ReadMatrix()
    {
        var path = SourceTree.PathOf("docs", "access.md");
        Assert.True(File.Exists(path), "docs/access.md is missing: it holds the role matrix.");
        var rows = new Dictionary<string, MatrixRow>();
        string? feature = null;
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            var line = raw.Trim();
            if (line.StartsWith("### ", StringComparison.Ordinal))
                feature = line[4..].Trim();
            else if (line.StartsWith("## ", StringComparison.Ordinal))
                feature = null;
            if (HeaderPattern().Match(line) is { Success: true } header)
                Assert.Equal(Columns, header.Groups["rest"].Value.Split('|').Select(c => c.Trim()).ToArray());
            if (RowPattern().Match(line) is not { Success: true } match)
                continue;
            Assert.True(feature is not null, $"docs/access.md: the row {line} is not under a ### feature heading.");
            var cells = match.Groups["rest"].Value.Split('|').Select(c => c.Trim()).ToList();
            Assert.True(cells.Count == Columns.Length + 1, $"docs/access.md: the row {line} needs a kind and {Columns.Length} role cells.");
            Assert.All(cells.Skip(1), c => Assert.True(c is Allowed or Denied, $"docs/access.md: '{c}' in {line} is neither {Allowed} nor {Denied}."));
            var name = match.Groups["name"].Value;
            Assert.True(rows.TryAdd(name, new MatrixRow(name, feature!, cells[0], cells.Skip(1).ToList())), $"docs/access.md lists {name} twice.");
        }
        return rows;
    }
}
