using Microsoft.Extensions.Options;

namespace Consortium.Portal.Badges;

/// <summary>Fetches what a badge points to (an issuer's key set, a status list) within <see cref="BadgeVerifierOptions"/>'
/// limits, over the guarded connection of <see cref="BadgeFetchHandler"/>.</summary>
public sealed class BadgeFetcher(HttpClient http, IOptions<BadgeVerifierOptions> options, ILogger<BadgeFetcher> logger)
{
    /// <returns>The body, or null when the address does not answer 200 within the limits.</returns>
    public async Task<string?> GetAsync(Uri address, CancellationToken cancellation)
    {
        if (address.Scheme is not ("https" or "http"))
        {
            return null;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await http.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > options.Value.MaxResponseBytes)
            {
                return null;
            }
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return body.Length <= options.Value.MaxResponseBytes ? body : null;
        }
        catch (Exception failed) when (failed is HttpRequestException or OperationCanceledException && !cancellation.IsCancellationRequested)
        {
            logger.LogInformation("Badge verifier could not fetch {Address}: {Error}", address, failed.Message);
            return null;
        }
    }
}
