using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;
using Consortium.Grains.Snapshots;

namespace Consortium.Grains.Trust;

public sealed class TenantTrustRulesGrain(
    [PersistentState("trust-rules", GrainStorage.Name)] IPersistentState<TrustRulesState> state,
    TimeProvider clock) : Grain, ITenantTrustRulesGrain
{
    public async Task<TrustRule> SaveAsync(string id, TrustRuleInput input)
    {
        var versions = state.State.Rules.GetValueOrDefault(id ?? "");
        var latest = versions?[^1];
        var rule = input.Validated(id!, (latest?.Version ?? 0) + 1, clock.GetUtcNow());
        await TrustedMembers.EnsureSameConsortiumAsync(GrainFactory, TenantKey.SlugOf(this.GetPrimaryKeyString()), rule.Trust);
        if (latest is not null && Same(latest, rule))
        {
            return latest;
        }
        if (versions is null)
        {
            state.State.Rules[rule.Id] = versions = [];
        }
        versions.Add(rule);
        await state.WriteStateAsync();
        // A decision cached with the old version ends with it: the verifiers now read this one.
        await GrainFactory.TenantChangedAsync(TenantKey.SlugOf(this.GetPrimaryKeyString()));
        return rule;
    }

    public Task<TrustRule?> GetAsync(string id, int? version = null) => Task.FromResult(
        state.State.Rules.GetValueOrDefault(id) is { } versions
            ? version is null ? versions[^1] : versions.FirstOrDefault(v => v.Version == version)
            : null);

    public Task<IReadOnlyList<TrustRule>> ListAsync() =>
        Task.FromResult<IReadOnlyList<TrustRule>>([.. state.State.Rules.Values.Select(v => v[^1]).OrderBy(r => r.Id, StringComparer.Ordinal)]);

    public Task<IReadOnlyList<TrustRule>> VersionsAsync(string id) =>
        Task.FromResult<IReadOnlyList<TrustRule>>(state.State.Rules.GetValueOrDefault(id) is { } versions ? [.. versions] : []);

    /// <summary>Equal but for version and time: the lists compare by content, which records do not do by themselves.</summary>
    private static bool Same(TrustRule a, TrustRule b) =>
        a.Name == b.Name && a.Trust.OwnClient == b.Trust.OwnClient && a.Trust.AnyMember == b.Trust.AnyMember && a.Trust.SelfAsserted == b.Trust.SelfAsserted
        && a.Trust.TrustedClients.SequenceEqual(b.Trust.TrustedClients)
        && a.Title?.Mode == b.Title?.Mode && (a.Title?.Values ?? []).SequenceEqual(b.Title?.Values ?? [])
        && a.OrganisationId == b.OrganisationId && a.ExternalIdType == b.ExternalIdType && a.ExternalIdValuePattern == b.ExternalIdValuePattern
        && a.Validity == b.Validity && a.Combine == b.Combine;
}
