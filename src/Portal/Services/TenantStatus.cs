using Consortium.Grains.Issuing;
using Consortium.Grains.Launch;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Tenants;

namespace Consortium.Portal.Services;

/// <summary>A member organisation as its consortium's lead sees it at a glance: clients, launch, and issuing per environment.</summary>
public sealed record TenantStatus(
    TenantProfile Profile,
    OrcidClientView? SandboxClient,
    OrcidClientView? ProductionClient,
    IssuingCounts SandboxIssuing,
    IssuingCounts ProductionIssuing,
    LaunchReview LaunchReview)
{
    /// <summary>Production is live once the launch is approved and a production client is stored.</summary>
    public bool IsProductionLive => Profile.IsLaunchApproved && ProductionClient is not null;
}
