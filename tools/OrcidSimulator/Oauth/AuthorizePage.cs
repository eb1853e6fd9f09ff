using System.Net;
using System.Text;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.Oauth;

/// <summary>The sign-in and consent page: pick a researcher (or sign in with email and password), then Authorize or Deny.</summary>
public static class AuthorizePage
{
    public static IResult Render(string environmentName, AuthorizeParameters parameters, string clientName, IReadOnlyList<SimResearcher> researchers, string? error = null)
    {
        var html = new StringBuilder();
        html.Append($$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>ORCID simulator ({{E(environmentName)}}) – authorize</title>
            <style>
              body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; color: #333; }
              h1 { color: #A6CE39; } .error { color: #b00020; } fieldset { margin: 1rem 0; }
              button { padding: .5rem 1.5rem; margin-right: 1rem; }
            </style></head><body>
            <h1>ORCID simulator</h1>
            <p><strong>{{E(clientName)}}</strong> asks for access to your ORCID record ({{E(environmentName)}}):
              <code>{{E(parameters.Scope ?? "")}}</code></p>
            """);
        if (error is not null)
        {
            html.Append($"<p class=\"error\">{E(error)}</p>");
        }
        html.Append("<form method=\"post\" action=\"/oauth/authorize\">");
        foreach (var (name, value) in parameters.All.Where(p => p.Value is not null))
        {
            html.Append($"<input type=\"hidden\" name=\"{name}\" value=\"{E(value!)}\">");
        }
        html.Append("<fieldset><legend>Sign in as</legend>");
        foreach (var researcher in researchers)
        {
            html.Append($"<label><input type=\"radio\" name=\"researcher\" value=\"{E(researcher.Orcid)}\"> {E(researcher.Name)} ({E(researcher.Orcid)})</label><br>");
        }
        html.Append($$"""
            </fieldset>
            <fieldset><legend>or with email and password</legend>
              <label>Email <input name="signin_email" value="{{E(parameters.Email ?? "")}}"></label><br>
              <label>Password <input name="signin_password" type="password"></label>
            </fieldset>
            <button name="decision" value="authorize">Authorize access</button>
            <button name="decision" value="deny">Deny access</button>
            </form></body></html>
            """);
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    static string E(string text) => WebUtility.HtmlEncode(text);
}
