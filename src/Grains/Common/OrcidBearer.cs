using Consortium.Orcid.Http;

namespace Consortium.Grains.Common;

/// <summary>A bearer token and the client it was issued to: a researcher's token, or a client-credentials token.</summary>
[GenerateSerializer, Immutable]
public sealed record OrcidBearer([property: Id(0)] string ClientId, [property: Id(1)] string AccessToken)
{
    public OrcidAccess ToOrcidAccess() => new(ClientId, AccessToken);

    public override string ToString() => $"OrcidBearer {{ ClientId = {ClientId}, AccessToken = *** }}";
}
