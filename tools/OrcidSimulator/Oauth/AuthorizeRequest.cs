using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.Oauth;

/// <summary>The parameters of an authorize request, carried through the sign-in page's form.</summary>
public sealed record AuthorizeRequest(
    string? ClientId, string? RedirectUri, string? ResponseType, string? Scope, string? State, string? Nonce, string? Email, string? Orcid)
{
    public static AuthorizeRequest From(IQueryCollection query) => new(
        query["client_id"], query["redirect_uri"], query["response_type"], query["scope"], query["state"], query["nonce"], query["email"], query["orcid"]);

    public static AuthorizeRequest From(IFormCollection form) => new(
        form["client_id"], form["redirect_uri"], form["response_type"], form["scope"], form["state"], form["nonce"], form["email"], form["orcid"]);

    /// <returns>Why the request cannot go back to the client, or null when it is sound.</returns>
    public string? Problem(SimulatorState state)
    {
        var client = state.FindClient(ClientId);
        if (client is null)
        {
            return $"Unknown client '{ClientId}'.";
        }
        if (RedirectUri is null || !client.RedirectUris.Contains(RedirectUri))
        {
            return $"The redirect URI '{RedirectUri}' is not registered for {client.Name}.";
        }
        if (ResponseType != "code")
        {
            return "response_type must be 'code'.";
        }
        return string.IsNullOrWhiteSpace(Scope) ? "A scope is required." : null;
    }

    /// <summary>Where ORCID sends the browser back: with a code, or with ORCID's own deny error.</summary>
    public string Redirect(string? code) => QueryString(RedirectUri!, code is null
        ? [("error", "access_denied"), ("error_description", "User denied access"), ("state", State)]
        : [("code", code), ("state", State)]);

    private static string QueryString(string uri, IEnumerable<(string Name, string? Value)> parameters) =>
        uri + (uri.Contains('?') ? "&" : "?") + string.Join("&", parameters
            .Where(parameter => parameter.Value is not null)
            .Select(parameter => $"{parameter.Name}={Uri.EscapeDataString(parameter.Value!)}"));
}
