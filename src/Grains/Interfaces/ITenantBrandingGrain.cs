using Consortium.Grains.Branding;
using Consortium.Grains.Common;

namespace Consortium.Grains.Interfaces;

/// <summary>One tenant's branding. Key: the tenant's grain key.</summary>
[Alias("ITenantBrandingGrain")]
public interface ITenantBrandingGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<TenantBranding> GetAsync();

    /// <exception cref="InvalidFieldException">A field is malformed; nothing is changed.</exception>
    [Alias("Set")]
    Task<TenantBranding> SetAsync(TenantBranding branding);

    [Alias("GetLogo")]
    Task<Logo?> GetLogoAsync();

    /// <exception cref="InvalidFieldException">Too large or not an image; the old logo is kept.</exception>
    [Alias("SetLogo")]
    Task SetLogoAsync(byte[] content);
}
