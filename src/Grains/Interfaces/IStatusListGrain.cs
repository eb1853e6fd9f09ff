using Consortium.Grains.Badges;

namespace Consortium.Grains.Interfaces;

/// <summary>A tenant's revocation status lists (W3C Bitstring Status List). Key: <see cref="IssuerKeys.For"/>.</summary>
[Alias("IStatusListGrain")]
public interface IStatusListGrain : IGrainWithStringKey
{
    /// <summary>A new place for a credential, never handed out twice.</summary>
    [Alias("Allocate")]
    Task<StatusIndex> AllocateAsync();

    /// <summary>Sets the place's bit; setting it again changes nothing.</summary>
    [Alias("Revoke")]
    Task RevokeAsync(StatusIndex index);

    /// <returns>The revoked positions of list <paramref name="list"/>, or null when no place of that list was handed out.</returns>
    [Alias("GetRevoked")]
    Task<IReadOnlyList<int>?> GetRevokedAsync(int list);
}
