using System.Collections.Concurrent;
using CaseDesk.App.Hosting;
using CaseDesk.App.Mail;
using CaseDesk.Domain.Common;
using CaseDesk.Domain.Mail;
using CaseDesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CaseDesk.Tests.Mail;

/// <summary>The outbox in tests: its rows, the app's real sender over a test database, and settings for a <see cref="SmtpSink"/>.</summary>
internal static class OutboxTesting
{
    public const string DepartmentAddress = "socialine.parama@example.lt";
    public const string DepartmentName = "Socialinės paramos skyrius";

    public static Task<List<OutboxMessage>> OutboxAsync(this TestDatabase database) =>
        database.ReadAsync(db => Outbox.Messages(db).AsNoTracking().OrderBy(m => m.CreatedAtUtc).ToListAsync());

    /// <summary>
    /// As if the mail server accepted every pending message now (what the sender reports after a 250): for tests of what
    /// acceptance changes in the domain, not of delivery itself (that is <see cref="OutboxSmtpTests"/>).
    /// </summary>
    public static async Task<int> AcceptOutboxAsync(this TestDatabase database)
    {
        var pending = await database.ReadAsync(db => Outbox.Messages(db).Where(m => m.Status == OutboxStatus.Pending).Select(m => m.Id).ToListAsync());
        foreach (var id in pending)
            await database.Send(new RecordMailAccepted(id, database.Clock.UtcDateTime), Caller.System);
        return pending.Count;
    }

    public static MailSettings SmtpSettings(SmtpSink sink, string? user = null, string? password = null) => new()
    {
        From = DepartmentAddress,
        FromName = DepartmentName,
        Smtp = new MailServerSettings
        {
            Host = "127.0.0.1", Port = sink.Port, Security = MailSecurity.SslOnConnect, CertificateSha256 = sink.CertificateSha256,
            User = user, Password = password,
        },
    };

    public static OutboxSender Sender(this TestDatabase database, MailSettings settings, ILoggerFactory? logs = null)
    {
        var loggers = logs ?? NullLoggerFactory.Instance;
        var cluster = new ClusterWork(database.Services.GetRequiredService<IServiceScopeFactory>(), database.Clock, new ClusterNode(), loggers.CreateLogger<ClusterWork>());
        return new OutboxSender(database.Services.GetRequiredService<ICaseDeskSender>(), cluster, settings, database.Clock, loggers.CreateLogger<OutboxSender>());
    }
}

/// <summary>Every log line written, with its exception, to search for what must never be logged.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string All => string.Join("\n", Lines);

    public ILoggerFactory Factory() => LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
