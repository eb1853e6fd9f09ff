using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Consortium.Silo.Observability;

/// <summary>
/// OpenTelemetry traces and metrics for ASP.NET Core, HttpClient and Orleans, the same in the portal and the silo. Exporters
/// by configuration: <c>OpenTelemetry:Console=true</c> prints to the console; <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> sends OTLP.
/// </summary>
public static class ObservabilityExtensions
{
    /// <param name="serviceName">The <c>service.name</c> resource attribute: <c>consortium-portal</c> or <c>consortium-silo</c>.</param>
    /// <param name="meters">The host's own meters, besides Orleans'.</param>
    public static void AddObservability(this IHostApplicationBuilder builder, string serviceName, params string[] meters)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(["Microsoft.Orleans", .. meters]))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"));

        if (builder.Configuration.GetValue<bool>("OpenTelemetry:Console"))
        {
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddConsoleExporter());
            builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddConsoleExporter());
        }
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
    }
}
