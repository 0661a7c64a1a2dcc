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
        var connectionString = DependencyInjection.CheckConnectionString(builder.Configuration.GetConnectionString("CaseDesk"));
        try
        {
            var report = await DatabaseBackup.BackUpAsync(connectionString, target);
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
