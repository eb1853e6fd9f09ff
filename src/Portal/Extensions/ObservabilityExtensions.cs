using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Consortium.Portal.Extensions;

/// <summary>
/// OpenTelemetry traces and metrics for ASP.NET Core, HttpClient and Orleans. Exporters by configuration:
/// <c>OpenTelemetry:Console=true</c> prints to the console; <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> sends OTLP.
/// </summary>
public static class ObservabilityExtensions
{
    public static void AddObservability(this WebApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("consortium-portal"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Microsoft.Orleans", Consortium.Portal.Live.LiveUpdateMetrics.MeterName))
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
