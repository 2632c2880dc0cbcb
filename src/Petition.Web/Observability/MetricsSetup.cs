using OpenTelemetry.Metrics;

namespace Petition.Web.Observability;

/// <summary>
/// OpenTelemetry metrics with a Prometheus scrape endpoint at /metrics: request latency from ASP.NET Core, the
/// runtime's own, and the app's (<see cref="PetitionMetrics"/>). <c>Metrics:Enabled</c> (default true) turns it off.
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
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(PetitionMetrics.MeterName)
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>Serve it on an address only the scraper reaches, or block /metrics at the proxy.</summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        if (Enabled(app.Configuration))
            app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    static bool Enabled(IConfiguration configuration) => configuration.GetValue("Metrics:Enabled", true);
}
