using System.Net;
using CaseDesk.Domain.Data;
using Npgsql;
using Xunit.Abstractions;

namespace CaseDesk.Tests.ScaleOut;

/// <summary>The local cluster itself: PostgreSQL, Redis, two nodes and the proxy come up, and the proxy spreads browsers over both nodes.</summary>
public sealed class LocalClusterTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Two_nodes_on_PostgreSQL_and_Redis_answer_through_the_proxy()
    {
        await using var cluster = await LocalCluster.StartAsync(new ClusterOptions(DemoData: false), output.WriteLine);

        Assert.Equal(2, cluster.Nodes.Count);
        Assert.All(cluster.Nodes, n => Assert.True(n.IsRunning));
        Assert.Equal(DatabaseProvider.Postgres, cluster.Database.Provider);
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", connection);
            Assert.True((long)(await command.ExecuteScalarAsync())! > 0);
        }

        // Fresh browsers are spread round robin: two of them land on different nodes, both healthy.
        var nodes = new HashSet<string>();
        for (var i = 0; i < 4; i++)
        {
            var cookies = new CookieContainer();
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = cluster.Address };
            using var response = await http.GetAsync("health");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            nodes.Add(cookies.GetCookies(cluster.Address)[".CaseDesk.Node"]?.Value ?? "(no affinity cookie)");
        }
        Assert.Equal(2, nodes.Count);
    }
}
