namespace Consortium.Grains.Tenants;

/// <summary>A member organisation as its pages and qualifications show it. City, country and ROR id are what
/// ORCID needs to name the organisation in a qualification.</summary>
[GenerateSerializer, Immutable]
public sealed record TenantProfile(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Name,
    [property: Id(2)] string? RorId,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string ConsortiumSlug,
    [property: Id(5)] DateTimeOffset? SuspendedAt = null,
    [property: Id(6)] string? City = null,
    [property: Id(7)] string? Country = null,
    [property: Id(8)] DateTimeOffset? LaunchApprovedAt = null)
{
    public bool IsSuspended => SuspendedAt is not null;

    /// <summary>Production consent and issuing stay closed until the consortium approves the launch review.</summary>
    public bool IsLaunchApproved => LaunchApprovedAt is not null;

    /// <summary>What is still missing before ORCID will accept a qualification naming this organisation.</summary>
    public string? MissingOrganisationDetails =>
        (RorId, City, Country) switch
        {
            (null, _, _) => "the organisation's ROR id",
            (_, null, _) => "the organisation's city",
            (_, _, null) => "the organisation's country",
            _ => null,
        };
}
