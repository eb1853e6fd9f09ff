using Consortium.Orcid.Http;

namespace Consortium.Grains.Researchers;

/// <summary>What it takes to write to a connected researcher's record: the client id and the researcher's token.</summary>
[GenerateSerializer, Immutable]
public sealed record ResearcherAccess([property: Id(0)] string ClientId, [property: Id(1)] string AccessToken)
{
    public OrcidAccess ToOrcidAccess() => new(ClientId, AccessToken);

    public override string ToString() => $"ResearcherAccess {{ ClientId = {ClientId}, AccessToken = *** }}";
}
