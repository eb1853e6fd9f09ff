using System.Text.RegularExpressions;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Microsoft.AspNetCore.DataProtection;

namespace Consortium.Grains.OrcidClients;

public sealed partial class OrcidClientGrain(
    [PersistentState("orcid-client", GrainStorage.Name)] IPersistentState<OrcidClientState> state,
    IDataProtectionProvider protection) : Grain, IOrcidClientGrain
{
    private IDataProtector Protector => protection.CreateProtector(OrcidClientKey.ProtectionPurpose(this.GetPrimaryKeyString()));

    public async Task<OrcidClientView> StoreAsync(string clientId, string clientSecret, DateTimeOffset validatedAt)
    {
        var id = (clientId ?? "").Trim();
        if (!ClientIdPattern().IsMatch(id))
        {
            throw new InvalidFieldException(nameof(clientId), "The client id must look like APP-XXXXXXXXXXXXXXXX, as ORCID's developer tools show it.");
        }
        var secret = (clientSecret ?? "").Trim();
        if (secret.Length < 8)
        {
            throw new InvalidFieldException(nameof(clientSecret), "Enter the client secret ORCID gave you.");
        }
        var environment = OrcidClientKey.EnvironmentOf(this.GetPrimaryKeyString());
        state.State = new OrcidClientState
        {
            View = new OrcidClientView(environment, id, "…" + secret[^4..], validatedAt),
            ProtectedSecret = Protector.Protect(secret),
        };
        await state.WriteStateAsync();
        return state.State.View;
    }

    public Task<OrcidClientView?> GetAsync() => Task.FromResult(state.State.View);

    [GeneratedRegex("^APP-[A-Z0-9]{16}$")]
    private static partial Regex ClientIdPattern();
}
