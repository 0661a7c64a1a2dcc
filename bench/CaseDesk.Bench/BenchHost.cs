using System.Data.Common;
using CaseDesk.Domain;
using CaseDesk.Domain.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Bench;

/// <summary>The domain as the app hosts it (same DI registrations, pragmas and data protection), on one database file.</summary>
internal static class BenchHost
{
    public static ServiceProvider Build(string databasePath, SqlCapture? capture = null, string? synchronous = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCaseDeskDomain($"Data Source={databasePath}");
        // Same key setup as the app (CaseDeskHost): keys beside the database, so the app can open the generated personal codes.
        services.AddDataProtection()
            .SetApplicationName("CaseDesk")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "keys")));
        if (capture is not null)
            services.ConfigureDbContext<CaseDeskDb>(options => options.AddInterceptors(capture));
        if (synchronous is not null)
            services.ConfigureDbContext<CaseDeskDb>(options => options.AddInterceptors(new SynchronousOverride(synchronous)));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
    }
}

/// <summary>Records the SQL that EF actually sends (text and parameter values) while switched on.</summary>
internal sealed class SqlCapture : DbCommandInterceptor
{
    private readonly List<CapturedCommand> commands = [];
    private volatile bool on;

    public async Task<IReadOnlyList<CapturedCommand>> RecordAsync(Func<Task> run)
    {
        lock (commands) commands.Clear();
        on = true;
        try
        {
            await run();
        }
        finally
        {
            on = false;
        }
        lock (commands) return commands.ToList();
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Keep(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Keep(command);
        return ValueTask.FromResult(result);
    }

    private void Keep(DbCommand command)
    {
        if (!on) return;
        var parameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList();
        lock (commands) commands.Add(new CapturedCommand(command.CommandText, parameters));
    }
}

/// <summary>Runs after the app's SqlitePragmas on every connection: what-if figures for another durability setting.</summary>
internal sealed class SynchronousOverride(string mode) : DbConnectionInterceptor
{
    private readonly string pragma = mode.ToUpperInvariant() is "FULL" or "NORMAL" or "EXTRA" or "OFF"
        ? $"PRAGMA synchronous = {mode.ToUpperInvariant()};"
        : throw new ArgumentException($"--synchronous must be FULL, NORMAL, EXTRA or OFF, not {mode}.");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

internal sealed record CapturedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);
