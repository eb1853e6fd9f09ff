using System.Net;
using Consortium.Orcid.Model;
using Consortium.Orcid.OAuth;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>The checks ORCID makes before touching the record: scopes and the organization's disambiguation.</summary>
public static class QualificationRules
{
    static readonly string[] DisambiguationSources = ["RINGGOLD", "GRID", "FUNDREF", "LEI", "ROR"];

    /// <summary>Null when the token may read the record's limited items; else the scope it lacks.</summary>
    public static string? MissingReadScope(SimToken token, string orcid) =>
        token.Orcid == orcid && (token.Has(OrcidScopes.ReadLimited) || token.Has(OrcidScopes.ActivitiesUpdate)) ? null : OrcidScopes.ReadLimited;

    public static bool CanWrite(SimToken token, string orcid) => token.Orcid == orcid && token.Has(OrcidScopes.ActivitiesUpdate);

    /// <summary>What a reader may see: the whole record with a read scope, else public items only.</summary>
    public static bool Visible(Qualification item, SimToken? token, string orcid) =>
        item.Visibility == Visibility.Public ||
        (token is not null && MissingReadScope(token, orcid) is null &&
         (item.Visibility != Visibility.Private || item.Source?.SourceClientId?.Path == token.ClientId));

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
