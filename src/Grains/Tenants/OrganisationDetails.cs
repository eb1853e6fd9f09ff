using Consortium.Grains.Common;

namespace Consortium.Grains.Tenants;

/// <summary>How a member organisation is named in the qualifications it writes.</summary>
[GenerateSerializer, Immutable]
public sealed record OrganisationDetails(
    [property: Id(0)] string Name,
    [property: Id(1)] string? RorId,
    [property: Id(2)] string? City,
    [property: Id(3)] string? Country)
{
    public const int MaxCityLength = 100;

    /// <returns>These details trimmed, the ROR id as ORCID holds it (<c>https://ror.org/…</c>) and the country upper case.</returns>
    /// <exception cref="InvalidFieldException">The first malformed field.</exception>
    public OrganisationDetails Validated()
    {
        var name = Fields.Text(nameof(Name), Name, NewTenant.MaxNameLength, "name");
        var rorId = Fields.OptionalRorId(nameof(RorId), RorId);
        var city = string.IsNullOrWhiteSpace(City) ? null : Fields.Text(nameof(City), City, MaxCityLength, "city");
        var country = Fields.OptionalCountry(nameof(Country), Country);
        // City and country are optional for a qualification, but ORCID refuses a city without a country (400/9061, ORCID-Source
        // orcid-core/src/main/java/org/orcid/core/manager/v3/validator/ActivityValidator.java).
        if (city is not null && country is null)
        {
            throw new InvalidFieldException(nameof(Country), "ORCID needs the country when a city is given: enter its two-letter ISO code, like NZ, or clear the city.");
        }
        return new(name, rorId, city, country);
    }
}
