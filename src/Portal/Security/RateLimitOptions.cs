namespace Consortium.Portal.Security;

/// <summary><c>RateLimits:Anonymous</c> (per client IP) and <c>RateLimits:Api</c> (per API key) requests per window.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Researcher pages, connect and callback, certificates, invitations, webhooks, and API calls without a valid
    /// key (so guessing keys is slow): per client IP.</summary>
    public WindowLimit Anonymous { get; set; } = new() { PermitLimit = 300, Window = TimeSpan.FromMinutes(1) };

    /// <summary>API calls with a valid key: per key.</summary>
    public WindowLimit Api { get; set; } = new() { PermitLimit = 60_000, Window = TimeSpan.FromMinutes(1) };

    public sealed class WindowLimit
    {
        public int PermitLimit { get; set; }

        public TimeSpan Window { get; set; }
    }
}
