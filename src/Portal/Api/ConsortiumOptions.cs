namespace Consortium.Portal.Api;

/// <summary>The <c>Consortium</c> configuration section.</summary>
public sealed class ConsortiumOptions
{
    public const string SectionName = "Consortium";

    /// <summary>The platform operator's API key. When absent, the portal makes one for each run and prints it.</summary>
    public string? OperatorApiKey { get; set; }
}
