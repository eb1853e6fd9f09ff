using System.Globalization;
using System.Text.Json;
using Consortium.Grains.Common;
using Consortium.Grains.Courses;
using Consortium.Grains.Interfaces;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Tenants;

namespace Consortium.Portal.Courses;

/// <summary><c>POST /hooks/{tenant}/completions?env=</c>: a course platform reports completions, signed with the tenant's webhook
/// secret (<see cref="CourseHooksGrain"/>). Anonymous but signed; refused calls say why and change nothing.</summary>
public static class CompletionHookEndpoint
{
    public const string SignatureHeader = "X-Consortium-Signature";
    public const string TimestampHeader = "X-Consortium-Timestamp";

    /// <summary>A completion is a few hundred bytes; Moodle's event data a few kilobytes.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    public static void MapCompletionHooks(this IEndpointRouteBuilder app) =>
        app.MapPost("/hooks/{tenant}/completions", ReceiveAsync).DisableAntiforgery().ExcludeFromDescription();

    private static async Task<IResult> ReceiveAsync(string tenant, string? env, HttpRequest request, IGrainFactory grains, CompletionService completions,
        ILoggerFactory loggers)
    {
        var profile = await grains.GetGrain<ITenantGrain>(TenantKey.For(tenant)).GetProfileAsync();
        if (profile is null || profile.IsSuspended)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"There is no member organisation '{tenant}'.");
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        if (buffer.Length > MaxBodyBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large.", detail: $"A completion is at most {MaxBodyBytes / 1024} KB.");
        }
        var body = buffer.ToArray();
        if (!long.TryParse(request.Headers[TimestampHeader], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return Refused(HookRefusal.Stale, $"Send the {TimestampHeader} header: the Unix time in seconds at which the call was signed.");
        }
        try
        {
            await grains.GetGrain<ICourseHooksGrain>(CourseHooksGrain.KeyFor(tenant)).VerifyAsync(timestamp, request.Headers[SignatureHeader], body);
        }
        catch (HookRefusedException refused)
        {
            loggers.CreateLogger(typeof(CompletionHookEndpoint)).LogWarning("Refused a completion webhook for {Tenant}: {Reason}", tenant, refused.Reason);
            return Refused(refused.Reason, null);
        }
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            throw new InvalidFieldException("body", "The body is not JSON.");
        }
        var completion = CompletionJson.Parse(json);
        var outcome = completion is null
            ? new CompletionOutcome("ignored")
            : await completions.ApplyAsync(profile, OrcidEnvironmentName.ProductionOrSandbox(env), completion);
        return Results.Ok(outcome);
    }

    private static IResult Refused(HookRefusal reason, string? detail) => reason switch
    {
        HookRefusal.Replayed => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already received.",
            detail: "This signed call was received before; a replay is not applied again."),
        HookRefusal.NoSecret => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "No webhook secret.",
            detail: "The organisation has not generated a webhook secret yet (settings → Course platforms)."),
        HookRefusal.Stale => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Stale or missing timestamp.",
            detail: detail ?? $"The timestamp is more than {CourseHooksGrain.ReplayWindow.TotalMinutes} minutes from now; sign each call when it is sent."),
        _ => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Bad signature.",
            detail: $"{SignatureHeader} must be sha256=<hex HMAC-SHA256 of \"{{timestamp}}.{{body}}\"> with the organisation's webhook secret."),
    };
}
