namespace Consortium.Orcid.Model;

/// <summary>The organisation's id in a registry ORCID knows (ROR, RINGGOLD, GRID, FUNDREF, LEI).</summary>
public sealed record DisambiguatedOrganization(string DisambiguatedOrganizationIdentifier, string DisambiguationSource);
