namespace Consortium.Grains.Interfaces;

/// <summary>An LTI login's <c>state</c> and the nonce the platform's id_token must carry: single use, bound to tenant and platform.
/// Key: <see cref="Lti.LtiLoginGrain.KeyFor"/>.</summary>
[Alias("ILtiLoginGrain")]
public interface ILtiLoginGrain : IGrainWithStringKey
{
    /// <returns>The nonce to send to the platform.</returns>
    [Alias("Begin")]
    Task<string> BeginAsync(string tenant, string platform);

    /// <returns>The nonce, once; null when the state is unknown, used, expired, or for another tenant or platform.</returns>
    [Alias("Consume")]
    Task<string?> ConsumeAsync(string tenant, string platform);
}
