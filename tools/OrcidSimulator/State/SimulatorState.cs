using System.Collections.Concurrent;
using System.Security.Cryptography;
using Consortium.Orcid;

namespace Consortium.OrcidSimulator.State;

/// <summary>Everything one simulated ORCID environment knows, in memory; another instance shares none of it.</summary>
public sealed class SimulatorState
{
    private readonly ConcurrentDictionary<string, SimulatedClient> _clients = new();
    private readonly ConcurrentDictionary<string, SimulatedResearcher> _researchers = new();
    private readonly ConcurrentDictionary<string, AuthorizationCode> _codes = new();
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new();
    private readonly ConcurrentQueue<ConsentDecision> _nextConsents = new();

    public SimulatorState(OrcidSimulatorOptions options)
    {
        foreach (var client in options.Clients)
        {
            _clients[client.ClientId] = client;
        }
        foreach (var researcher in options.Researchers)
        {
            _researchers[researcher.Orcid] = researcher;
        }
    }

    public SimulatedClient RegisterClient(string name, IReadOnlyList<string> redirectUris)
    {
        // ORCID client ids are APP- and 16 upper-case letters or digits.
        var client = new SimulatedClient("APP-" + RandomToken(8).ToUpperInvariant(), RandomToken(18), name, redirectUris);
        _clients[client.ClientId] = client;
        return client;
    }

    public SimulatedClient? FindClient(string? clientId, string? clientSecret = null) =>
        clientId is not null && _clients.TryGetValue(clientId, out var client) && (clientSecret is null || client.ClientSecret == clientSecret) ? client : null;

    public SimulatedResearcher CreateResearcher(string givenNames, string familyNames, string email)
    {
        var researcher = new SimulatedResearcher(OrcidId.NewRandom().Value, givenNames, familyNames, email, RandomToken(6));
        _researchers[researcher.Orcid] = researcher;
        return researcher;
    }

    public SimulatedResearcher? FindResearcher(string orcid) => _researchers.GetValueOrDefault(orcid);

    public SimulatedResearcher? SignIn(string emailOrOrcid, string password) =>
        _researchers.Values.FirstOrDefault(researcher =>
            (string.Equals(researcher.Email, emailOrOrcid, StringComparison.OrdinalIgnoreCase) || researcher.Orcid == emailOrOrcid)
            && researcher.Password == password);

    public void QueueConsent(ConsentDecision decision) => _nextConsents.Enqueue(decision);

    public ConsentDecision? TakeQueuedConsent() => _nextConsents.TryDequeue(out var decision) ? decision : null;

    public AuthorizationCode IssueCode(string clientId, string redirectUri, string orcid, string scope, string? nonce)
    {
        var code = new AuthorizationCode(RandomToken(6), clientId, redirectUri, orcid, scope, nonce, DateTimeOffset.UtcNow.AddMinutes(10));
        _codes[code.Code] = code;
        return code;
    }

    /// <summary>Codes are single-use, like ORCID's.</summary>
    public AuthorizationCode? RedeemCode(string? code) =>
        code is not null && _codes.TryRemove(code, out var issued) && issued.ExpiresAt > DateTimeOffset.UtcNow ? issued : null;

    public IssuedToken IssueToken(string clientId, string? orcid, string scope, bool withRefreshToken)
    {
        var token = new IssuedToken(Guid.NewGuid().ToString(), withRefreshToken ? Guid.NewGuid().ToString() : null, clientId, orcid, scope, DateTimeOffset.UtcNow);
        _tokens[token.AccessToken] = token;
        return token;
    }

    /// <summary>A token that is known and not revoked.</summary>
    public IssuedToken? FindLiveToken(string? accessToken) =>
        accessToken is not null && _tokens.TryGetValue(accessToken, out var token) && !token.Revoked ? token : null;

    public IssuedToken? FindByRefreshToken(string? refreshToken) =>
        refreshToken is null ? null : _tokens.Values.FirstOrDefault(token => token.RefreshToken == refreshToken && !token.Revoked);

    /// <summary>Revokes the token whose access or refresh token this is. True when one was found.</summary>
    public bool Revoke(string? token)
    {
        var issued = _tokens.Values.FirstOrDefault(candidate => candidate.AccessToken == token || candidate.RefreshToken == token);
        if (issued is null)
        {
            return false;
        }
        _tokens[issued.AccessToken] = issued with { Revoked = true };
        return true;
    }

    public IReadOnlyList<IssuedToken> TokensOf(string clientId) => [.. _tokens.Values.Where(token => token.ClientId == clientId).OrderBy(token => token.IssuedAt)];

    private static string RandomToken(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
