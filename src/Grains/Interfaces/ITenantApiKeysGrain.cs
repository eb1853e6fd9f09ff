using Consortium.Grains.ApiKeys;
using Consortium.Grains.Common;

namespace Consortium.Grains.Interfaces;

/// <summary>One tenant's API keys. Key: the tenant's grain key.</summary>
[Alias("ITenantApiKeysGrain")]
public interface ITenantApiKeysGrain : IGrainWithStringKey
{
    /// <exception cref="InvalidFieldException">The name is empty or too long.</exception>
    [Alias("Create")]
    Task<CreatedApiKey> CreateAsync(string name);

    [Alias("List")]
    Task<IReadOnlyList<ApiKeyView>> ListAsync();

    /// <exception cref="NotFoundException">No key has this id.</exception>
    [Alias("Revoke")]
    Task RevokeAsync(string id);

    /// <returns>True when the key is this tenant's and not revoked; records its use.</returns>
    [Alias("Verify")]
    Task<bool> VerifyAsync(string id, string secret);
}
