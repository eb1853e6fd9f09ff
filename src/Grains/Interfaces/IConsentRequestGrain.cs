using Consortium.Grains.Researchers;

namespace Consortium.Grains.Interfaces;

/// <summary>An OAuth <c>state</c>: single use, bound to tenant, environment and browser, and short-lived (kept in memory only).
/// Key: <c>cr:{state}</c>.</summary>
[Alias("IConsentRequestGrain")]
public interface IConsentRequestGrain : IGrainWithStringKey
{
    [Alias("Begin")]
    Task BeginAsync(ConsentRequest request);

    /// <summary>ORCID redirected back with a code: exchanges it, stores the consent, and applies the invitation.
    /// When ORCID does not answer the exchange, the outcome says so and nothing is stored.</summary>
    /// <exception cref="ConsentRefusedException">The state is unknown, used, expired, or from another tenant or browser; or ORCID refused the code.</exception>
    [Alias("Authorize")]
    Task<ConsentOutcome> AuthorizeAsync(string tenant, string browserProof, string code, Uri redirectUri);

    /// <summary>ORCID redirected back with <c>error=access_denied</c>.</summary>
    /// <exception cref="ConsentRefusedException">The state is unknown, used, expired, or from another tenant or browser.</exception>
    [Alias("Deny")]
    Task<ConsentOutcome> DenyAsync(string tenant, string browserProof);
}
