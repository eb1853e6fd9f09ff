using Consortium.Grains.Common;
using Consortium.Grains.Verification;

namespace Consortium.Grains.Interfaces;

/// <summary>Verifies records for one tenant: gathers the rule and what it needs, and asks the record grain. A stateless
/// worker, so verifications run in parallel on every silo. Key: the tenant's slug.</summary>
[Alias("IVerifierGrain")]
public interface IVerifierGrain : IGrainWithStringKey
{
    /// <returns>Allow or deny with evidence; unknown when ORCID could not be reached and no fresh copy was cached.</returns>
    /// <exception cref="InvalidFieldException">The environment, iD or draft rule is malformed.</exception>
    /// <exception cref="NotFoundException">No rule has this id.</exception>
    [Alias("Verify")]
    Task<VerificationResult> VerifyAsync(VerificationRequest request);
}
