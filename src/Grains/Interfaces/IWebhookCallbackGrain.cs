using Consortium.Grains.Verification;

namespace Consortium.Grains.Interfaces;

/// <summary>The one callback address a record's webhook is registered with. ORCID keeps a hook per record and address
/// (orcid-persistence/src/main/java/org/orcid/persistence/jpa/entities/WebhookEntity.java), and every address made for a
/// verification differs (its token is encrypted afresh), so without this each new activation of the record would add a hook
/// and each change would be called back once per hook. Key: <see cref="VerificationKey.Record"/>.</summary>
[Alias("IWebhookCallbackGrain")]
public interface IWebhookCallbackGrain : IGrainWithStringKey
{
    /// <summary>The address registered before, if the portal still lives at the same address; else <paramref name="proposed"/>, kept from now on.</summary>
    [Alias("Pin")]
    Task<Uri> PinAsync(Uri proposed);
}
