using System.Collections.Concurrent;
using System.Net;
using Consortium.Orcid.Model;

namespace Consortium.OrcidSimulator.State;

/// <summary>The disambiguated organisations ORCID knows, by source and identifier. ORCID looks a written organisation's
/// id up in its org_disambiguated table and refuses one it does not hold (ORCID-Source
/// orcid-core/src/main/java/org/orcid/core/manager/v3/impl/OrgManagerImpl.java, getOrgEntity:
/// <c>orgDisambiguatedDao.findBySourceIdAndSourceType(identifier, source)</c>, null → InvalidDisambiguatedOrgException,
/// which orcid-core/src/main/java/org/orcid/core/exception/OrcidCoreExceptionMapper.java answers 400/9045).
/// The lookup is exact: ROR ids are held as the full <c>https://ror.org/…</c> URL, so a bare ROR id is unknown.</summary>
public sealed class OrganisationRegistry
{
    /// <summary>ORCID's sources (orcid-core/src/main/java/org/orcid/core/orgs/OrgDisambiguatedSourceType.java).</summary>
    public static readonly IReadOnlyList<string> Sources = ["RINGGOLD", "GRID", "FUNDREF", "LEI", "ROR"];

    // Every disambiguated id the demo data, README, tests and ORCID's sample files write, so they keep working.
    static readonly KnownOrganisation[] Seed =
    [
        new("ROR", "https://ror.org/02mhbdp94", "Demo University"),
        new("ROR", "https://ror.org/03b94tp07", "Example University"),
        new("ROR", "https://ror.org/03yrm5c26", "Partner University"),
        new("ROR", "https://ror.org/021nxhr62", "ORCID sample organisation (read fixtures)"),
        new("ROR", "https://ror.org/05qwgg493", "ORCID sample organisation (employment fixture)"),
        new("ROR", "https://ror.org/027ka1x80", "ORCID sample organisation (qualification fixture)"),
        new("RINGGOLD", "2729", "Partner Institute"),
        new("GRID", "grid.9654.e", "Partner Institute (GRID)"),
    ];

    readonly ConcurrentDictionary<(string Source, string Identifier), KnownOrganisation> known =
        new(Seed.Select(organisation => KeyValuePair.Create((organisation.Source, organisation.Identifier), organisation)));

    /// <returns>Null when added (or already known); else why not.</returns>
    public string? Add(string? source, string? identifier, string? name)
    {
        if (source is null || !Sources.Contains(source))
        {
            return $"source must be one of {string.Join(", ", Sources)}.";
        }
        if (string.IsNullOrWhiteSpace(identifier) || string.IsNullOrWhiteSpace(name))
        {
            return "identifier and name are required (a ROR identifier as ORCID holds it: https://ror.org/…).";
        }
        known.TryAdd((source, identifier), new KnownOrganisation(source, identifier, name));
        return null;
    }

    public bool Knows(DisambiguatedOrganization organisation) =>
        known.ContainsKey((organisation.DisambiguationSource, organisation.DisambiguatedOrganizationIdentifier));

    /// <summary>ORCID's check when it stores an item: a disambiguated id, if there is one, must be known.</summary>
    public SimFailure? Check(Qualification qualification) =>
        qualification.Organization?.DisambiguatedOrganization is { } organisation && !Knows(organisation)
            // ORCID's wording (orcid-core/src/main/resources/i18n/api_en.properties, apiError.9045.developerMessage).
            ? new SimFailure(HttpStatusCode.BadRequest, 9045,
                $"400 Bad request: disambiguated-organization must be present and valid (ORCID does not know {organisation.DisambiguationSource} '{organisation.DisambiguatedOrganizationIdentifier}').")
            : null;

    sealed record KnownOrganisation(string Source, string Identifier, string Name);
}
