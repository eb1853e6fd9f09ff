namespace Consortium.Grains.Verification;

/// <summary>Configuration section <c>Verification</c>.</summary>
public sealed class VerificationOptions
{
    public const string SectionName = "Verification";

    /// <summary>How long a record read from ORCID answers verifications without asking ORCID again (a webhook ends it sooner).</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a record's webhook counts as registered before a verification registers it again (a repeat is
    /// harmless: ORCID answers 204 for a hook it has), so a hook ORCID dropped comes back.</summary>
    public TimeSpan WebhookRecheck { get; set; } = TimeSpan.FromDays(1);
}
