using Consortium.Grains.Interfaces;

namespace Consortium.Grains.Consortia;

public sealed class ConsortiumDirectoryGrain(
    [PersistentState("consortium-directory", GrainStorage.Name)] IPersistentState<ConsortiumDirectoryState> state) : Grain, IConsortiumDirectoryGrain
{
    public async Task<ConsortiumProfile> CreateAsync(NewConsortium consortium)
    {
        var valid = consortium.Validated();
        var created = await GrainFactory.GetGrain<IConsortiumGrain>(ConsortiumKey.For(valid.Slug)).CreateAsync(valid);
        state.State = state.State with { Slugs = [.. state.State.Slugs, created.Slug] };
        await state.WriteStateAsync();
        return created;
    }

    public async Task<IReadOnlyList<ConsortiumProfile>> ListAsync()
    {
        var profiles = await Task.WhenAll(state.State.Slugs.Select(slug => GrainFactory.GetGrain<IConsortiumGrain>(ConsortiumKey.For(slug)).GetProfileAsync()));
        return [.. profiles.OfType<ConsortiumProfile>().OrderBy(consortium => consortium.Name, StringComparer.OrdinalIgnoreCase)];
    }
}
