using Consortium.Grains.Courses;
using Consortium.Grains.Issuing;
using Consortium.Grains.Templates;
using Consortium.Portal.Researchers;

namespace Consortium.Portal.Courses;

/// <summary>What a claim page shows: the tenant's branding (from <see cref="ResearcherPageModel"/>), the claim when the link is
/// valid (else <see cref="Refusal"/>), the qualification it will write, and, once claimed, the issuance it became.
/// <see cref="ClaimedByViewer"/>: the researcher connected in this browser is the one who claimed it.</summary>
public sealed record ClaimPageModel(
    ResearcherPageModel Page,
    ClaimView? Claim,
    ClaimRefusal? Refusal,
    QualificationTemplate? Template,
    DateOnly StartDate,
    bool ClaimedByViewer,
    IssuanceView? Issuance)
{
    public string Organisation => Page.Branding.DisplayName ?? Page.Tenant.Name;

    public string Title => Template?.Title ?? Claim?.TemplateId ?? "a qualification";
}
