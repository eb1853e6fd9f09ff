using Consortium.Orcid;

namespace Consortium.Grains.Courses;

/// <summary>The claims list: one row per claim in the installation's database, written by its grain after every change (newer
/// version wins), read with the status of the issuance each claim became.</summary>
public interface IClaimsProjection
{
    Task SaveAsync(string tenant, ClaimView claim, long version);

    /// <summary>Newest first.</summary>
    Task<ClaimPage> ListAsync(string tenant, OrcidEnvironment environment, int skip, int take);
}
