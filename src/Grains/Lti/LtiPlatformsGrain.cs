using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;

namespace Consortium.Grains.Lti;

public sealed class LtiPlatformsGrain(
    [PersistentState("lti-platforms", GrainStorage.Name)] IPersistentState<LtiPlatformsState> state) : Grain, ILtiPlatformsGrain
{
    public static string KeyFor(string tenantSlug) => "lti:" + tenantSlug;

    public async Task<LtiPlatform> SaveAsync(string id, LtiPlatform platform)
    {
        var platformId = Fields.Slug("id", id);
        var valid = platform.Validated();
        state.State = state.State with { Platforms = new(state.State.Platforms, StringComparer.Ordinal) { [platformId] = valid } };
        await state.WriteStateAsync();
        return valid;
    }

    public async Task<bool> RemoveAsync(string id)
    {
        if (!state.State.Platforms.ContainsKey(id))
        {
            return false;
        }
        var platforms = new Dictionary<string, LtiPlatform>(state.State.Platforms, StringComparer.Ordinal);
        platforms.Remove(id);
        state.State = state.State with { Platforms = platforms };
        await state.WriteStateAsync();
        return true;
    }

    public Task<LtiPlatform?> GetAsync(string id) => Task.FromResult(state.State.Platforms.GetValueOrDefault(id));

    public Task<IReadOnlyDictionary<string, LtiPlatform>> ListAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, LtiPlatform>>(new Dictionary<string, LtiPlatform>(state.State.Platforms));
}
