namespace Consortium.Grains.Issuing;

[GenerateSerializer, Alias("IssuanceState")]
public sealed record IssuanceState
{
    [Id(0)] public IssuanceView? View { get; init; }

    [Id(1)] public NewIssuance? Request { get; init; }

    [Id(2)] public string? CertificateUrl { get; init; }

    /// <summary>The organisation withdrew it: delete from ORCID.</summary>
    [Id(3)] public bool RevokeRequested { get; init; }

    /// <summary>A hash of the qualification as last written, so a changed template or issuance is written again (PUT).</summary>
    [Id(4)] public string? WrittenFingerprint { get; init; }

    /// <summary>Check ORCID still has it (reconciliation).</summary>
    [Id(5)] public bool CheckRequested { get; init; }

    [Id(6)] public string? InvitationId { get; init; }

    /// <summary>The iD ORCID deprecated into <see cref="Request"/>'s, when it was moved.</summary>
    [Id(7)] public string? MovedFrom { get; init; }

    /// <summary>Counts the stored changes: the projection keeps the row of the highest version it was given.</summary>
    [Id(8)] public long Version { get; init; }

    /// <summary>The credential's place in the tenant's status lists, given when its credential is first asked for.</summary>
    [Id(9)] public Badges.StatusIndex? StatusIndex { get; init; }
}
