using Consortium.Grains.Staff;

namespace Consortium.Grains.Interfaces;

/// <summary>The roles one person holds. Key: <see cref="StaffKey.For"/> of their ORCID iD.</summary>
[Alias("IStaffGrain")]
public interface IStaffGrain : IGrainWithStringKey
{
    [Alias("GetRoles")]
    Task<IReadOnlyList<StaffRole>> GetRolesAsync();

    /// <summary>Idempotent: granting a role held already changes nothing.</summary>
    [Alias("Grant")]
    Task GrantAsync(StaffRole role);

    [Alias("Revoke")]
    Task RevokeAsync(StaffRole role);
}
