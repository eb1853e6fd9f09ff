using Consortium.Grains.Common;
using Consortium.Grains.Tenants;
using Consortium.Grains.Trust;

namespace Consortium.Grains.Interfaces;

/// <summary>A tenant's trust rules, every version kept so each decision can name the version it used. Key: <see cref="TenantKey.For"/>.</summary>
[Alias("ITenantTrustRulesGrain")]
public interface ITenantTrustRulesGrain : IGrainWithStringKey
{
    /// <summary>Saves a new version of the rule; saving it unchanged keeps the current version.</summary>
    /// <exception cref="InvalidFieldException">A field is malformed; nothing is changed.</exception>
    [Alias("Save")]
    Task<TrustRule> SaveAsync(string id, TrustRuleInput input);

    /// <returns>The rule's latest version, or the given one; null when there is none.</returns>
    [Alias("Get")]
    Task<TrustRule?> GetAsync(string id, int? version = null);

    /// <summary>The latest version of every rule.</summary>
    [Alias("List")]
    Task<IReadOnlyList<TrustRule>> ListAsync();

    [Alias("Versions")]
    Task<IReadOnlyList<TrustRule>> VersionsAsync(string id);
}
