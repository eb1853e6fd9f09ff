using Consortium.Orcid;
namespace Consortium.Grains.OrcidClients;

/// <summary>ORCID could not be reached, so nothing that depended on its answer was done.</summary>
[GenerateSerializer, Alias("OrcidUnreachableException")]
public sealed class OrcidUnreachableException(OrcidEnvironment environment, string reason)
    : Exception($"ORCID {environment.Name()} could not be reached ({reason}). Nothing was changed; try again in a moment.");
