using Consortium.Grains.Courses;
using Consortium.Grains.OrcidClients;
using Consortium.Portal.Courses;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consortium.Portal.Api;

/// <summary>Course sign-ups: the platform asks for a connect link when a learner enrols.</summary>
public static class EnrolmentsApi
{
    public sealed record EnrolmentRequest(string? Env, Learner? Learner, Course? Course);

    public sealed record EnrolmentLink(string Id, Uri ConnectUrl, string? ConnectedOrcid);

    public static void MapEnrolmentsApi(this IEndpointRouteBuilder app)
    {
        var enrolments = app.MapGroup("/api/v1/tenants/{tenant}/enrolments").RequireAuthorization(ApiPolicies.ApiCaller).WithTags("Enrolments");
        enrolments.MapPost("/", CreateAsync);
    }

    /// <summary>201 with the learner's connect link; 200 with the same link when the learner signed up for the course before.</summary>
    private static async Task<Results<Created<EnrolmentLink>, Ok<EnrolmentLink>>> CreateAsync(EnrolmentRequest body, TenantContext tenant, EnrolmentService enrolments)
    {
        var created = await enrolments.CreateAsync(tenant.Profile, OrcidEnvironmentName.Parse("env", body.Env), body.Learner, body.Course);
        var link = new EnrolmentLink(created.Enrolment.Id, created.ConnectUrl, created.Enrolment.ConnectedOrcid);
        return created.Created ? TypedResults.Created((string?)null, link) : TypedResults.Ok(link);
    }
}
