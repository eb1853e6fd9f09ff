using System.Text.RegularExpressions;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Orcid;
using Consortium.Orcid.Errors;
using Consortium.Orcid.OAuth;
using Microsoft.AspNetCore.DataProtection;

namespace Consortium.Grains.OrcidClients;

public sealed partial class OrcidClientGrain(
    [PersistentState("orcid-client", GrainStorage.Name)] IPersistentState<OrcidClientState> state,
    IDataProtectionProvider protection,
    Consortium.Orcid.OrcidClients orcid,
    TimeProvider clock) : Grain, IOrcidClientGrain
{
    private IDataProtector Protector => protection.CreateProtector(OrcidClientKey.ProtectionPurpose(this.GetPrimaryKeyString()));

    public async Task<OrcidClientView> StoreAsync(string clientId, string clientSecret)
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
        await ValidateAsync(environment, id, secret);
        state.State = new OrcidClientState
        {
            View = new OrcidClientView(environment, id, "…" + secret[^4..], clock.GetUtcNow()),
            ProtectedSecret = Protector.Protect(secret),
        };
        await state.WriteStateAsync();
        return state.State.View;
    }

    public Task<OrcidClientView?> GetAsync() => Task.FromResult(state.State.View);

    /// <summary>A client-credentials token call: ORCID itself says whether the id and secret belong together.</summary>
    private async Task ValidateAsync(string environment, string clientId, string secret)
    {
        try
        {
            await orcid.OAuth(OrcidEnvironmentName.ToEnvironment(environment)).ClientCredentialsAsync(new OrcidClientCredentials(clientId, secret), OrcidScopes.ReadPublic);
        }
        catch (OrcidApiException refused) when ((int)refused.Status is 400 or 401)
        {
            throw new InvalidFieldException("clientSecret",
                $"ORCID {environment} did not accept this client id and secret ({refused.OAuthError ?? refused.DeveloperMessage}). Check both in ORCID's developer tools.");
        }
        catch (Exception unreachable) when (unreachable is OrcidApiException or HttpRequestException or Polly.ExecutionRejectedException or OperationCanceledException)
        {
            throw new OrcidUnreachableException(environment, unreachable.Message);
        }
    }

    [GeneratedRegex("^APP-[A-Z0-9]{16}$")]
    private static partial Regex ClientIdPattern();
}
