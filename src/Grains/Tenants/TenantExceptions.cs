namespace Consortium.Grains.Tenants;

[GenerateSerializer, Alias("TenantAlreadyExistsException")]
public sealed class TenantAlreadyExistsException(string slug) : Exception($"A tenant with the slug '{slug}' already exists.");

/// <summary>A field of a tenant is malformed; <see cref="Field"/> names it for the form or problem details.</summary>
[GenerateSerializer, Alias("TenantValidationException")]
public sealed class TenantValidationException(string field, string message) : Exception(message)
{
    [Id(0)] public string Field { get; } = field;
}
