namespace Consortium.Grains.Branding;

[GenerateSerializer, Alias("BrandingState")]
public sealed record BrandingState
{
    [Id(0)] public TenantBranding Branding { get; init; } = TenantBranding.Default;

    [Id(1)] public Logo? Logo { get; init; }
}
