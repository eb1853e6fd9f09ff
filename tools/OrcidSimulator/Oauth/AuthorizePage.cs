using System.Net;
using System.Text;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.Oauth;

/// <summary>The sign-in and consent page: pick a researcher, sign in with email and password, or create a test researcher
/// (as ORCID's own page offers to register, prefilled from <c>given_names</c>, <c>family_names</c> and <c>email</c>), then
/// Authorize or Deny.</summary>
public static class AuthorizePage
{
    public static IResult Render(string environmentName, AuthorizeParameters parameters, string clientName, IReadOnlyList<SimResearcher> researchers,
        string? error = null, NewResearcherForm? typed = null)
    {
        var html = new StringBuilder();
        html.Append($$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>ORCID simulator ({{E(environmentName)}}) – authorize</title>
            <style>
              body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #333; }
              h1 { color: #5a7d0f; } .error { color: #b00020; } fieldset { margin: 1rem 0; }
              label { display: block; margin: .4rem 0; } input:not([type=radio]) { width: 100%; max-width: 22rem; padding: .3rem; box-sizing: border-box; }
              button { padding: .6rem 1.5rem; margin: 0 1rem .5rem 0; }
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
            html.Append($"<label><input type=\"radio\" name=\"researcher\" value=\"{E(researcher.Orcid)}\"> {E(researcher.Name)} ({E(researcher.Orcid)})</label>");
        }
        html.Append($$"""
            </fieldset>
            <fieldset><legend>or with email and password</legend>
              <label>Email <input name="signin_email" type="email" autocomplete="username" value="{{E(parameters.Email ?? "")}}"></label>
              <label>Password <input name="signin_password" type="password" autocomplete="current-password"></label>
            </fieldset>
            <button name="decision" value="authorize">Authorize access</button>
            <button name="decision" value="deny">Deny access</button>
            <fieldset><legend>or create a test researcher</legend>
              <label>Given names <input name="new_given_names" autocomplete="given-name" value="{{E(typed?.GivenNames ?? parameters.GivenNames ?? "")}}"></label>
              <label>Family names <input name="new_family_names" autocomplete="family-name" value="{{E(typed?.FamilyNames ?? parameters.FamilyNames ?? "")}}"></label>
              <label>Email <input name="new_email" type="email" autocomplete="email" value="{{E(typed?.Email ?? parameters.Email ?? "")}}"></label>
              <label>Password (at least {{NewResearcher.MinimumPasswordLength}} characters) <input name="new_password" type="password" autocomplete="new-password"></label>
            </fieldset>
            <button name="decision" value="register">Create researcher and authorize</button>
            </form></body></html>
            """);
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    /// <summary>ORCID's own error page, for an authorize request it cannot send back (400).</summary>
    public static IResult Error(string environmentName, string error, string description) => Results.Content($$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>ORCID simulator ({{E(environmentName)}}) – error</title>
        <style>body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #333; } h1 { color: #5a7d0f; }</style>
        </head><body>
        <h1>ORCID simulator</h1>
        <h2>Oops, something went wrong</h2>
        <p>{{E(description)}}</p>
        <p>Go back to the site you came from and let its organisation know. (<code>{{E(error)}}</code>)</p>
        </body></html>
        """, "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

    public sealed record NewResearcherForm(string? GivenNames, string? FamilyNames, string? Email, string? Password);

    static string E(string text) => WebUtility.HtmlEncode(text);
}
