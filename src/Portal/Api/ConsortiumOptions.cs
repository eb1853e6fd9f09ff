namespace Consortium.Portal.Api;

/// <summary>The <c>Consortium</c> configuration section.</summary>
public sealed class ConsortiumOptions
{
    public const string SectionName = "Consortium";

    /// <summary>The platform operator's API key. When absent in embedded Development, the portal makes one for each run and prints it;
    /// a cluster's portals require it (one key for all of them).</summary>
    public string? OperatorApiKey { get; set; }
}
