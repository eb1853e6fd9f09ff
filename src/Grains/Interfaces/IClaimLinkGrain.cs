using Consortium.Grains.Courses;

namespace Consortium.Grains.Interfaces;

/// <summary>Which claim a link's handle names. Key: <see cref="ClaimKey.Link"/>.</summary>
[Alias("IClaimLinkGrain")]
public interface IClaimLinkGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task RegisterAsync(string claimId);

    /// <returns>The claim's id, or null when no claim has this handle.</returns>
    [Alias("GetClaimId")]
    Task<string?> GetClaimIdAsync();
}
