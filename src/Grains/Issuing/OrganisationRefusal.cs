using Consortium.Grains.Common;

namespace Consortium.Grains.Issuing;

/// <summary>What an issuance says when ORCID refuses the organisation it names: only the organisation's admin can fix
/// that, so the message names the id and where to change it.</summary>
public static class OrganisationRefusal
{
    /// <summary>For 400/9045: ORCID holds no organisation with this id (ORCID-Source
    /// orcid-core/src/main/java/org/orcid/core/manager/v3/impl/OrgManagerImpl.java, getOrgEntity).</summary>
    public static string UnknownId(string? rorId) =>
        $"ORCID does not know the organisation id {(rorId is null ? "in the qualification" : RorId.OrcidForm(rorId))} (ROR). " +
        "Check it in Settings → Organisation (copy it from the organisation's page on ror.org), then retry.";
}
