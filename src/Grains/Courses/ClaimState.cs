namespace Consortium.Grains.Courses;

[GenerateSerializer, Alias("ClaimState")]
public sealed record ClaimState
{
    [Id(0)] public NewClaim? Request { get; init; }

    [Id(1)] public ClaimView? View { get; init; }

    /// <summary>The link's handle, naming this claim in <see cref="ClaimKey.Link"/>.</summary>
    [Id(2)] public string Handle { get; init; } = "";

    [Id(3)] public byte[] SecretHash { get; init; } = [];

    /// <summary>The whole link token, encrypted with Data Protection, so the same request again can answer the same link.</summary>
    [Id(4)] public string ProtectedToken { get; init; } = "";

    /// <summary>Where certificate pages are served, for the issuance the claim becomes.</summary>
    [Id(5)] public string PortalUrl { get; init; } = "";

    /// <summary>Increases with every change: the projection keeps the newest.</summary>
    [Id(6)] public long Version { get; init; }
}
