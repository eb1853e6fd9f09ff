namespace Consortium.Grains.Consortia;

/// <summary>What a consortium grain stores. <see cref="Profile"/> is null until the consortium is created.</summary>
[GenerateSerializer, Alias("ConsortiumState")]
public sealed record ConsortiumState
{
    [Id(0)] public ConsortiumProfile? Profile { get; init; }

    /// <summary>Its member organisations, in the order they joined.</summary>
    [Id(1)] public IReadOnlyList<string> TenantSlugs { get; init; } = [];
}
