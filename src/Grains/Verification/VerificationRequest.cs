using Consortium.Orcid;
using Consortium.Grains.Trust;

namespace Consortium.Grains.Verification;

/// <summary>Check one record against one rule: a saved rule by id, or a draft (<see cref="Draft"/>) being tested in the editor.</summary>
/// <param name="Badge">An Open Badge the researcher showed, already checked by the badge verifier; the rule may accept it.</param>
/// <param name="PortalUrl">Where ORCID's webhook may reach the portal to say the record changed; null registers none.</param>
[GenerateSerializer, Immutable]
public sealed record VerificationRequest(
    [property: Id(0)] OrcidEnvironment Environment,
    [property: Id(1)] string Orcid,
    [property: Id(2)] string? RuleId,
    [property: Id(3)] TrustRuleInput? Draft = null,
    [property: Id(4)] string? PortalUrl = null,
    [property: Id(5)] Badges.BadgeVerification? Badge = null);
