namespace Consortium.Portal.Hosting;

/// <summary>
/// The <c>Orcid:Simulators</c> section: embedded mode runs two simulated ORCID environments in-process, so a
/// first run works offline end to end. Turn them off to use real ORCID.
/// </summary>
public sealed class EmbeddedOrcidOptions
{
    public const string SectionName = "Orcid:Simulators";

    public bool Enabled { get; set; } = true;

    public string SandboxUrl { get; set; } = "http://localhost:5081";

    public string ProductionUrl { get; set; } = "http://localhost:5082";
}
