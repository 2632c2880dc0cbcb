using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Petition.Web.Signing;

/// <summary>Why a sign form was not taken as a person's; <see cref="Person"/> when it was.</summary>
public enum FormVerdict { Person, Honeypot, NoStamp, Expired, TooFast, Spent }

/// <summary>
/// Tells a robot's form post from a person's: a person leaves the hidden field empty and takes a few seconds. The
/// moment the form was first served to them travels in the form, sealed and bound to the letter, so a robot cannot
/// claim to have been slow, nor carry one stamp to another letter, nor keep one for ever (Signing:FormLifetime), nor
/// spend one twice on this instance.
/// A form that fails is never dropped in silence: the page shows it again with what was typed and a message, keeping
/// the first stamp, so a person who was quick (autofill) or corrected a mistake is through on the next send; and each
/// refusal is counted where organisers see it (<see cref="RobotCheckTally"/>) and in the metrics.
/// </summary>
public sealed class FormTiming(IDataProtectionProvider protection, TimeProvider time, IOptions<SigningOptions> options) : IDisposable
{
    /// <summary>
    /// Stamps spent on this instance, a short hash each, at most a million: a viral letter signs thousands a minute
    /// through the form, and a set that grows with every signature would be the flood's way to exhaust memory. When
    /// full, the oldest are dropped first; such a stamp is still bound to its letter and its age.
    /// </summary>
    const int MaxSpent = 1_000_000;
    readonly MemoryCache spent = new(new MemoryCacheOptions { SizeLimit = MaxSpent, CompactionPercentage = 0.1 });
    readonly IDataProtector protector = protection.CreateProtector("Petition.SignForm.Started.v2");

    /// <summary>A new stamp: this letter, now.</summary>
    public string Stamp(string slug) => Stamp(slug, time.GetUtcNow(), shownAgain: false);

    string Stamp(string slug, DateTimeOffset started, bool shownAgain) =>
        protector.Protect($"{slug}|{started.UtcTicks.ToString(CultureInfo.InvariantCulture)}{(shownAgain ? "|again" : "")}");

    /// <summary>
    /// The stamp to show the form again with (after a mistake, or a refusal): the first moment kept while it is good
    /// for this letter, and marked as shown again. A person who has been shown the form once is never taken for a
    /// robot by the clock: the minimum fill time does not apply to a form shown again, only its age, its letter and
    /// its single use do (a robot that wants this must read our page back and post twice, which the honeypot, the
    /// limits and the proof of work still see).
    /// </summary>
    public string Restamp(string? stamp, string slug) =>
        Read(stamp, slug) is { } read && !IsExpired(read.Started) ? Stamp(slug, read.Started, shownAgain: true) : Stamp(slug);

    public FormVerdict Judge(string? stamp, string? honeypot, string slug)
    {
        if (!string.IsNullOrEmpty(honeypot))
            return FormVerdict.Honeypot;
        if (options.Value.MinimumFillTime <= TimeSpan.Zero)
            return FormVerdict.Person;
        if (Read(stamp, slug) is not var (started, shownAgain))
            return FormVerdict.NoStamp;
        if (IsExpired(started))
            return FormVerdict.Expired;
        if (!shownAgain && time.GetUtcNow() - started < options.Value.MinimumFillTime)
            return FormVerdict.TooFast;
        if (spent.TryGetValue(SpentKey(stamp!), out _))
            return FormVerdict.Spent;
        return FormVerdict.Person;
    }

    /// <summary>A signature was taken with this stamp: it cannot be used again here.</summary>
    public void Spend(string? stamp)
    {
        if (options.Value.MinimumFillTime > TimeSpan.Zero && !string.IsNullOrEmpty(stamp))
            spent.Set(SpentKey(stamp), true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.FormLifetime });
    }

    (DateTimeOffset Started, bool ShownAgain)? Read(string? stamp, string slug)
    {
        if (string.IsNullOrEmpty(stamp))
            return null;
        try
        {
            var parts = protector.Unprotect(stamp).Split('|');
            return parts.Length is 2 or 3 && parts[0] == slug && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks)
                ? (new DateTimeOffset(ticks, TimeSpan.Zero), parts.Length == 3 && parts[2] == "again") : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    bool IsExpired(DateTimeOffset started) => time.GetUtcNow() - started > options.Value.FormLifetime;

    static string SpentKey(string stamp) => Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(stamp)), 0, 16);

    public void Dispose() => spent.Dispose();
}

/// <summary>
/// How many sign forms the robot check sent back, per letter and reason, on this instance since it started: what the
/// letter's dashboard shows. Across instances, the metric petition_sign_forms_refused_total adds them up.
/// </summary>
public class RobotCheckTally
{
    readonly ConcurrentDictionary<(int Letter, FormVerdict Reason), long> counts = new();

    public void Count(int letterId, FormVerdict reason) => counts.AddOrUpdate((letterId, reason), 1, (_, n) => n + 1);

    public IReadOnlyDictionary<FormVerdict, long> For(int letterId) =>
        counts.Where(c => c.Key.Letter == letterId).ToDictionary(c => c.Key.Reason, c => c.Value);
}
