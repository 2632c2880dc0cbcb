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
}

/// <summary>
/// The framework's rate limiter on the doors that abuse comes through: signing, confirming, managing, logging in.
/// Reading pages is never limited here; the output cache carries that load.
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
                var limits = http.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
                var (door, permits) = Door(http.Request, limits);
                if (door is null)
                    return RateLimitPartition.GetNoLimiter("");
                var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter($"{door}:{client}", _ => PerMinute(permits));
            });
        });
        return builder;
    }

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

    static (string? Door, int Permits) Door(HttpRequest request, RateLimitingOptions limits)
    {
        var path = request.Path.Value ?? "";
        var post = HttpMethods.IsPost(request.Method);
        if (path.StartsWith("/manage/", StringComparison.OrdinalIgnoreCase))
            return ("manage", limits.ManagePerMinutePerAddress);
        if (!post)
            return Exports.ExportSetup.IsPublicExport(path) ? ("export", limits.ExportPerMinutePerAddress) : (null, 0);
        if (path.StartsWith("/api/letters/", StringComparison.OrdinalIgnoreCase) && path.EndsWith("/signatures", StringComparison.OrdinalIgnoreCase))
            return ("sign", limits.SignPerMinutePerAddress);
        if (path.StartsWith("/letters/", StringComparison.OrdinalIgnoreCase) && path.Count(c => c == '/') == 2)
            return ("sign", limits.SignPerMinutePerAddress);
        if (path.StartsWith("/confirm/", StringComparison.OrdinalIgnoreCase))
            return ("confirm", limits.ConfirmPerMinutePerAddress);
        if (path.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase))
            return ("login", limits.LoginPerMinutePerAddress);
        return (null, 0);
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
        using var lease = limiter.AttemptAcquire(Signing.EmailAddress.Canonicalize(email).Split('@')[^1]);
        if (lease.IsAcquired)
            return true;
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return false;
    }

    public void Dispose() => limiter.Dispose();
}
