namespace Consortium.Grains.OrcidClients;

/// <summary>One environment's client. The secret is stored only as Data Protection ciphertext.</summary>
[GenerateSerializer, Alias("OrcidClientState")]
public sealed record OrcidClientState
{
    [Id(0)] public OrcidClientView? View { get; init; }

    [Id(1)] public string? ProtectedSecret { get; init; }
}
