using System.Collections.Concurrent;
using System.Security.Cryptography;
using Consortium.Orcid;

namespace Consortium.OrcidSimulator.State;

/// <summary>Clients, researchers, authorization codes, tokens and pre-decided consents of one simulator instance.</summary>
public sealed class OAuthStore
{
    readonly ConcurrentDictionary<string, SimClient> clients = new();
    readonly ConcurrentDictionary<string, SimResearcher> researchers = new();
    readonly ConcurrentDictionary<string, AuthorizationGrant> codes = new();
    readonly ConcurrentQueue<ConsentDecision> nextConsents = new();
    readonly Lock tokensLock = new();
    readonly List<SimToken> tokens = [];

    /// <summary>The clients a host configures at every start (<see cref="OrcidSimulatorOptions.Clients"/>), which a state file need not keep.</summary>
    readonly ConcurrentDictionary<string, bool> configured = new();

    public SimClient RegisterClient(string name, IReadOnlyList<string> redirectUris)
    {
        var client = new SimClient($"APP-{RandomString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 16)}", RandomToken(), name, redirectUris);
        clients[client.ClientId] = client;
        return client;
    }

    public void AddConfiguredClient(SimClient client)
    {
        configured[client.ClientId] = true;
        clients[client.ClientId] = client;
    }

    public SimClient? FindClient(string? clientId) => clientId is not null && clients.TryGetValue(clientId, out var client) ? client : null;

    public SimClient? Authenticate(string? clientId, string? clientSecret) =>
        FindClient(clientId) is { } client && clientSecret is not null &&
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(client.ClientSecret), System.Text.Encoding.UTF8.GetBytes(clientSecret))
            ? client
            : null;

    public SimResearcher AddResearcher(string givenNames, string familyNames, string email, OrcidId? orcid = null, string? password = null)
    {
        var researcher = new SimResearcher((orcid ?? OrcidId.NewRandom()).Value, givenNames, familyNames, email, password ?? RandomToken()[..12]);
        researchers[researcher.Orcid] = researcher;
        return researcher;
    }

    public SimResearcher? FindResearcher(string? orcid) => orcid is not null && researchers.TryGetValue(orcid, out var r) ? r : null;

    public IReadOnlyList<SimResearcher> Researchers => researchers.Values.OrderBy(r => r.FamilyNames).ToList();

    public SimResearcher? SignIn(string? email, string? password) => researchers.Values.FirstOrDefault(r =>
        string.Equals(r.Email, email, StringComparison.OrdinalIgnoreCase) && r.Password == password);

    public void DecideNextConsent(ConsentDecision decision) => nextConsents.Enqueue(decision);

    public ConsentDecision? TakeNextConsent() => nextConsents.TryDequeue(out var decision) ? decision : null;

    public string IssueCode(AuthorizationGrant grant)
    {
        var code = RandomString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 6);
        codes[code] = grant;
        return code;
    }

    /// <summary>A code is good once, for the client and redirect URI it was issued to.</summary>
    public AuthorizationGrant? RedeemCode(string? code, string clientId, string? redirectUri) =>
        code is not null && codes.TryRemove(code, out var grant) && grant.ClientId == clientId && grant.RedirectUri == redirectUri ? grant : null;

    public SimToken IssueToken(string clientId, string? orcid, IReadOnlyList<string> scopes)
    {
        var token = new SimToken(RandomToken(), RandomToken(), clientId, orcid, scopes, DateTimeOffset.UtcNow);
        lock (tokensLock)
        {
            tokens.Add(token);
        }
        return token;
    }

    public SimToken? FindActiveToken(string accessToken)
    {
        lock (tokensLock)
        {
            return tokens.FirstOrDefault(t => t.AccessToken == accessToken && !t.Revoked);
        }
    }

    /// <summary>A new access token for the same grant; <paramref name="revokeOld"/> revokes the token refreshed.</summary>
    public SimToken? Refresh(string clientId, string? refreshToken, bool revokeOld)
    {
        lock (tokensLock)
        {
            var index = tokens.FindIndex(t => t.RefreshToken == refreshToken && t.ClientId == clientId && !t.Revoked);
            if (index < 0)
            {
                return null;
            }
            var old = tokens[index];
            if (revokeOld)
            {
                tokens[index] = old with { Revoked = true };
            }
            var fresh = new SimToken(RandomToken(), RandomToken(), clientId, old.Orcid, old.Scopes, DateTimeOffset.UtcNow);
            tokens.Add(fresh);
            return fresh;
        }
    }

    /// <summary>Revokes the grant an access or refresh token belongs to. Unknown tokens are ignored, as RFC 7009 asks.</summary>
    public void Revoke(string clientId, string? token)
    {
        lock (tokensLock)
        {
            var index = tokens.FindIndex(t => t.ClientId == clientId && (t.AccessToken == token || t.RefreshToken == token));
            if (index >= 0)
            {
                tokens[index] = tokens[index] with { Revoked = true };
            }
        }
    }

    /// <summary>Disables every token of a researcher, as ORCID does when the record is deactivated.</summary>
    public void RevokeAllOf(string orcid)
    {
        lock (tokensLock)
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Orcid == orcid)
                {
                    tokens[i] = tokens[i] with { Revoked = true };
                }
            }
        }
    }

    public IReadOnlyList<SimToken> TokensOf(string? clientId)
    {
        lock (tokensLock)
        {
            return tokens.Where(t => clientId is null || t.ClientId == clientId).ToList();
        }
    }

    public (IReadOnlyList<SimClient> Clients, IReadOnlyList<SimResearcher> Researchers, IReadOnlyList<SimToken> Tokens) Export()
    {
        lock (tokensLock)
        {
            return ([.. clients.Values.Where(c => !configured.ContainsKey(c.ClientId)).OrderBy(c => c.ClientId)],
                [.. researchers.Values.OrderBy(r => r.Orcid)], [.. tokens]);
        }
    }

    public void Import(SimulatorSnapshot snapshot)
    {
        foreach (var client in snapshot.Clients)
        {
            clients[client.ClientId] = client;
        }
        foreach (var researcher in snapshot.Researchers)
        {
            researchers[researcher.Orcid] = researcher;
        }
        lock (tokensLock)
        {
            tokens.AddRange(snapshot.Tokens);
        }
    }

    static string RandomToken() => Guid.NewGuid().ToString();

    static string RandomString(string alphabet, int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]));
}
