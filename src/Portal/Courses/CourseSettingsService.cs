using Consortium.Grains.Common;
using Consortium.Grains.Courses;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;
using Consortium.Portal.Audit;
using Consortium.Portal.Hosting;

namespace Consortium.Portal.Courses;

/// <summary>A member organisation's course platform settings: the completion webhook's address and secret, and which template
/// each course's completion issues. For the settings tab and the API alike.</summary>
public sealed class CourseSettingsService(IGrainFactory grains, ICoursesProjection courses, PortalAddress portal, AuditLog audit, TimeProvider clock)
{
    public Uri WebhookUrl(TenantProfile tenant, Orcid.OrcidEnvironment environment) =>
        portal.For($"/hooks/{tenant.Slug}/completions?env={Grains.OrcidClients.OrcidEnvironmentName.Name(environment)}");

    public Task<CourseHooksSettings> GetAsync(TenantProfile tenant) => Hooks(tenant).GetSettingsAsync();

    /// <returns>The new secret, to be shown this once.</returns>
    public async Task<string> RotateSecretAsync(TenantProfile tenant, AuditActor actor)
    {
        var secret = await Hooks(tenant).RotateSecretAsync();
        await audit.RecordAsync(actor, "course-hooks.secret-rotated", tenant.Slug, tenant.ConsortiumSlug, tenant.Slug);
        return secret;
    }

    /// <summary>Maps a course to a template, or removes its mapping when <paramref name="templateId"/> is blank.</summary>
    /// <exception cref="InvalidFieldException">The course id is malformed, or the template does not exist.</exception>
    public async Task<CourseHooksSettings> MapCourseAsync(TenantProfile tenant, string courseId, string? templateId, AuditActor actor)
    {
        if (!string.IsNullOrWhiteSpace(templateId)
            && await grains.GetGrain<ITenantTemplatesGrain>(TenantKey.For(tenant.Slug)).GetAsync(templateId.Trim()) is null)
        {
            throw new InvalidFieldException("templateId", $"There is no template '{templateId.Trim()}'. Create it under Templates first.");
        }
        var settings = await Hooks(tenant).MapCourseAsync(courseId, templateId);
        await audit.RecordAsync(actor, "course-hooks.course-mapped", $"{courseId} → {templateId}", tenant.ConsortiumSlug, tenant.Slug);
        return settings;
    }

    /// <summary>Per course: learners signed up, connected at sign-up, completed, written to ORCID, and claims waiting.</summary>
    public Task<IReadOnlyList<CourseStats>> StatsAsync(TenantProfile tenant, Orcid.OrcidEnvironment environment) =>
        courses.StatsAsync(tenant.Slug, environment, clock.GetUtcNow());

    private ICourseHooksGrain Hooks(TenantProfile tenant) => grains.GetGrain<ICourseHooksGrain>(CourseHooksGrain.KeyFor(tenant.Slug));
}
