using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using CaseDesk.Domain.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.App.Hosting;

/// <summary>
/// Where the data-protection keys live (sign-in cookies, antiforgery tokens, circuits, personal codes: ADR 0004 and 0011).
/// <c>DataProtection:Store</c>: <c>Folder</c> (default, one machine: the <c>keys</c> folder beside the database, or
/// <c>DataProtection:KeysFolder</c>) or <c>Database</c> (every node reads the same key ring from the database). Switching a
/// running department to <c>Database</c> imports the folder's keys at the next start, so cookies and stored personal
/// codes still open. <c>DataProtection:CertificatePath</c> (a .pfx, with <c>DataProtection:CertificatePassword</c>)
/// encrypts the keys at rest, so that a copy of the database alone does not open the personal codes.
/// </summary>
public static class KeyRing
{
    public const string ApplicationName = "CaseDesk";

    public static bool InDatabase(IConfiguration config) => Store(config) == "Database";

    public static void AddCaseDeskKeyRing(this IServiceCollection services, IConfiguration config)
    {
        var inDatabase = InDatabase(config);
        if (ScaleOut.IsMultiNode(config) && !inDatabase)
            throw new InvalidOperationException($"{ScaleOut.MultiNodeReason(config)}, so several app nodes share this database, but the " +
                "data-protection keys are in a folder of this machine: a sign-in made on one node would not open on another. " +
                "Set DataProtection:Store=Database (the keys of the folder are imported at the next start).");
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (inDatabase)
            builder.PersistKeysToDbContext<CaseDeskDb>();
        else
            builder.PersistKeysToFileSystem(new DirectoryInfo(KeysFolder(config)));
        if (config["DataProtection:CertificatePath"] is { Length: > 0 } certificate)
            builder.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificate, config["DataProtection:CertificatePassword"]));
    }

    /// <summary>
    /// With the keys in the database, copies in the keys of the folder used before (those not there yet), so what they
    /// protected still opens. Run before anything protects or unprotects, once across nodes. Returns how many it copied.
    /// </summary>
    public static async Task<int> ImportFolderAsync(IServiceProvider services, IConfiguration config, CancellationToken ct = default)
    {
        var folder = new DirectoryInfo(KeysFolder(config));
        if (!InDatabase(config) || !folder.Exists)
            return 0;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
        var known = (await db.DataProtectionKeys.AsNoTracking().Select(k => k.FriendlyName).ToListAsync(ct)).ToHashSet();
        var imported = 0;
        foreach (var file in folder.GetFiles("key-*.xml").OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            // The folder names each file after the key (key-{id}.xml); the database store keeps that name as FriendlyName.
            var name = Path.GetFileNameWithoutExtension(file.Name);
            if (known.Contains(name))
                continue;
            var xml = XElement.Load(file.FullName).ToString(SaveOptions.DisableFormatting);
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = xml });
            imported++;
        }
        await db.SaveChangesAsync(ct);
        return imported;
    }

    /// <summary>
    /// Stops a node that would read the key ring in the database without the certificate its keys are encrypted with: it could
    /// open none of the other nodes' cookies or stored personal codes, and the first thing it protected would add a key of its
    /// own to the shared ring, unencrypted (KeyRingTests). Run at start-up, before anything protects or unprotects.
    /// </summary>
    public static async Task EnsureCertificateForStoredKeysAsync(IServiceProvider services, IConfiguration config, CancellationToken ct = default)
    {
        if (!InDatabase(config) || config["DataProtection:CertificatePath"] is { Length: > 0 })
            return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDeskDb>();
        var encrypted = await db.DataProtectionKeys.AsNoTracking().CountAsync(k => k.Xml != null && k.Xml.Contains("xmlenc#"), ct);
        if (encrypted > 0)
            throw new InvalidOperationException($"The data-protection keys in the database are encrypted with a certificate ({encrypted} of them), " +
                "but this node has none: it could not open the sign-ins and personal codes of the other nodes. Set " +
                "DataProtection:CertificatePath (and DataProtection:CertificatePassword) to the same .pfx the other nodes use.");
    }

    private static string Store(IConfiguration config) => config["DataProtection:Store"] switch
    {
        null or "" => "Folder",
        var s when s.Equals("Folder", StringComparison.OrdinalIgnoreCase) => "Folder",
        var s when s.Equals("Database", StringComparison.OrdinalIgnoreCase) => "Database",
        var s => throw new InvalidOperationException($"DataProtection:Store is \"{s}\": use Folder (one machine, the default) or Database (several app nodes)."),
    };

    /// <summary>DataProtection:KeysFolder, or the keys folder beside the SQLite database file (App_Data/keys on PostgreSQL).</summary>
    public static string KeysFolder(IConfiguration config)
    {
        var configured = config["DataProtection:KeysFolder"];
        if (!string.IsNullOrWhiteSpace(configured))
            return configured;
        var settings = CaseDeskHost.Database(config);
        if (!settings.IsSqlite)
            return Path.Combine("App_Data", "keys");
        var database = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        var folder = string.IsNullOrEmpty(database) || database == ":memory:" ? "App_Data" : Path.GetDirectoryName(Path.GetFullPath(database))!;
        return Path.Combine(folder, "keys");
    }
}
