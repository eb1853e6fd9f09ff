using Consortium.Grains.Courses;
using Consortium.Grains.OrcidClients;
using Consortium.Portal.Audit;
using Consortium.Portal.Courses;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consortium.Portal.Api;

/// <summary>A member organisation's course platform settings: which template each course's completion issues, and the completion
/// webhook's secret (shown once when made).</summary>
public static class CourseSettingsApi
{
    public sealed record CourseMapping(string? TemplateId);

    public sealed record CourseSettings(bool HasSecret, DateTimeOffset? SecretCreatedAt, string? SecretEnding, IReadOnlyDictionary<string, string> Courses,
        Uri SandboxWebhookUrl, Uri ProductionWebhookUrl);

    public sealed record NewSecret(string Secret, Uri SandboxWebhookUrl, Uri ProductionWebhookUrl);

    public static void MapCourseSettingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/tenants/{tenant}/course-platform").RequireAuthorization(ApiPolicies.ApiCaller).WithTags("Course platforms");
        api.MapGet("/", async (TenantContext tenant, CourseSettingsService settings) => TypedResults.Ok(View(tenant, settings, await settings.GetAsync(tenant.Profile))));
        api.MapPut("/courses/{courseId}", async Task<Ok<CourseSettings>> (string courseId, CourseMapping body, TenantContext tenant, CourseSettingsService settings, HttpContext http) =>
            TypedResults.Ok(View(tenant, settings, await settings.MapCourseAsync(tenant.Profile, courseId, body.TemplateId, AuditActor.FromApiCaller(http)))));
        api.MapDelete("/courses/{courseId}", async Task<Ok<CourseSettings>> (string courseId, TenantContext tenant, CourseSettingsService settings, HttpContext http) =>
            TypedResults.Ok(View(tenant, settings, await settings.MapCourseAsync(tenant.Profile, courseId, null, AuditActor.FromApiCaller(http)))));
        api.MapGet("/stats", async (string env, TenantContext tenant, CourseSettingsService settings) =>
            TypedResults.Ok(await settings.StatsAsync(tenant.Profile, OrcidEnvironmentName.Parse("env", env))));
        api.MapPost("/secret", async Task<Ok<NewSecret>> (TenantContext tenant, CourseSettingsService settings, HttpContext http) =>
            TypedResults.Ok(new NewSecret(await settings.RotateSecretAsync(tenant.Profile, AuditActor.FromApiCaller(http)),
                settings.WebhookUrl(tenant.Profile, Orcid.OrcidEnvironment.Sandbox), settings.WebhookUrl(tenant.Profile, Orcid.OrcidEnvironment.Production))));
    }

    private static CourseSettings View(TenantContext tenant, CourseSettingsService settings, CourseHooksSettings hooks) =>
        new(hooks.HasSecret, hooks.SecretCreatedAt, hooks.SecretEnding, hooks.Templates,
            settings.WebhookUrl(tenant.Profile, Orcid.OrcidEnvironment.Sandbox), settings.WebhookUrl(tenant.Profile, Orcid.OrcidEnvironment.Production));
}
