using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using CaseDesk.App.Hosting;
using CaseDesk.Domain;
using CaseDesk.Domain.Data;
using CaseDesk.Domain.Privacy;
using CaseDesk.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseDesk.Tests.ScaleOut;

/// <summary>The data-protection key ring in the database: what the keys folder protected still opens, and every node opens what another issued.</summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "casedesk-tests", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private string DatabasePath => Path.Combine(folder, "casedesk.db");

    private ServiceProvider Services(string store, string? certificatePath = null, string? certificatePassword = null)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CaseDesk"] = $"Data Source={DatabasePath}",
            ["DataProtection:Store"] = store,
            ["DataProtection:CertificatePath"] = certificatePath,
            ["DataProtection:CertificatePassword"] = certificatePassword,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(config);
        services.AddCaseDeskDomain(config.GetConnectionString("CaseDesk"));
        services.AddCaseDeskKeyRing(config);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Personal_codes_and_cookies_protected_with_the_keys_folder_still_open_once_the_key_ring_moved_into_the_database()
    {
        string code, cookie;
        await using (var before = Services("Folder"))
        {
            await DatabaseInitializer.MigrateAndSeedAsync(before);
            await using var scope = before.CreateAsyncScope();
            code = scope.ServiceProvider.GetRequiredService<IPersonalCodeProtector>().Protect("38703181745");
            cookie = before.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("signed in as head");
        }
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "keys"), "key-*.xml"));

        await using (var after = Services("Database"))
        {
            var config = after.GetRequiredService<IConfiguration>();
            Assert.Equal(1, await KeyRing.ImportFolderAsync(after, config));
            Assert.Equal(0, await KeyRing.ImportFolderAsync(after, config)); // a second start imports nothing twice
            await using var scope = after.CreateAsyncScope();
            Assert.Equal("38703181745", scope.ServiceProvider.GetRequiredService<IPersonalCodeProtector>().Unprotect(code));
            Assert.Equal("signed in as head", after.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(cookie));
        }

        // The folder is no longer needed: the database alone opens them.
        Directory.Delete(Path.Combine(folder, "keys"), recursive: true);
        await using (var later = Services("Database"))
        {
            await using var scope = later.CreateAsyncScope();
            Assert.Equal("38703181745", scope.ServiceProvider.GetRequiredService<IPersonalCodeProtector>().Unprotect(code));
            var keys = await scope.ServiceProvider.GetRequiredService<CaseDeskDb>().DataProtectionKeys.CountAsync();
            Assert.Equal(1, keys);
        }
    }

    [Fact]
    public async Task A_sign_in_and_an_antiforgery_token_issued_by_one_node_are_accepted_by_another_and_the_retention_sweep_runs_on_one_node_only()
    {
        var path = await AppNode.PrepareDatabaseAsync(folder);
        var settings = new Dictionary<string, string?> { ["DataProtection:Store"] = "Database", ["Cluster:Nodes"] = "2" };
        await using var a = new AppNode(path, settings).Started();
        await using var b = new AppNode(path, settings).Started();
        await using var db = new CaseDeskDb(new DbContextOptionsBuilder<CaseDeskDb>().UseSqlite($"Data Source={path}").Options);
        // Each node's retention sweeper asks at start; the period's sweep runs once across both (one audited command).
        Task<int> SweepsAsync() => db.AuditEntries.CountAsync(e => e.Action == nameof(ApplyRetention));
        await Eventually.WaitForAsync(async () => Assert.Equal(1, await SweepsAsync()));

        // The login form's antiforgery token and cookie come from A; the form is posted to B.
        var cookies = new CookieContainer();
        using var toA = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = a.BaseAddress };
        using var toB = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = b.BaseAddress };
        var form = await toA.GetStringAsync("account/login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var signIn = await toB.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.UserName"] = "head",
            ["Input.Password"] = DatabaseInitializer.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.NotNull(cookies.GetCookies(b.BaseAddress)["CaseDesk.Auth"]);

        // The sign-in cookie B issued opens a page on A (no redirect to the login page), and A's on B.
        using var onA = await toA.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
        using var onB = await toB.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        // Both nodes read one key ring, and the second node did not sweep again.
        Assert.NotEqual(0, await db.DataProtectionKeys.CountAsync());
        Assert.Equal(1, await SweepsAsync());
    }

    [Fact]
    public async Task With_a_certificate_the_database_holds_only_encrypted_keys_and_only_a_node_with_the_certificate_opens_what_another_protected()
    {
        // A self-signed certificate, as a city's IT would issue one for the key ring (a .pfx with a password).
        var pfx = Path.Combine(folder, "keyring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=CaseDesk key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "Slaptas-2026"));
        }

        string code, cookie;
        await using (var first = Services("Database", pfx, "Slaptas-2026"))
        {
            await DatabaseInitializer.MigrateAndSeedAsync(first);
            await using var scope = first.CreateAsyncScope();
            code = scope.ServiceProvider.GetRequiredService<IPersonalCodeProtector>().Protect("38703181745");
            cookie = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("signed in as head");
        }

        // The stored key is an EncryptedXml element: no <value> with the master key in plain text.
        await using (var db = new CaseDeskDb(new DbContextOptionsBuilder<CaseDeskDb>().UseSqlite($"Data Source={DatabasePath}").Options))
        {
            var key = XElement.Parse(Assert.Single(await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync())!);
            var secret = key.Descendants().Single(e => e.Name.LocalName == "encryptedSecret");
            Assert.Equal(XName.Get("EncryptedData", "http://www.w3.org/2001/04/xmlenc#"), secret.Elements().Single().Name);
            Assert.DoesNotContain(key.Descendants(), e => e.Name.LocalName is "masterKey" or "value");
        }

        // A second node with the same certificate and database opens both.
        await using (var second = Services("Database", pfx, "Slaptas-2026"))
        {
            await using var scope = second.CreateAsyncScope();
            Assert.Equal("38703181745", scope.ServiceProvider.GetRequiredService<IPersonalCodeProtector>().Unprotect(code));
            Assert.Equal("signed in as head", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(cookie));
        }

        // Start-up stops a node configured without the certificate, saying what to set.
        await using (var misconfigured = Services("Database"))
        {
            var config = misconfigured.GetRequiredService<IConfiguration>();
            var stopped = await Assert.ThrowsAsync<InvalidOperationException>(() => KeyRing.EnsureCertificateForStoredKeysAsync(misconfigured, config));
            Assert.Contains("DataProtection:CertificatePath", stopped.Message);
        }
        await using (var withCertificate = Services("Database", pfx, "Slaptas-2026"))
            await KeyRing.EnsureCertificateForStoredKeysAsync(withCertificate, withCertificate.GetRequiredService<IConfiguration>());

        // Past that check (e.g. an older version), a node without the certificate cannot read the key: what the others protected does not open there.
        // Asked to protect something, it makes a key of its own and stores it unencrypted beside the others (ADR 0011).
        await using (var without = Services("Database"))
        {
            var protector = without.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie");
            var refused = Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(cookie));
            Assert.Equal("Unable to retrieve the decryption key.", refused.Message);
            await using (var scope = without.CreateAsyncScope())
                Assert.ThrowsAny<CryptographicException>(() => scope.ServiceProvider.GetRequiredService<IPersonalCodeProtector>().Unprotect(code));

            protector.Protect("signed in elsewhere");
            await using var db = new CaseDeskDb(new DbContextOptionsBuilder<CaseDeskDb>().UseSqlite($"Data Source={DatabasePath}").Options);
            var keys = (await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync()).Select(x => XElement.Parse(x!)).ToList();
            Assert.Equal(2, keys.Count);
            Assert.Single(keys, k => k.Descendants().Any(e => e.Name.LocalName == "value"));
        }
    }
}
