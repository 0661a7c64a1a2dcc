using CaseDesk.Domain;
using CaseDesk.Domain.Data;

namespace CaseDesk.App.Hosting;

/// <summary>
/// <c>CaseDesk.App backup FILE</c>: copies the configured database to FILE while the app may be serving
/// (same configuration as the app: appsettings, environment, the other command-line arguments).
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(string target, string[] configurationArgs)
    {
        var builder = WebApplication.CreateBuilder(configurationArgs);
        var database = CaseDeskHost.Database(builder.Configuration);
        if (!database.IsSqlite)
        {
            Console.Error.WriteLine($"Backup failed: this command copies a SQLite file; the database is {database.Describe()}. " +
                "Back PostgreSQL up with its own tools (pg_dump, or the server's base backups and WAL archive).");
            return 1;
        }
        try
        {
            var report = await DatabaseBackup.BackUpAsync(database.ConnectionString, target);
            Console.WriteLine($"Backup written: {report.File} ({report.Bytes / 1024.0 / 1024.0:F1} MB in {report.Took.TotalSeconds:F1} s, integrity_check {report.IntegrityCheck}).");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"Backup failed: {e.Message}");
            return 1;
        }
    }
}
