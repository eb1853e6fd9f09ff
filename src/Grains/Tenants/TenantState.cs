namespace Consortium.Grains.Tenants;

/// <summary>What a tenant grain stores. <see cref="Profile"/> is null until the tenant is created.</summary>
[GenerateSerializer, Alias("TenantState")]
public sealed record TenantState
{
    [Id(0)] public TenantProfile? Profile { get; init; }
}
