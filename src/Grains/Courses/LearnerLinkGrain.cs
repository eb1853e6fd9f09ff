using Consortium.Grains.Interfaces;

namespace Consortium.Grains.Courses;

/// <summary>Which ORCID iD a learner connected at sign-up; the latest connection wins.</summary>
public sealed class LearnerLinkGrain(
    [PersistentState("learner-link", GrainStorage.Name)] IPersistentState<LearnerLinkState> state,
    TimeProvider clock) : Grain, ILearnerLinkGrain
{
    public async Task LinkAsync(string orcid)
    {
        if (state.State.Orcid != orcid)
        {
            state.State = new LearnerLinkState { Orcid = orcid, LinkedAt = clock.GetUtcNow() };
            await state.WriteStateAsync();
        }
    }

    public Task<string?> GetOrcidAsync() => Task.FromResult(state.State.Orcid);
}
