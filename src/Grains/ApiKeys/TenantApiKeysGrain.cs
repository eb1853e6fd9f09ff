using System.Security.Cryptography;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Consortium.Grains.Tenants;
using Consortium.Grains.Snapshots;

namespace Consortium.Grains.ApiKeys;

public sealed class TenantApiKeysGrain(
    [PersistentState("tenant-api-keys", GrainStorage.Name)] IPersistentState<ApiKeysState> state,
    TimeProvider clock) : Grain, ITenantApiKeysGrain
{
    public const int MaxNameLength = 100;

    // Recording every use would write state on every API request; a minute's precision is enough for "last used".
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public async Task<CreatedApiKey> CreateAsync(string name)
    {
        var validName = Fields.Text("name", name, MaxNameLength, "key's name");
        var key = new ApiKey(TenantSlug, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));
        var view = new ApiKeyView(key.Id, validName, key.Hint, clock.GetUtcNow(), LastUsedAt: null, RevokedAt: null);
        await SaveAsync([.. state.State.Keys, new StoredApiKey(view, SecretHash.Of(key.Secret))]);
        return new CreatedApiKey(view, key.ToString());
    }

    public Task<IReadOnlyList<ApiKeyView>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ApiKeyView>>([.. state.State.Keys.Select(key => key.View)]);

    public async Task RevokeAsync(string id)
    {
        var stored = Find(id) ?? throw new NotFoundException($"There is no API key '{id}'.");
        if (stored.View.RevokedAt is null)
        {
            await ReplaceAsync(stored, stored with { View = stored.View with { RevokedAt = clock.GetUtcNow() } });
            // Refused from the moment this returns, wherever the key was accepted from a snapshot.
            await GrainFactory.TenantChangedAsync(TenantSlug);
        }
    }

    public async Task<bool> VerifyAsync(string id, string secret)
    {
        var stored = Find(id);
        if (stored is null || stored.View.RevokedAt is not null || !SecretHash.Matches(stored.SecretHash, secret))
        {
            return false;
        }
        var now = clock.GetUtcNow();
        if (stored.View.LastUsedAt is not { } lastUsed || now - lastUsed >= LastUsedPrecision)
        {
            await ReplaceAsync(stored, stored with { View = stored.View with { LastUsedAt = now } });
        }
        return true;
    }

    private string TenantSlug => TenantKey.SlugOf(this.GetPrimaryKeyString());

    private StoredApiKey? Find(string id) => state.State.Keys.FirstOrDefault(key => key.View.Id == id);

    private Task ReplaceAsync(StoredApiKey old, StoredApiKey updated) =>
        SaveAsync([.. state.State.Keys.Select(key => key == old ? updated : key)]);

    private async Task SaveAsync(IReadOnlyList<StoredApiKey> keys)
    {
        state.State = state.State with { Keys = keys };
        await state.WriteStateAsync();
    }
}
