using Consortium.Grains.Common;

namespace Consortium.Grains.Consortia;

[GenerateSerializer, Immutable]
public sealed record NewConsortium([property: Id(0)] string Slug, [property: Id(1)] string Name)
{
    public const int MaxNameLength = 200;

    /// <exception cref="InvalidFieldException">The first malformed field.</exception>
    public NewConsortium Validated() => new(Fields.Slug(nameof(Slug), Slug), Fields.Text(nameof(Name), Name, MaxNameLength, "name"));
}
