using System.Security.Cryptography;

namespace Consortium.Portal.Security;

/// <summary>
/// Headers on every response (pages, API, static files, error pages): scripts only from this site (and the import map
/// Blazor writes inline, by a nonce of this request), no sniffing, no framing, no full URL (invitation tokens) in the
/// Referer to other sites. A request may name the origins allowed to frame it (<see cref="AllowFramingBy"/>: the LTI tool inside a
/// registered course platform); every other response keeps <c>frame-ancestors 'none'</c>.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "consortium.csp-nonce";
    private const string FrameAncestorsKey = "consortium.frame-ancestors";

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
                var framers = http.Items[FrameAncestorsKey] as IReadOnlyCollection<string> ?? [];
                var ancestors = framers.Count == 0 ? "'none'" : string.Join(' ', framers);
                headers.TryAdd("Content-Security-Policy", $"script-src 'self' 'nonce-{nonce}'; object-src 'none'; base-uri 'self'; frame-ancestors {ancestors}");
                headers.TryAdd("X-Content-Type-Options", "nosniff");
                if (framers.Count == 0)
                {
                    // Over antiforgery's SAMEORIGIN: no other page of the portal is meant to be framed.
                    headers.XFrameOptions = "DENY";
                }
                else
                {
                    // X-Frame-Options cannot name another origin; frame-ancestors above says who may frame this response.
                    headers.Remove("X-Frame-Options");
                }
                headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
                return Task.CompletedTask;
            });
            return next(http);
        });

    /// <summary>Lets <paramref name="origins"/> (scheme://host[:port], nothing else) frame this response.</summary>
    public static void AllowFramingBy(HttpContext http, IReadOnlyCollection<string> origins) => http.Items[FrameAncestorsKey] = origins;

    /// <summary>The nonce of this request's script policy, for the one inline script (Blazor's import map).</summary>
    public static string NonceOf(HttpContext http) => (string)http.Items[NonceKey]!;
}
