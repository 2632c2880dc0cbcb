using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Petition.Web.Front;

public class RateLimitingOptions
{
    /// <summary>Off for benchmarks; on everywhere else.</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 100_000)] public int SignPerMinutePerAddress { get; set; } = 10;
    [Range(1, 1_000_000)] public int SignPerMinutePerEmailDomain { get; set; } = 600;
    [Range(1, 100_000)] public int ConfirmPerMinutePerAddress { get; set; } = 30;
    [Range(1, 100_000)] public int ManagePerMinutePerAddress { get; set; } = 30;
    [Range(1, 100_000)] public int LoginPerMinutePerAddress { get; set; } = 10;
    /// <summary>Public downloads of a whole signatory list: cheap to ask for, not to make.</summary>
    [Range(1, 100_000)] public int ExportPerMinutePerAddress { get; set; } = 6;
    /// <summary>Pages of the public list and searches: generous for a reader, slow for a scraper walking a big list.</summary>
    [Range(1, 100_000)] public int ListPerMinutePerAddress { get; set; } = 120;
    /// <summary>
    /// Unsubscribe links: one-click unsubscribes (RFC 8058) come from the mail providers' own servers, many signers'
    /// at once after an update, and a refused one is an unsubscribe lost.
    /// </summary>
    [Range(1, 1_000_000)] public int UnsubscribePerMinutePerAddress { get; set; } = 3_000;
}

/// <summary>The doors that abuse comes through, each with its own limit per client.</summary>
public enum Door { Sign, Confirm, Manage, Login, Export, List, Unsubscribe }

/// <summary>
/// Puts an endpoint behind a door's limit. The limit follows the endpoint that routing chose, so every spelling of
/// its URL (a trailing slash, other letter case, an encoded character) is counted alike.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class LimitedAttribute(Door door) : Attribute
{
    public Door Door => door;

    /// <summary>Only its POSTs are limited (the letter page is read freely; its form is the sign door).</summary>
    public bool PostOnly { get; init; }
}

/// <summary>
/// The framework's rate limiter on the doors that abuse comes through: signing, confirming, managing, logging in,
/// downloading and walking the public list. Reading the letter is never limited here; the output cache carries it.
/// </summary>
public static class RateLimits
{
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitingOptions>().BindConfiguration("RateLimiting").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<EmailDomainLimiter>();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.SetRetryAfter(retryAfter);
                return ValueTask.CompletedTask; // the status-code pages write the problem body or the 429 page
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var door = http.GetEndpoint()?.Metadata.GetMetadata<LimitedAttribute>();
                if (door is null || (door.PostOnly && !HttpMethods.IsPost(http.Request.Method)))
                    return RateLimitPartition.GetNoLimiter("");
                var limits = http.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter($"{door.Door}:{ClientKey(http)}", _ => PerMinute(Permits(door.Door, limits)));
            });
        });
        return builder;
    }

    /// <summary>After routing: the limit is chosen from the endpoint that will answer.</summary>
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<RateLimitingOptions>>().Value.Enabled)
            app.UseRateLimiter();
        return app;
    }

    /// <summary>Retry-After in whole seconds, rounded up, as HTTP wants it.</summary>
    public static void SetRetryAfter(this HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    internal static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    static int Permits(Door door, RateLimitingOptions limits) => door switch
    {
        Door.Sign => limits.SignPerMinutePerAddress,
        Door.Confirm => limits.ConfirmPerMinutePerAddress,
        Door.Manage => limits.ManagePerMinutePerAddress,
        Door.Login => limits.LoginPerMinutePerAddress,
        Door.Export => limits.ExportPerMinutePerAddress,
        Door.List => limits.ListPerMinutePerAddress,
        Door.Unsubscribe => limits.UnsubscribePerMinutePerAddress,
        _ => throw new ArgumentOutOfRangeException(nameof(door)),
    };

    /// <summary>
    /// Who the client is, for a limit: an IPv4 address (also when it comes as IPv4-mapped IPv6), or the /64 an IPv6
    /// address belongs to, since one subscriber is given a whole /64 and can use a new address per request.
    /// </summary>
    public static string ClientKey(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        return Convert.ToHexString(bytes, 0, 8) + "::/64";
    }
}

/// <summary>
/// Signatures per email domain per minute: a flood of addresses at one throwaway domain is cut off, whichever
/// network it comes from. Checked once the address is known, after validation.
/// </summary>
public sealed class EmailDomainLimiter(IOptions<RateLimitingOptions> options) : IDisposable
{
    readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(domain =>
        RateLimitPartition.GetFixedWindowLimiter(domain, _ => RateLimits.PerMinute(options.Value.SignPerMinutePerEmailDomain)));

    /// <summary>True when this domain may sign once more now; otherwise how long to wait.</summary>
    public bool TryAcquire(string email, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!options.Value.Enabled)
            return true;
        using var lease = limiter.AttemptAcquire(Text.EmailAddress.Canonicalize(email).Split('@')[^1]);
        if (lease.IsAcquired)
            return true;
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return false;
    }

    public void Dispose() => limiter.Dispose();
}
