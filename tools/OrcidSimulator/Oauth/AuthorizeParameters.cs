using Microsoft.AspNetCore.Http.Extensions;

namespace Consortium.OrcidSimulator.Oauth;

/// <summary>The authorize request's parameters, read from the query (GET) or carried through the sign-in form (POST).</summary>
public sealed record AuthorizeParameters(
    string? ClientId, string? ResponseType, string? Scope, string? RedirectUri, string? State,
    string? Email, string? GivenNames, string? FamilyNames, string? Orcid, string? Nonce)
{
    public static readonly string[] Names =
        ["client_id", "response_type", "scope", "redirect_uri", "state", "email", "given_names", "family_names", "orcid", "nonce"];

    public static AuthorizeParameters From(Func<string, string?> get) => new(
        get("client_id"), get("response_type"), get("scope"), get("redirect_uri"), get("state"),
        get("email"), get("given_names"), get("family_names"), get("orcid"), get("nonce"));

    public IReadOnlyList<string> Scopes => (Scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public IEnumerable<(string Name, string? Value)> All =>
        Names.Zip([ClientId, ResponseType, Scope, RedirectUri, State, Email, GivenNames, FamilyNames, Orcid, Nonce]);

    /// <summary>Where ORCID sends the browser back: the redirect URI plus the answer and the state.</summary>
    public string RedirectWith(params (string Name, string Value)[] answer)
    {
        var query = new QueryBuilder(answer.Select(a => KeyValuePair.Create(a.Name, a.Value)));
        if (State is not null)
        {
            query.Add("state", State);
        }
        var separator = RedirectUri!.Contains('?') ? "&" : "?";
        return RedirectUri + separator + query.ToString().TrimStart('?');
    }
}
