using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseDesk.Tests.Browser;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CaseDesk.Tests.Resilience;

/// <summary>
/// The backup command (<c>CaseDesk.App backup FILE</c>) runs while the app serves writes; the copy, restored
/// as the database of a fresh app (docs/reliability.md: stop, copy, start), holds everything written before
/// the backup began and passes SQLite's integrity check.
/// </summary>
public sealed class BackupTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_backup_taken_while_writes_run_restores_into_a_fresh_app_with_the_data()
    {
        await using var live = new AppProcess();
        await live.StartAsync();
        Guid clientId;
        await using (var domain = new DomainAccess(live))
            clientId = await domain.ReadAsync(db => db.Clients.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());

        using var session = await ApiSession.SignInAsync(live.BaseAddress, "caseworker");
        var acknowledged = new ConcurrentDictionary<Guid, string>();
        using var stop = new CancellationTokenSource();
        var writes = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var summary = $"backup-{n}: Telefonu paklausė apie paslaugą";
                using var response = await session.PostContactAsync(new
                {
                    ClientId = clientId, Touchpoint = 3, Channel = "PhoneIn", Direction = "FromClient",
                    OccurredAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1), Summary = summary,
                });
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                acknowledged[(await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()] = summary;
            }
        });
        while (acknowledged.Count < 100 && !writes.IsCompleted)
            await Task.Delay(20);
        var beforeBackup = acknowledged.ToArray();

        var backupFile = Path.Combine(Path.GetDirectoryName(live.DatabasePath)!, "backup", "casedesk-backup.db");
        var (exitCode, text) = await RunBackupCommandAsync(live.DatabasePath, backupFile);
        output.WriteLine(text);
        var duringBackup = acknowledged.Count - beforeBackup.Length;
        await stop.CancelAsync();
        await writes;
        Assert.Equal(0, exitCode);
        Assert.Contains("integrity_check ok", text);
        output.WriteLine($"{beforeBackup.Length} contacts acknowledged before the backup, {duringBackup} while it ran, {acknowledged.Count} in all");

        await using var restored = new AppProcess();
        File.Copy(backupFile, restored.DatabasePath);
        await restored.StartAsync();
        await using (var domain = new DomainAccess(restored))
        {
            var stored = await domain.ReadAsync(db => db.Contacts.AsNoTracking().Where(c => c.Summary.StartsWith("backup-"))
                .ToDictionaryAsync(c => c.Id, c => c.Summary));
            Assert.All(beforeBackup, a => Assert.Equal(a.Value, stored.GetValueOrDefault(a.Key)));
            Assert.All(stored, s => Assert.Equal(s.Value, acknowledged.GetValueOrDefault(s.Key)));
        }
        // The restored app serves and takes writes as the same users.
        using (var again = await ApiSession.SignInAsync(restored.BaseAddress, "caseworker"))
        using (var response = await again.PostContactAsync(new
        {
            ClientId = clientId, Touchpoint = 3, Channel = "PhoneIn", Direction = "FromClient",
            OccurredAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1), Summary = "after restore",
        }))
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        restored.Kill();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = restored.DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", await check.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_backup_command_refuses_to_overwrite_an_existing_file()
    {
        var folder = Directory.CreateTempSubdirectory("casedesk-backup-").FullName;
        try
        {
            var existing = Path.Combine(folder, "taken.db");
            await File.WriteAllTextAsync(existing, "keep me");
            var (exitCode, text) = await RunBackupCommandAsync(Path.Combine(folder, "missing.db"), existing);
            Assert.Equal(1, exitCode);
            Assert.Contains("never overwrites", text);
            Assert.Equal("keep me", await File.ReadAllTextAsync(existing));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The built app host with "backup FILE", configured like the running app (its database by environment).</summary>
    private static async Task<(int ExitCode, string Output)> RunBackupCommandAsync(string database, string backupFile)
    {
        var info = new ProcessStartInfo(AppProcess.AppHostPath)
        {
            WorkingDirectory = AppProcess.AppProjectFolder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.ArgumentList.Add("backup");
        info.ArgumentList.Add(backupFile);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ConnectionStrings__CaseDesk"] = $"Data Source={database}";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
