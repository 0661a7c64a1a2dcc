using System.Security.Cryptography;
using System.Text;
using CaseDesk.Domain.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CaseDesk.Domain.Privacy;

/// <summary>
/// Personal codes are never stored in clear: a keyed hash finds and de-duplicates them, and an
/// encrypted copy (ASP.NET Core Data Protection, keys kept outside the database) is opened only
/// on the client's card, which is an audited read (ADR 0004).
/// </summary>
public interface IPersonalCodeProtector
{
    Task<string> LookupHashAsync(string personalCode, CancellationToken ct);
    string Protect(string personalCode);
    string Unprotect(string cipher);
}

internal sealed class PersonalCodeProtector(IDataProtectionProvider provider, CaseDeskDb db) : IPersonalCodeProtector
{
    private readonly IDataProtector protector = provider.CreateProtector("CaseDesk.PersonalCode.v1");

    public async Task<string> LookupHashAsync(string personalCode, CancellationToken ct)
    {
        var key = await db.AppSecrets.AsNoTracking()
            .Where(s => s.Name == AppSecret.PersonalCodeLookupKey)
            .Select(s => s.Value)
            .SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("The personal-code lookup key is missing; the database was not initialised.");
        return Convert.ToHexString(HMACSHA256.HashData(Convert.FromBase64String(key), Encoding.ASCII.GetBytes(personalCode)));
    }

    public string Protect(string personalCode) => protector.Protect(personalCode);

    public string Unprotect(string cipher) => protector.Unprotect(cipher);
}

/// <summary>A random key made once per database (see <see cref="DatabaseInitializer"/>).</summary>
public sealed class AppSecret
{
    public const string PersonalCodeLookupKey = "personal-code-lookup";

    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}
