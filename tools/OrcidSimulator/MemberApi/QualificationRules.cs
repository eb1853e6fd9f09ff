using System.Net;
using Consortium.Orcid.Model;
using Consortium.Orcid.OAuth;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>The checks ORCID makes before writing to the record: scopes and the organization's disambiguation (reads: <see cref="ReadRules"/>).</summary>
public static class QualificationRules
{
    static readonly string[] DisambiguationSources = ["RINGGOLD", "GRID", "FUNDREF", "LEI", "ROR"];

    public static bool CanWrite(SimToken token, string orcid) => token.Orcid == orcid && token.Has(OrcidScopes.ActivitiesUpdate);

    public static SimFailure? Validate(Qualification qualification)
    {
        var organization = qualification.Organization;
        if (organization is null || string.IsNullOrWhiteSpace(organization.Name) ||
            string.IsNullOrWhiteSpace(organization.Address.City) || string.IsNullOrWhiteSpace(organization.Address.Country))
        {
            return new SimFailure(HttpStatusCode.BadRequest, 9062,
                "400 Bad Request: A qualification needs an organization with name, city and country.");
        }
        if (organization.DisambiguatedOrganization is not { } disambiguated ||
            string.IsNullOrWhiteSpace(disambiguated.DisambiguatedOrganizationIdentifier) ||
            !DisambiguationSources.Contains(disambiguated.DisambiguationSource))
        {
            return new SimFailure(HttpStatusCode.BadRequest, 9062,
                $"400 Bad Request: Invalid disambiguated organization: an identifier from {string.Join(", ", DisambiguationSources)} is required.");
        }
        return null;
    }
}
