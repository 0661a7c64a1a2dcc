using System.Collections.Concurrent;
using CaseDesk.App.Hosting;
using CaseDesk.App.Mail;
using CaseDesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseDesk.Tests.Mail;

/// <summary>
/// A real CaseDesk database (<see cref="TestDatabase"/>) with the app's incoming-mail services as the app registers them
/// (<see cref="ImapFetcher"/>, <see cref="ClusterWork"/>), its clock at the real now (the server stamps arrival times with
/// the real clock), and every log line captured, so a test can look for a password in it.
/// </summary>
public sealed class ImapTestRig : IAsyncDisposable
{
    private ImapTestRig(TestDatabase db, CapturedLog log)
    {
        Db = db;
        Log = log;
    }

    public TestDatabase Db { get; }
    public CapturedLog Log { get; }
    public ImapFetcher Fetcher => Db.Services.GetRequiredService<ImapFetcher>();

    public static async Task<ImapTestRig> CreateAsync()
    {
        var log = new CapturedLog();
        var db = await TestDatabase.CreateAsync(new FakeClock(DateTimeOffset.UtcNow.AddMinutes(1)), services =>
        {
            services.AddLogging(logging => logging.AddProvider(log).SetMinimumLevel(LogLevel.Trace));
            services.AddSingleton<ClusterNode>();
            services.AddSingleton<ClusterWork>();
            services.AddSingleton<ImapFetcher>();
        });
        return new ImapTestRig(db, log);
    }

    /// <summary>Another app node on the same database: its own lease holder name and fetcher.</summary>
    public IncomingMailService Node(params MailboxSettings[] boxes)
    {
        var provider = Db.Services;
        var cluster = new ClusterWork(provider.GetRequiredService<Microsoft.Extensions.DependencyInjection.IServiceScopeFactory>(),
            provider.GetRequiredService<TimeProvider>(), new ClusterNode(), provider.GetRequiredService<ILogger<ClusterWork>>());
        return new IncomingMailService(new IncomingMail(boxes), ActivatorUtilities.CreateInstance<ImapFetcher>(provider), cluster,
            provider.GetRequiredService<CaseDesk.Domain.Common.ICaseDeskSender>(), provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<IncomingMailService>>());
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

/// <summary>Every log line and exception written through ILogger, as text.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public string Text => string.Join(Environment.NewLine, lines);

    public ILogger CreateLogger(string categoryName) => new Writer(categoryName, lines);

    public void Dispose() { }

    private sealed class Writer(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
