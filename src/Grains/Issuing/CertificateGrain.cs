using Consortium.Grains.Interfaces;

namespace Consortium.Grains.Issuing;

public sealed class CertificateGrain(
    [PersistentState("certificate", GrainStorage.Name)] IPersistentState<CertificateState> state) : Grain, ICertificateGrain
{
    public async Task RegisterAsync(string issuanceId)
    {
        state.State = new CertificateState { IssuanceId = issuanceId };
        await state.WriteStateAsync();
    }

    public Task<string?> GetIssuanceIdAsync() => Task.FromResult(state.State.IssuanceId);
}
