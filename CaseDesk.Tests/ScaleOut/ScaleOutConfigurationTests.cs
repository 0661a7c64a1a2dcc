using System.Net;
using System.Net.Sockets;

namespace CaseDesk.Tests.ScaleOut;

/// <summary>A multi-node setting that cannot work stops start-up with a message that says what to fix.</summary>
public sealed class ScaleOutConfigurationTests : IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "casedesk-tests", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Exception StartFails(Dictionary<string, string?> settings)
    {
        using var node = new AppNode(Path.Combine(folder, "casedesk.db"), settings);
        var failure = Assert.ThrowsAny<Exception>(() => node.Started());
        // The host may wrap the start-up failure; the message that says what to fix is the innermost.
        while (failure is AggregateException { InnerException: { } inner })
            failure = inner;
        return failure;
    }

    [Theory]
    [InlineData("Cluster:Nodes", "2")]
    [InlineData("Redis:Configuration", "127.0.0.1:1")]
    public void Several_nodes_with_the_keys_in_a_folder_stop_start_up_and_name_the_setting_to_change(string setting, string value)
    {
        var failure = StartFails(new() { [setting] = value });

        Assert.IsType<InvalidOperationException>(failure);
        Assert.Contains(setting, failure.Message);
        Assert.Contains("DataProtection:Store=Database", failure.Message);
    }

    [Fact]
    public void An_unknown_key_store_stops_start_up()
    {
        var failure = StartFails(new() { ["DataProtection:Store"] = "Cloud" });

        Assert.Contains("DataProtection:Store is \"Cloud\"", failure.Message);
    }

    [Fact]
    public void Redis_configured_but_not_answering_stops_start_up_and_says_where_it_was_looked_for()
    {
        int silentPort;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            silentPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var failure = StartFails(new() { ["Redis:Configuration"] = $"127.0.0.1:{silentPort}", ["DataProtection:Store"] = "Database" });

        Assert.IsType<InvalidOperationException>(failure);
        Assert.Contains("Redis:Configuration", failure.Message);
        Assert.Contains($"127.0.0.1:{silentPort}", failure.Message);
        Assert.Contains("does not answer", failure.Message);
    }
}
