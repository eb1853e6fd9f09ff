using System.Security.Cryptography;

namespace Consortium.Portal.Security;

/// <summary>
/// Headers on every response (pages, API, static files, error pages): scripts only from this site (and the import map
/// Blazor writes inline, by a nonce of this request), no sniffing, no framing, no full URL (invitation tokens) in the
/// Referer to other sites.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "consortium.csp-nonce";

    public static void UseSecurityHeaders(this WebApplication app) =>
        app.Use((http, next) =>
        {
            // Hex: a nonce that HTML leaves as it is.
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            http.Items[NonceKey] = nonce;
            // When the response starts, so an error page that cleared the headers gets them too; an endpoint's own
            // policy (the logo's) stays.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.TryAdd("Content-Security-Policy", $"script-src 'self' 'nonce-{nonce}'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'");
                headers.TryAdd("X-Content-Type-Options", "nosniff");
                // Over antiforgery's SAMEORIGIN: no page of the portal is meant to be framed.
                headers.XFrameOptions = "DENY";
                headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
                return Task.CompletedTask;
            });
            return next(http);
        });

    /// <summary>The nonce of this request's script policy, for the one inline script (Blazor's import map).</summary>
    public static string NonceOf(HttpContext http) => (string)http.Items[NonceKey]!;
}
