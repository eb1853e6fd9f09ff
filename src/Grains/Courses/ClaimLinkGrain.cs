using Consortium.Grains.Interfaces;

namespace Consortium.Grains.Courses;

public sealed class ClaimLinkGrain(
    [PersistentState("claim-link", GrainStorage.Name)] IPersistentState<ClaimLinkState> state) : Grain, IClaimLinkGrain
{
    public async Task RegisterAsync(string claimId)
    {
        state.State = new ClaimLinkState { ClaimId = claimId };
        await state.WriteStateAsync();
    }

    public Task<string?> GetClaimIdAsync() => Task.FromResult(state.State.ClaimId);
}
