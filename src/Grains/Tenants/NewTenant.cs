namespace Consortium.Grains.Tenants;

/// <summary>What it takes to create a member organisation.</summary>
[GenerateSerializer, Immutable]
public sealed record NewTenant([property: Id(0)] string Slug, [property: Id(1)] string Name, [property: Id(2)] string? RorId);
