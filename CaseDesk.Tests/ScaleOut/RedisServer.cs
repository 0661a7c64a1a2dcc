using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CaseDesk.Tests.ScaleOut;

/// <summary>
/// A throw-away redis-server (Debian's <c>redis-server</c> package) on a free localhost port, no persistence, run as a
/// child process so the test ends exactly the process it started. Tests that need it call <c>Check</c> first
/// (RedisServer.Requirement.cs): without redis-server they skip with the reason, unless CASEDESK_REQUIRE_REDIS=1 (CI),
/// where that is a failure. This file needs no xUnit, so the benchmark can link it (with LocalCluster).
/// </summary>
public sealed partial class RedisServer : IAsyncDisposable
{
    public const string RequireVariable = "CASEDESK_REQUIRE_REDIS";
    public const string ServerPathVariable = "CASEDESK_REDIS_SERVER";
    public const string DefaultServerPath = "/usr/bin/redis-server";

    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "casedesk-redis", Guid.NewGuid().ToString("N"))).FullName;
    private Process? process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for <c>Redis:Configuration</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static string ServerPath =>
        Environment.GetEnvironmentVariable(ServerPathVariable) is { Length: > 0 } configured ? configured : DefaultServerPath;

    /// <summary>Why redis-server cannot be started here, or null when it can.</summary>
    public static string? MissingReason() =>
        File.Exists(ServerPath)
            ? null
            : $"redis-server not found at {ServerPath}; install Debian's redis-server package (apt-get install redis-server) " +
              $"or set {ServerPathVariable} to its path.";

    /// <summary>Starts redis-server on a free port without the test's skip check (a missing binary throws with the reason).</summary>
    public static async Task<RedisServer> StartOnFreePortAsync()
    {
        if (MissingReason() is { } reason)
            throw new InvalidOperationException(reason);
        var server = new RedisServer(FreePort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts redis-server (again, after <see cref="StopAsync"/>) on the same port, empty, and waits until it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        var info = new ProcessStartInfo(ServerPath)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", folder })
            info.ArgumentList.Add(argument);
        process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {ServerPath}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(20);
        while (await CommandAsync("PING") != "+PONG")
        {
            if (process.HasExited || DateTime.UtcNow > until)
                throw new InvalidOperationException($"redis-server did not answer PING on port {Port}.");
            await Task.Delay(50);
        }
    }

    /// <summary>Stops the server as a crash or restart would: every connection drops and what was published meanwhile is lost.</summary>
    public async Task StopAsync()
    {
        if (process is null)
            return;
        if (!process.HasExited)
            process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>One inline command over RESP; the first line of the answer, or null when nothing answers.</summary>
    private async Task<string?> CommandAsync(string command) => (await QueryAsync(command))?.Split("\r\n")[0];

    /// <summary>One inline command over RESP (e.g. "PUBSUB NUMSUB channel"); the raw answer (up to 4 KB), or null when nothing answers.</summary>
    public async Task<string?> QueryAsync(string command)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
            var buffer = new byte[4096];
            var read = await stream.ReadAsync(buffer);
            return Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (SocketException)
        {
            return null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
