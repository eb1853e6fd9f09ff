using Consortium.Orcid;
using Consortium.Grains.Branding;
using Consortium.Grains.Issuing;
using Consortium.Grains.Researchers;
using Consortium.Grains.Tenants;

namespace Consortium.Portal.Researchers;

/// <summary>Everything the researcher page shows for one tenant and environment.</summary>
public sealed record ResearcherPageModel(
    TenantProfile Tenant,
    TenantBranding Branding,
    bool HasLogo,
    OrcidEnvironment Environment,
    bool IsOpen,
    ResearcherView? Researcher,
    IReadOnlyList<IssuanceView> Issuances,
    ConsentInvitation? Invitation,
    string? InvitationProblem,
    IReadOnlyDictionary<string, string> TemplateTitles);
