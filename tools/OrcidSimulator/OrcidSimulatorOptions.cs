using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator;

/// <summary>How one simulated ORCID environment starts.</summary>
public sealed class OrcidSimulatorOptions
{
    /// <summary>Where it listens, e.g. http://localhost:5081; port 0 picks a free one.</summary>
    public string Url { get; set; } = "http://localhost:5081";

    /// <summary><c>sandbox</c> or <c>production</c>: shown on its pages.</summary>
    public string Environment { get; set; } = "sandbox";

    /// <summary>Clients that exist from the start, e.g. the portal's own sign-in client.</summary>
    public List<SimulatedClient> Clients { get; set; } = [];

    /// <summary>Researchers that exist from the start, e.g. demo people who can sign in.</summary>
    public List<SimulatedResearcher> Researchers { get; set; } = [];
}
