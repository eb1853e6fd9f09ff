using Consortium.Grains.Courses;
using Consortium.Grains.Issuing;
using Consortium.Portal.Researchers;

namespace Consortium.Portal.Courses;

/// <summary>What a sign-up page (also where an LTI launch lands) shows: the enrolment, and, when the learner's iD is connected to
/// the tenant, that iD and what the tenant wrote to it.</summary>
public sealed record EnrolmentPageModel(ResearcherPageModel Page, EnrolmentView? Enrolment, string? ConnectedOrcid, IReadOnlyList<IssuanceView> Written)
{
    public string Organisation => Page.Branding.DisplayName ?? Page.Tenant.Name;
}
