namespace Consortium.Grains.Verification;

/// <summary>Configuration section <c>Verification</c>.</summary>
public sealed class VerificationOptions
{
    public const string SectionName = "Verification";

    /// <summary>How long a record read from ORCID answers verifications without asking ORCID again (a webhook ends it sooner).</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromMinutes(10);
}
