using System.Net;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.Oauth;

/// <summary>The simulator's look-alike of ORCID's sign-in and consent page.</summary>
public static class SignInPage
{
    public static IResult Render(AuthorizeRequest request, SimulatedClient client, string environment, string? message = null)
    {
        string Hidden(string name, string? value) => value is null ? "" : $"""<input type="hidden" name="{name}" value="{WebUtility.HtmlEncode(value)}">""";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign in · ORCID simulator ({environment})</title>
            <style>body{"{"}font-family:sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem{"}"} label,input,button{"{"}display:block;width:100%;margin:.4rem 0{"}"} button{"{"}padding:.6rem{"}"} .authorize{"{"}background:#A6CE39;border:0{"}"} .error{"{"}color:#b00020{"}"}</style>
            </head><body>
            <h1>ORCID simulator <small>({environment})</small></h1>
            <p><strong>{WebUtility.HtmlEncode(client.Name)}</strong> asks to access your ORCID record with: <code>{WebUtility.HtmlEncode(request.Scope)}</code></p>
            {(message is null ? "" : $"""<p class="error" role="alert">{WebUtility.HtmlEncode(message)}</p>""")}
            <form method="post" action="/oauth/authorize">
              {Hidden("client_id", request.ClientId)}{Hidden("redirect_uri", request.RedirectUri)}{Hidden("response_type", request.ResponseType)}
              {Hidden("scope", request.Scope)}{Hidden("state", request.State)}{Hidden("nonce", request.Nonce)}
              <label for="username">Email or ORCID iD</label>
              <input id="username" name="username" autocomplete="username" value="{WebUtility.HtmlEncode(request.Email ?? request.Orcid ?? "")}">
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password">
              <button class="authorize" name="decision" value="authorize">Authorize access</button>
              <button name="decision" value="deny">Deny access</button>
            </form>
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
