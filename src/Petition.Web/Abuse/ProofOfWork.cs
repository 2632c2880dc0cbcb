using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Petition.Web.Abuse;

public class ProofOfWorkOptions
{
    /// <summary>Leading zero bits the SHA-256 must have: each bit doubles the signer's work (16 ≈ a second in a browser).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 32, ErrorMessage = "ProofOfWork:Difficulty must be between 1 and 32 bits.")]
    public int Difficulty { get; set; } = 16;

    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "ProofOfWork:ChallengeLifetime must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(10);
}

public record ProofOfWorkChallenge(string Challenge, int Difficulty, string Algorithm, int ExpiresInSeconds);

/// <summary>
/// A self-hosted challenge for a letter under attack: find a nonce so that SHA-256(challenge ":" nonce) starts
/// with enough zero bits. Cheap for one signer, expensive for a million. Challenges are signed by the app, expire,
/// and are spent once (per instance).
/// </summary>
public class ProofOfWork(IDataProtectionProvider protection, IMemoryCache spent, TimeProvider time, IOptions<ProofOfWorkOptions> options)
{
    public const string Algorithm = "sha256-leading-zero-bits";
    readonly IDataProtector protector = protection.CreateProtector("Petition.ProofOfWork");

    public ProofOfWorkChallenge Issue(string slug)
    {
        var payload = string.Join('|', slug, time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture),
            Convert.ToHexString(RandomNumberGenerator.GetBytes(8)));
        return new ProofOfWorkChallenge(protector.Protect(payload), options.Value.Difficulty, Algorithm,
            (int)options.Value.ChallengeLifetime.TotalSeconds);
    }

    public bool Verify(string slug, string? challenge, string? nonce)
    {
        if (string.IsNullOrEmpty(challenge) || string.IsNullOrEmpty(nonce) || nonce.Length > 20)
            return false;
        string payload;
        try { payload = protector.Unprotect(challenge); }
        catch (CryptographicException) { return false; }
        var parts = payload.Split('|');
        if (parts.Length != 3 || parts[0] != slug || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks))
            return false;
        if (time.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero) > options.Value.ChallengeLifetime)
            return false;
        if (LeadingZeroBits(SHA256.HashData(Encoding.UTF8.GetBytes($"{challenge}:{nonce}"))) < options.Value.Difficulty)
            return false;
        var key = "pow:" + challenge;
        if (spent.TryGetValue(key, out _))
            return false;
        spent.Set(key, true, options.Value.ChallengeLifetime);
        return true;
    }

    public static int LeadingZeroBits(ReadOnlySpan<byte> hash)
    {
        var bits = 0;
        foreach (var b in hash)
        {
            if (b == 0) { bits += 8; continue; }
            return bits + System.Numerics.BitOperations.LeadingZeroCount((uint)b) - 24;
        }
        return bits;
    }

    /// <summary>What a client does; here for tests and for anyone writing an API client.</summary>
    public static string Solve(string challenge, int difficulty)
    {
        for (var nonce = 0L; ; nonce++)
            if (LeadingZeroBits(SHA256.HashData(Encoding.UTF8.GetBytes($"{challenge}:{nonce}"))) >= difficulty)
                return nonce.ToString(CultureInfo.InvariantCulture);
    }
}
