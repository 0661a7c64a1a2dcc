using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.Versioning;
using System.Text;

namespace CaseDesk.Tests.Browser;

/// <summary>
/// The built CaseDesk.App running as a real child process (the apphost the tests were built
/// with), in Development with demo logins, on a temp SQLite file and a free localhost port.
/// It can be started, SIGKILLed and started again on the same database, port and data-protection
/// keys, so a browser's cookies stay valid across a restart. Dispose kills it and deletes the temp folder.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    // Only catches a start that hangs: on a 2-core machine under a load average of 40 (other builds) a start with migrations
    // and demo data was seen taking over 90 s.
    private static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(180);
    private const int MaxOutputLines = 5000;

    private readonly object gate = new();
    private readonly Queue<string> output = new();
    private readonly string tempFolder;
    private readonly string hostPath;
    private readonly string workingDirectory;
    private readonly bool appDefaults;
    private Process? process;
    private int starts;

    public AppProcess()
        : this(AppHostPath, AppProjectFolder, "CaseDesk.App", appDefaults: true)
    {
    }

    /// <summary>
    /// Another built host (e.g. CaseDesk.Proxy) or the app without its one-machine defaults: only <c>--urls</c>, Development
    /// and <paramref name="environment"/> are set, no SQLite file, demo logins or keys folder.
    /// </summary>
    public AppProcess(string hostPath, string workingDirectory, string name, IDictionary<string, string?>? environment = null)
        : this(hostPath, workingDirectory, name, appDefaults: false)
    {
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
            Environment[key] = value;
    }

    private AppProcess(string hostPath, string workingDirectory, string name, bool appDefaults)
    {
        this.hostPath = hostPath;
        this.workingDirectory = workingDirectory;
        this.appDefaults = appDefaults;
        Name = name;
        tempFolder = Path.Combine(Path.GetTempPath(), "casedesk-browser-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(tempFolder);
        DatabasePath = Path.Combine(tempFolder, "casedesk.db");
        KeysFolder = Path.Combine(tempFolder, "keys");
        Port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
    }

    /// <summary>What the messages call this process ("CaseDesk.App" unless given).</summary>
    public string Name { get; }

    public string DatabasePath { get; }
    public string KeysFolder { get; }
    public int Port { get; }
    public Uri BaseAddress { get; }

    /// <summary>Extra configuration for the next start (e.g. "Logging__LogLevel__Default"); null removes a variable.</summary>
    public IDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>();

    public bool IsRunning
    {
        get
        {
            lock (gate) return process is { HasExited: false };
        }
    }

    public int? ProcessId
    {
        get
        {
            lock (gate) return process is { HasExited: false } p ? p.Id : null;
        }
    }

    /// <summary>The last lines the app wrote to stdout and stderr, across all starts.</summary>
    public string Output
    {
        get
        {
            lock (gate) return string.Join('\n', output);
        }
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>CaseDesk.App/bin/&lt;Configuration&gt;/&lt;tfm&gt;/CaseDesk.App for the configuration these tests were built in.</summary>
    public static string AppHostPath { get; } = FindAppHost();

    public static string AppProjectFolder => Path.Combine(RepositoryRoot, "CaseDesk.App");

    /// <summary>CaseDesk.Proxy/bin/&lt;Configuration&gt;/&lt;tfm&gt;/CaseDesk.Proxy, built with the solution.</summary>
    public static string ProxyHostPath { get; } = FindHost("CaseDesk.Proxy");

    public static string ProxyProjectFolder => Path.Combine(RepositoryRoot, "CaseDesk.Proxy");

    /// <summary>Starts the app and returns once /health answers 200; fails with the app's output otherwise.</summary>
    public async Task StartAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (IsRunning)
            throw new InvalidOperationException("The app is already running.");
        if (!File.Exists(hostPath))
            throw new InvalidOperationException($"The built {Name} is missing at {hostPath}; build the solution first (dotnet build CaseDesk.sln).");

        var info = new ProcessStartInfo(hostPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{Port}");
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_ENVIRONMENT" })
            info.Environment.Remove(inherited);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        if (appDefaults)
        {
            info.Environment["ConnectionStrings__CaseDesk"] = $"Data Source={DatabasePath}";
            info.Environment["Demo__Seed"] = "true";
            info.Environment["DataProtection__KeysFolder"] = KeysFolder;
            // The public forms' guards, eased for a browser that fills a form in a second and many tests from one address;
            // their defaults and refusals are tested over HTTP (PublicFeedbackFormHttpTests) and the burst in PublicFeedbackTests.
            info.Environment["Public__MinimumFillSeconds"] = "1";
            info.Environment["Public__RateLimits__Feedback__PermitLimit"] = "1000";
            info.Environment["Public__RateLimits__Lookup__PermitLimit"] = "1000";
        }
        foreach (var (name, value) in Environment)
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }

        var started = new Process { StartInfo = info, EnableRaisingEvents = true };
        started.OutputDataReceived += (_, e) => Append(e.Data);
        started.ErrorDataReceived += (_, e) => Append(e.Data is null ? null : "[stderr] " + e.Data);
        lock (gate)
        {
            starts++;
            AppendLocked(appDefaults
                ? $"--- start #{starts}: {hostPath} --urls {BaseAddress} (database {DatabasePath}) ---"
                : $"--- start #{starts}: {hostPath} --urls {BaseAddress} ---");
            if (!started.Start())
                throw new InvalidOperationException($"Could not start {hostPath}.");
            process = started;
        }
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();

        await WaitUntilHealthyAsync(started, timeout ?? DefaultStartTimeout, cancellationToken);
    }

    /// <summary>SIGKILLs the app and its children (no graceful shutdown) and waits until it is gone. The database and keys stay.</summary>
    public void Kill()
    {
        Process? running;
        lock (gate)
        {
            running = process;
            process = null;
        }
        if (running is null)
            return;
        if (!running.HasExited)
            running.Kill(entireProcessTree: true); // SIGKILL on Linux
        if (!running.WaitForExit(TimeSpan.FromSeconds(30)))
            throw new InvalidOperationException($"{Name} (pid {running.Id}) did not exit after SIGKILL.");
        running.WaitForExit(); // drains the redirected output
        Append($"--- killed, exit code {running.ExitCode} ---");
        running.Dispose();
    }

    /// <summary>Kill, then start again on the same database, port and keys.</summary>
    public async Task RestartAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        Kill();
        await StartAsync(timeout, cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        // The SQLite file is unlocked once the process is gone; a leftover temp folder is not worth failing a test run for.
        try
        {
            Directory.Delete(tempFolder, recursive: true);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"AppProcess: could not delete {tempFolder}: {e.Message}");
        }
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilHealthyAsync(Process started, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        string last = "no answer yet";
        while (clock.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (started.HasExited)
            {
                started.WaitForExit();
                throw new InvalidOperationException(
                    $"{Name} exited with code {started.ExitCode} before /health answered.\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync("health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
                last = $"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "request timed out";
            }
            await Task.Delay(100, cancellationToken);
        }
        Kill();
        throw new TimeoutException($"{Name} did not answer 200 on {BaseAddress}health within {timeout.TotalSeconds:0} s (last: {last}). " +
            $"Files in {tempFolder}: {string.Join(", ", Directory.Exists(tempFolder) ? Directory.GetFiles(tempFolder).Select(Path.GetFileName) : ["(folder missing)"])}\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (gate) AppendLocked(line);
    }

    private void AppendLocked(string line)
    {
        output.Enqueue(line);
        while (output.Count > MaxOutputLines)
            output.Dequeue();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CaseDesk.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"No folder with CaseDesk.sln above {AppContext.BaseDirectory}.");
    }

    private static string FindAppHost() => FindHost("CaseDesk.App");

    private static string FindHost(string project)
    {
        var configuration = typeof(AppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
            ?? throw new InvalidOperationException("The test assembly has no AssemblyConfiguration attribute.");
        // The test assembly's own target framework (AppContext's is the test host's, which can differ).
        var framework = new FrameworkName(typeof(AppProcess).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName
            ?? throw new InvalidOperationException("The test assembly has no TargetFramework attribute."));
        var tfm = $"net{framework.Version.Major}.{framework.Version.Minor}";
        var exe = OperatingSystem.IsWindows() ? project + ".exe" : project;
        return Path.Combine(FindRepositoryRoot(), project, "bin", configuration, tfm, exe);
    }
}
