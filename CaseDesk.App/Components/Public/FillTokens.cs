using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace CaseDesk.App.Components.Public;

/// <summary>
/// The public feedback form's fill token (docs/public.md, "Abuse"): a hidden field holding a random 128-bit nonce and the moment the
/// form was given out, protected with the app's data-protection keys, so it cannot be made up or changed. No cookie, no session: the
/// token travels with the form. On the post it tells a form filled by a person (older than <c>Public:MinimumFillSeconds</c>, younger
/// than <see cref="MaximumAge"/>) from a replay, a forgery or a script; its nonce is the submission key, so one form registers once.
/// </summary>
public sealed class FillTokens(IDataProtectionProvider protection, TimeProvider clock, IConfiguration config)
{
    public static readonly TimeSpan MaximumAge = TimeSpan.FromHours(2);

    private readonly IDataProtector protector = protection.CreateProtector("CaseDesk.Public.FillToken.v1");

    private TimeSpan MinimumFill => TimeSpan.FromSeconds(config.GetValue<double?>("Public:MinimumFillSeconds") ?? 3);

    public string Issue() => Protect(RandomNumberGenerator.GetBytes(16), clock.GetUtcNow());

    /// <summary>A token as <see cref="Issue"/> makes it, given out at <paramref name="issuedAt"/> (the tests give out old ones).</summary>
    internal string Protect(byte[] nonce, DateTimeOffset issuedAt)
    {
        var payload = new byte[nonce.Length + sizeof(long)];
        nonce.CopyTo(payload, 0);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(nonce.Length), issuedAt.UtcTicks);
        return WebEncoders.Base64UrlEncode(protector.Protect(payload));
    }

    /// <summary>What the posted token says: the form's submission key (the nonce in hex), or why the post cannot be taken.</summary>
    public FillCheck Check(string? token)
    {
        byte[] payload;
        try
        {
            payload = protector.Unprotect(WebEncoders.Base64UrlDecode(token ?? ""));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return new(FillProblem.Expired, null);
        }
        if (payload.Length != 16 + sizeof(long))
            return new(FillProblem.Expired, null);
        var issuedAt = new DateTimeOffset(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16)), TimeSpan.Zero);
        var age = clock.GetUtcNow() - issuedAt;
        if (age > MaximumAge)
            return new(FillProblem.Expired, null);
        if (age < MinimumFill)
            return new(FillProblem.TooFast, null);
        return new(FillProblem.None, Convert.ToHexStringLower(payload.AsSpan(0, 16)));
    }
}

public enum FillProblem
{
    None,
    /// <summary>Missing, changed, made with other keys, or older than two hours: send again with the new form.</summary>
    Expired,
    /// <summary>Sent sooner than a person fills the form: check and send again.</summary>
    TooFast,
}

public sealed record FillCheck(FillProblem Problem, string? SubmissionKey);
