using Consortium.Grains.Common;

namespace Consortium.Grains.Tenants;

/// <summary>What it takes to create a member organisation.</summary>
[GenerateSerializer, Immutable]
public sealed record NewTenant([property: Id(0)] string Slug, [property: Id(1)] string Name, [property: Id(2)] string? RorId)
{
    public const int MaxNameLength = 200;

    /// <returns>This tenant with its fields trimmed and its ROR id in canonical form.</returns>
    /// <exception cref="InvalidFieldException">The first malformed field.</exception>
    public NewTenant Validated() => new(
        Fields.Slug(nameof(Slug), Slug),
        Fields.Text(nameof(Name), Name, MaxNameLength, "name"),
        Fields.OptionalRorId(nameof(RorId), RorId));
}
