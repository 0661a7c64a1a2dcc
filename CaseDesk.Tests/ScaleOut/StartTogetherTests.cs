using CaseDesk.Domain.Common;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Reference;
using CaseDesk.Tests.Browser;
using Npgsql;

namespace CaseDesk.Tests.ScaleOut;

/// <summary>
/// Two fresh app nodes started at the same moment on one empty PostgreSQL database (as after a city's first deployment):
/// both come up, and the reference data, roles and bootstrap administrator exist once (migrations under EF Core's lock,
/// seeding under the "start-up" lease, ADR 0011).
/// </summary>
public sealed class StartTogetherTests
{
    [SkippableFact]
    public async Task Two_fresh_nodes_started_together_both_come_up_and_seed_once()
    {
        if (PostgresServer.MissingReason() is { } reason)
        {
            if (Environment.GetEnvironmentVariable(LocalCluster.RequireVariable) == "1")
                throw new InvalidOperationException($"{reason} {LocalCluster.RequireVariable}=1, so this is a failure, not a skip.");
            Skip.If(true, reason);
        }
        await using var postgres = await PostgresServer.StartOnFreePortAsync();
        var connectionString = postgres.ConnectionString(LocalCluster.DatabaseName);
        AppProcess Node(int number) => new(AppProcess.AppHostPath, AppProcess.AppProjectFolder, $"CaseDesk.App node {number}", new Dictionary<string, string?>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__CaseDesk"] = connectionString,
            ["DataProtection__Store"] = "Database",
            ["Cluster__Nodes"] = "2",
            ["Demo__Seed"] = "false",
            ["Bootstrap__AdminEmail"] = "admin@example.lt",
            ["Bootstrap__AdminPassword"] = "Pradzia-2026-Slaptazodis",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        await using var a = Node(1);
        await using var b = Node(2);

        var starts = new[] { a.StartAsync(), b.StartAsync() };
        var failures = new List<string>();
        foreach (var (node, start) in new[] { (a, starts[0]), (b, starts[1]) })
        {
            try
            {
                await start;
            }
            catch (Exception e)
            {
                failures.Add($"{node.Name}: {e.Message}\n{node.Output}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        async Task<long> CountAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        Assert.Equal(StandardReferenceData.Touchpoints.Count, await CountAsync("SELECT count(*) FROM \"Touchpoints\""));
        Assert.Equal(StandardReferenceData.Commitments.Count, await CountAsync("SELECT count(*) FROM \"Commitments\""));
        Assert.Equal(Roles.All.Count, await CountAsync("SELECT count(*) FROM \"AspNetRoles\""));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM \"AspNetUsers\""));
    }
}
