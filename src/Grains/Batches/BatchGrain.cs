using Consortium.Grains.Interfaces;

namespace Consortium.Grains.Batches;

public sealed class BatchGrain([PersistentState("batch", GrainStorage.Name)] IPersistentState<BatchState> state) : Grain, IBatchGrain
{
    public async Task SaveAsync(BatchRecord record)
    {
        state.State = new BatchState { Record = record };
        await state.WriteStateAsync();
    }

    public Task<BatchRecord?> GetAsync() => Task.FromResult(state.State.Record);
}
