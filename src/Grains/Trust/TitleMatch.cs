namespace Consortium.Grains.Trust;

/// <summary>How a rule recognises a qualification by its title.</summary>
/// <param name="Values">The title (<see cref="TitleMatchMode.Exact"/>), the titles (<see cref="TitleMatchMode.OneOf"/>),
/// one regular expression (<see cref="TitleMatchMode.Pattern"/>) or this tenant's template ids (<see cref="TitleMatchMode.Template"/>).</param>
[GenerateSerializer, Immutable, Alias("TrustTitleMatch")]
public sealed record TitleMatch(
    [property: Id(0)] TitleMatchMode Mode,
    [property: Id(1)] IReadOnlyList<string> Values);
