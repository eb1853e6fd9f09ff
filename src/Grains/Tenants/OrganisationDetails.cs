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

    /// <returns>These details trimmed, the ROR id canonical and the country upper case.</returns>
    /// <exception cref="InvalidFieldException">The first malformed field.</exception>
    public OrganisationDetails Validated() => new(
        Fields.Text(nameof(Name), Name, NewTenant.MaxNameLength, "name"),
        Fields.OptionalRorId(nameof(RorId), RorId),
        string.IsNullOrWhiteSpace(City) ? null : Fields.Text(nameof(City), City, MaxCityLength, "city"),
        Fields.OptionalCountry(nameof(Country), Country));
}
