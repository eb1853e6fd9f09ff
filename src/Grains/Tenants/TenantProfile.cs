using Consortium.Orcid;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Billing;

namespace Consortium.Grains.Tenants;

/// <summary>A member organisation as its pages and qualifications show it. The ROR id is held as ORCID holds it,
/// <c>https://ror.org/…</c> (bare in profiles saved before; <see cref="Common.RorId.OrcidForm"/> reads both).</summary>
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

    /// <summary>Why consent and issuing are closed in <paramref name="environment"/>, or null when they are open: the one rule the
    /// researcher pages, the consent callback, submitting and every ORCID write ask. <paramref name="billing"/> is the consortium's
    /// (<see cref="Billing.BillingStanding.NotConfigured"/> where billing is not configured); it never closes sandbox.</summary>
    public string? ClosedIn(OrcidEnvironment environment, BillingStanding billing, DateTimeOffset now) =>
        IsSuspended ? $"{Name} is suspended by its consortium: nothing is connected or written until the consortium's lead resumes it."
        : environment != OrcidEnvironment.Production ? null
        : !IsLaunchApproved ? "Production opens when the consortium approves this organisation's launch review. Use sandbox until then."
        : billing.ClosesProduction(now);

    /// <summary>What is still missing before a qualification names this organisation: its ROR id, which verifications match
    /// issuers by. City and country are optional for ORCID's qualifications (a city needs a country, which
    /// <see cref="OrganisationDetails.Validated"/> ensures).</summary>
    public string? MissingOrganisationDetails => RorId is null ? "the organisation's ROR id" : null;
}
