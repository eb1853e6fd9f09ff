using Consortium.Grains.OrcidClients;
using Consortium.Orcid;

namespace Consortium.Grains.Courses;

/// <summary>An enrolment's id is a hash of its environment, course and learner: the same sign-up is the same enrolment, and the id
/// in a link says nothing about who or what it is for.</summary>
public static class EnrolmentKey
{
    public static string Id(OrcidEnvironment environment, Course course, Learner learner) =>
        LearnerKey.Hash($"{environment.Name()}\n{course.Id}\n{LearnerKey.Name(learner)}");

    public static string For(string tenantSlug, string enrolmentId) => $"en:{tenantSlug}:{enrolmentId}";

    public static string ProtectionPurpose(string tenantSlug) => $"Consortium.EnrolmentLink.{tenantSlug}";

    public static string TenantOf(string key) => key.Split(':')[1];
}
