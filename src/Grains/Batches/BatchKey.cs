using System.Security.Cryptography;

namespace Consortium.Grains.Batches;

public static class BatchKey
{
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static string For(string tenantSlug, string batchId) => $"b:{tenantSlug}:{batchId}";

    /// <summary>The tenant of a key made by <see cref="For"/> (slugs hold no colon).</summary>
    public static string TenantOf(string key) => key.Split(':')[1];
}
