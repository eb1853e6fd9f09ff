using Consortium.Grains.Interfaces;

namespace Consortium.Grains.Branding;

public sealed class TenantBrandingGrain(
    [PersistentState("tenant-branding", GrainStorage.Name)] IPersistentState<BrandingState> state) : Grain, ITenantBrandingGrain
{
    public Task<TenantBranding> GetAsync() => Task.FromResult(state.State.Branding);

    public async Task<TenantBranding> SetAsync(TenantBranding branding)
    {
        state.State = state.State with { Branding = branding.Validated() };
        await state.WriteStateAsync();
        return state.State.Branding;
    }

    public Task<Logo?> GetLogoAsync() => Task.FromResult(state.State.Logo);

    public async Task SetLogoAsync(byte[] content)
    {
        state.State = state.State with { Logo = Logo.From(content) };
        await state.WriteStateAsync();
    }
}
