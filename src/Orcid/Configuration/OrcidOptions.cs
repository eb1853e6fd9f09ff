namespace Consortium.Orcid.Configuration;

/// <summary>Configuration section <c>Orcid</c>. Every value has a default that talks to the real ORCID.</summary>
public sealed class OrcidOptions
{
    public const string SectionName = "Orcid";

    public OrcidEndpoints Sandbox { get; set; } = OrcidEndpoints.RealSandbox();
    public OrcidEndpoints Production { get; set; } = OrcidEndpoints.RealProduction();

    /// <summary>Time allowed to one attempt of a call before it counts as a transient failure.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>First retry delay; later ones grow exponentially with jitter, unless ORCID sends Retry-After.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>ORCID's member API limit per client: 24 requests a second, bursts of 40.</summary>
    public int RequestsPerSecond { get; set; } = 24;

    public int Burst { get; set; } = 40;

    /// <summary>ORCID's public API limit per client (or per address, anonymously): 12 requests a second, bursts of 40.
    /// A bucket of its own: the public API is another host with another limit.</summary>
    public int PublicRequestsPerSecond { get; set; } = 12;

    public int PublicBurst { get; set; } = 40;

    /// <summary>The longest <c>Retry-After</c> (on a 429 or 503) the client waits out before trying again; a longer one, or a 429
    /// without one (ORCID's daily public API quota), fails the call at once.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    public OrcidEndpoints For(OrcidEnvironment environment) => environment switch
    {
        OrcidEnvironment.Sandbox => Sandbox,
        OrcidEnvironment.Production => Production,
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown ORCID environment."),
    };
}
