using Consortium.Grains.OrcidClients;
using Consortium.Orcid;
using Consortium.Grains.Researchers;
using Consortium.Portal.Hosting;

namespace Consortium.Portal.Researchers;

/// <summary>The addresses of a member organisation's researcher pages.</summary>
public static class ResearcherLinks
{
    public static string Page(PortalAddress portal, string tenant, OrcidEnvironment environment, string? invitationToken = null) =>
        ConsentInvitationEmail.PageLink(portal.Base, tenant, environment, invitationToken);

    public static Uri Callback(PortalAddress portal, string tenant) => portal.For($"/t/{tenant}/orcid/callback");
}
