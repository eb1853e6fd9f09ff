using Consortium.Grains.OrcidClients;
using Consortium.Grains.Tenants;

namespace Consortium.Portal.Services;

/// <summary>A member organisation as its consortium's lead sees it at a glance.</summary>
public sealed record TenantStatus(TenantProfile Profile, OrcidClientView? SandboxClient, OrcidClientView? ProductionClient);
