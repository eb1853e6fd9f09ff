using Consortium.Grains.Templates;
using Consortium.Grains.Tenants;
using Consortium.Grains.Billing;
using Consortium.Orcid;

namespace Consortium.Grains.Issuing;

/// <summary>What a write reads about its tenant: the profile (the organisation a qualification names, and whether issuing is
/// open in this environment) and the templates. The queue reads it for the issuances it runs, instead of each write reading
/// both grains.</summary>
/// <param name="Tenant">Null when the tenant does not exist (any more).</param>
[GenerateSerializer, Immutable]
public sealed record IssuingContext(
    [property: Id(0)] TenantProfile? Tenant,
    [property: Id(1)] IReadOnlyDictionary<string, QualificationTemplate> Templates,
    [property: Id(2)] BillingStanding Billing)
{
    /// <summary><see cref="TenantProfile.ClosedIn"/> with the consortium's billing read with the profile.</summary>
    public string? ClosedIn(OrcidEnvironment environment, DateTimeOffset now) => Tenant?.ClosedIn(environment, Billing, now);
}
