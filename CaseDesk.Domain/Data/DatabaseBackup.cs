using Microsoft.Data.Sqlite;

namespace CaseDesk.Domain.Data;

public sealed record BackupReport(string File, long Bytes, TimeSpan Took, string IntegrityCheck);

/// <summary>
/// An online copy of the database through SQLite's backup API: one consistent snapshot (a read
/// transaction, which in WAL mode does not stop the app's writers), written to a temp file, checked
/// with <c>PRAGMA integrity_check</c> and only then renamed to the target, so a failed or interrupted
/// backup never leaves a file under the backup's name. Restore: docs/reliability.md.
/// </summary>
public static class DatabaseBackup
{
    public static async Task<BackupReport> BackUpAsync(string connectionString, string targetFile, CancellationToken ct = default)
    {
        var target = Path.GetFullPath(targetFile);
        if (File.Exists(target))
            throw new InvalidOperationException($"{target} exists; choose a new file name (a backup never overwrites).");
        var source = new SqliteConnectionStringBuilder(connectionString);
        if (!File.Exists(source.DataSource))
            throw new InvalidOperationException($"There is no database at {Path.GetFullPath(source.DataSource)}.");
        source.Pooling = false;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using (var from = new SqliteConnection(source.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            await from.OpenAsync(ct);
            await using (var wait = from.CreateCommand())
            {
                wait.CommandText = "PRAGMA busy_timeout = 5000;";
                await wait.ExecuteNonQueryAsync(ct);
            }
            await to.OpenAsync(ct);
            from.BackupDatabase(to);
        }

        string integrity;
        await using (var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            await check.OpenAsync(ct);
            await using var command = check.CreateCommand();
            // The copy carries the source's WAL flag; a self-contained file is easier to move and restore.
            command.CommandText = "PRAGMA journal_mode = DELETE;";
            await command.ExecuteNonQueryAsync(ct);
            command.CommandText = "PRAGMA integrity_check;";
            integrity = (string)(await command.ExecuteScalarAsync(ct))!;
        }
        if (integrity != "ok")
            throw new InvalidOperationException($"The backup at {partial} failed its integrity check: {integrity}");
        File.Move(partial, target);
        return new BackupReport(target, new FileInfo(target).Length, clock.Elapsed, integrity);
    }
}
