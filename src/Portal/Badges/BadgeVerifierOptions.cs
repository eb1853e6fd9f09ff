namespace Consortium.Portal.Badges;

/// <summary><c>Badges:Verifier</c>: how the badge verifier fetches issuers' keys and status lists, addresses a credential names.</summary>
public sealed class BadgeVerifierOptions
{
    public const string SectionName = "Badges:Verifier";

    /// <summary>A credential chooses the addresses the verifier fetches, so by default none inside this network (loopback,
    /// private, link-local) is reached. On for a portal that verifies its own badges at a local address (Development, tests).</summary>
    public bool AllowPrivateNetworks { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A key set or status list larger than this is refused (a status list of 131,072 bits is about 200 bytes gzipped).</summary>
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>The largest badge (JWT, JSON or baked PNG) accepted for checking.</summary>
    public const int MaxBadgeBytes = 5 * 1024 * 1024;
}
