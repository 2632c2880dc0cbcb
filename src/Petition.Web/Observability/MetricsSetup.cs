using System.Net;
using Microsoft.Extensions.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace Petition.Web.Observability;

/// <summary>
/// OpenTelemetry metrics with a Prometheus scrape endpoint at /metrics: request latency from ASP.NET Core, the
/// runtime's own, and the app's (<see cref="PetitionMetrics"/>). <c>Metrics:Enabled</c> (default true) turns it off.
/// The endpoint answers only clients in <c>Metrics:AllowedNetworks</c> (loopback unless configured): the figures
/// say how a letter is doing before it is public, and an app deployed without a proxy rule must not show them.
/// </summary>
public static class MetricsSetup
{
    public static WebApplicationBuilder AddMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OutboxGauges>();
        builder.Services.AddSingleton<PetitionMetrics>();
        if (!Enabled(builder.Configuration))
            return builder;
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        // This host's own meters, chosen by scope rather than AddMeter: AddMeter listens to every meter of that name
        // in the process, so a second host (the tests run many) merged into our series, and its disposal took them
        // out of our scrape for good.
        builder.Services.AddMetrics(rules =>
        {
            foreach (var meter in OwnMeters)
                rules.EnableMetrics(meter, listenerName: "OpenTelemetry", scopes: MeterScope.Local);
        });
        return builder;
    }

    /// <summary>Meters that each host creates through its own IMeterFactory (the runtime's are process-wide).</summary>
    static readonly string[] OwnMeters = [PetitionMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    public static WebApplication MapMetrics(this WebApplication app)
    {
        if (!Enabled(app.Configuration))
            return app;
        var allowed = AllowedNetworks(app.Configuration);
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (http, next) =>
        {
            if (!IsAllowed(http.Connection.RemoteIpAddress, allowed))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            await next(http);
        }), optionsName: null);
        return app;
    }

    /// <summary>
    /// The scraper's address as the app sees it, after a trusted proxy's X-Forwarded-For: a visitor who comes through
    /// the proxy is judged by their own address. No address at all means no network (a Unix socket, the test host).
    /// </summary>
    public static bool IsAllowed(IPAddress? client, IReadOnlyList<IPNetwork> allowed)
    {
        if (client is null)
            return true;
        if (client.IsIPv4MappedToIPv6)
            client = client.MapToIPv4();
        return allowed.Any(network => network.Contains(client));
    }

    static List<IPNetwork> AllowedNetworks(IConfiguration configuration)
    {
        var configured = configuration.GetSection("Metrics:AllowedNetworks").Get<string[]>();
        var networks = configured is { Length: > 0 } ? configured : ["127.0.0.0/8", "::1/128"];
        return networks.Select(n => IPNetwork.TryParse(n, out var network) ? network
            : throw new InvalidOperationException($"Metrics:AllowedNetworks: \"{n}\" is not a network such as 10.0.0.0/8.")).ToList();
    }

    static bool Enabled(IConfiguration configuration) => configuration.GetValue("Metrics:Enabled", true);
}
