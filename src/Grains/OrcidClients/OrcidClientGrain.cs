using System.Text.RegularExpressions;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Researchers;
using Consortium.Orcid;
using Consortium.Orcid.Errors;
using Consortium.Orcid.OAuth;
using Microsoft.AspNetCore.DataProtection;
using Consortium.Grains.Snapshots;

namespace Consortium.Grains.OrcidClients;

public sealed partial class OrcidClientGrain(
    [PersistentState("orcid-client", GrainStorage.Name)] IPersistentState<OrcidClientState> state,
    IDataProtectionProvider protection,
    Consortium.Orcid.OrcidClients orcid,
    TimeProvider clock) : Grain, IOrcidClientGrain
{
    // Client tokens are not secrets of the tenant's configuration: kept in memory only, renewed after a restart.
    private readonly Dictionary<string, (OrcidBearer Access, DateTimeOffset ExpiresAt)> clientTokens = [];

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
        await ValidateAsync(id, secret);
        state.State = new OrcidClientState
        {
            View = new OrcidClientView(id, "…" + secret[^4..], clock.GetUtcNow()) { Environment = Environment },
            ProtectedSecret = Protector.Protect(secret),
        };
        await state.WriteStateAsync();
        clientTokens.Clear();
        await GrainFactory.TenantChangedAsync(OrcidClientKey.TenantOf(this.GetPrimaryKeyString()));
        return state.State.View;
    }

    public Task<OrcidClientView?> GetAsync() => Task.FromResult(state.State.View);

    public async Task<GrantedConsent> ExchangeCodeAsync(string code, Uri redirectUri, string? nonce)
    {
        var credentials = Credentials() ?? throw new ConsentRefusedException(
            $"This organisation has not set up its ORCID {Environment.Name()} connection yet. Please contact the organisation.");
        try
        {
            var token = await OAuth.ExchangeCodeAsync(credentials, code, redirectUri);
            if (!OrcidId.TryParse(token.Orcid, out var orcid))
            {
                throw new ConsentRefusedException("ORCID did not say which iD granted permission. Please try again.");
            }
            if (token.IdToken is { } idToken && await OAuth.ValidateIdTokenAsync(idToken, credentials.ClientId, nonce) != orcid)
            {
                throw new ConsentRefusedException("ORCID's sign-in answer did not match. Please connect again.");
            }
            return new GrantedConsent(orcid.Value, token.Name, credentials.ClientId, token.AccessToken, token.RefreshToken, token.Scopes,
                clock.GetUtcNow().AddSeconds(Math.Max(0, token.ExpiresIn)));
        }
        catch (IdTokenValidationException)
        {
            throw new ConsentRefusedException("ORCID's sign-in answer could not be verified. Please connect again.");
        }
        catch (OrcidApiException refused) when ((int)refused.Status is 400 or 401)
        {
            throw new ConsentRefusedException("ORCID did not accept this sign-in (the link may have been used already). Please connect again.");
        }
        catch (Exception unreachable) when (OrcidFailures.Unreachable(unreachable))
        {
            throw new OrcidUnreachableException(Environment, unreachable.Message);
        }
    }

    public async Task RevokeTokenAsync(string token)
    {
        if (Credentials() is not { } credentials)
        {
            return;
        }
        try
        {
            await OAuth.RevokeAsync(credentials, token);
        }
        catch (Exception unreachable) when (OrcidFailures.Unreachable(unreachable))
        {
            throw new OrcidUnreachableException(Environment, unreachable.Message);
        }
    }

    public async Task<OrcidBearer?> GetClientTokenAsync(string scope)
    {
        if (clientTokens.TryGetValue(scope, out var cached) && cached.ExpiresAt > clock.GetUtcNow())
        {
            return cached.Access;
        }
        if (Credentials() is not { } credentials)
        {
            return null;
        }
        try
        {
            var token = await OAuth.ClientCredentialsAsync(credentials, scope);
            var access = new OrcidBearer(credentials.ClientId, token.AccessToken);
            // Renewed an hour early, and at least daily: never handed out just as it expires.
            var lifetime = TimeSpan.FromSeconds(Math.Clamp(token.ExpiresIn - 3600, 60, 86_400));
            clientTokens[scope] = (access, clock.GetUtcNow() + lifetime);
            return access;
        }
        catch (Exception unreachable) when (OrcidFailures.Unreachable(unreachable))
        {
            throw new OrcidUnreachableException(Environment, unreachable.Message);
        }
    }

    private OrcidEnvironment Environment => OrcidClientKey.EnvironmentOf(this.GetPrimaryKeyString());

    private Consortium.Orcid.OAuth.OrcidOAuthClient OAuth => orcid.OAuth(Environment);

    private OrcidClientCredentials? Credentials() =>
        state.State is { View: { } view, ProtectedSecret: { } secret } ? new OrcidClientCredentials(view.ClientId, Protector.Unprotect(secret)) : null;

    /// <summary>A client-credentials token call: ORCID itself says whether the id and secret belong together.</summary>
    private async Task ValidateAsync(string clientId, string secret)
    {
        try
        {
            await OAuth.ClientCredentialsAsync(new OrcidClientCredentials(clientId, secret), OrcidScopes.ReadPublic);
        }
        catch (OrcidApiException refused) when ((int)refused.Status is 400 or 401)
        {
            throw new InvalidFieldException("clientSecret",
                $"ORCID {Environment.Name()} did not accept this client id and secret ({refused.OAuthError ?? refused.DeveloperMessage}). Check both in ORCID's developer tools.");
        }
        catch (Exception unreachable) when (OrcidFailures.Unreachable(unreachable))
        {
            throw new OrcidUnreachableException(Environment, unreachable.Message);
        }
    }

    [GeneratedRegex("^APP-[A-Z0-9]{16}$")]
    private static partial Regex ClientIdPattern();
}
