using Consortium.Grains.Courses;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Issuing;
using Consortium.Grains.Tenants;
using Consortium.Orcid;
using Consortium.Portal.Hosting;

namespace Consortium.Portal.Courses;

/// <summary>Course sign-ups: the link a learner follows to connect their ORCID iD when they enrol.</summary>
public sealed class EnrolmentService(IGrainFactory grains, PortalAddress portal)
{
    public sealed record CreatedEnrolment(EnrolmentView Enrolment, Uri ConnectUrl, bool Created);

    /// <exception cref="Grains.Common.InvalidFieldException">The learner or course is malformed.</exception>
    /// <exception cref="IssuingClosedException">The environment is not open for this tenant.</exception>
    public async Task<CreatedEnrolment> CreateAsync(TenantProfile tenant, OrcidEnvironment environment, Learner? learner, Course? course)
    {
        var validLearner = (learner ?? throw new Grains.Common.InvalidFieldException("learner", "Give the learner: email, names and the platform's user id."))
            .Validated("learner");
        var validCourse = (course ?? throw new Grains.Common.InvalidFieldException("course", "Give the course: its id and name.")).Validated("course");
        await grains.GetGrain<ITenantIssuingGrain>(IssuingKey.For(tenant.Slug, environment)).EnsureOpenAsync();
        var created = await grains.GetGrain<IEnrolmentGrain>(EnrolmentKey.For(tenant.Slug, EnrolmentKey.Id(environment, validCourse, validLearner)))
            .CreateAsync(environment, validLearner, validCourse);
        return new CreatedEnrolment(created.View, portal.For($"/t/{tenant.Slug}/enrol/{Uri.EscapeDataString(created.Token)}"), created.Created);
    }
}
