using System.Diagnostics.CodeAnalysis;

namespace Consortium.Grains.ApiKeys;

/// <summary>
/// A tenant API key as a caller presents it: <c>ck.{tenant}.{id}.{secret}</c>. The tenant and id say which
/// grain checks it, so a request needs one grain call, not a search; only a hash of the secret is stored.
/// </summary>
public sealed record ApiKey(string TenantSlug, string Id, string Secret)
{
    private const string Prefix = "ck";

    public override string ToString() => $"{Prefix}.{TenantSlug}.{Id}.{Secret}";

    /// <summary>What the UI may show of a key: enough to recognise it, nothing to use.</summary>
    public string Hint => $"{Prefix}.{TenantSlug}.{Id}.…{Secret[^4..]}";

    public static bool TryParse(string? value, [NotNullWhen(true)] out ApiKey? key)
    {
        var parts = value?.Split('.');
        key = parts is [Prefix, { Length: > 0 } tenant, { Length: > 0 } id, { Length: > 4 } secret] ? new ApiKey(tenant, id, secret) : null;
        return key is not null;
    }
}
