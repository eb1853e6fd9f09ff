namespace Consortium.Portal.Hosting;

/// <summary>
/// The <c>Orcid:Simulators</c> section: embedded mode in Development runs two simulated ORCID environments in-process, so a
/// first run works offline end to end. Another environment runs them only when told to, and Production never.
/// </summary>
public sealed class EmbeddedOrcidOptions
{
    public const string SectionName = "Orcid:Simulators";

    /// <summary>Unset: on in Development, off elsewhere. <c>true</c> outside Development is for tests and trials; in
    /// Production it refuses the start.</summary>
    public bool? Enabled { get; set; }

    public string SandboxUrl { get; set; } = "http://localhost:5081";

    public string ProductionUrl { get; set; } = "http://localhost:5082";

    /// <summary>How often the simulators call the portal's webhooks for records that changed. ORCID batches them about
    /// every five minutes; the embedded ones are quick, so a change made in the simulator shows at once.</summary>
    public TimeSpan WebhookBatchInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Keep the simulators' clients, researchers, tokens and records in the data directory
    /// (<c>orcid-simulator-sandbox.json</c>, <c>orcid-simulator-production.json</c>), so that a restart of the portal finds
    /// what the last run made. Off, each start is a fresh ORCID.</summary>
    public bool KeepState { get; set; } = true;
}
