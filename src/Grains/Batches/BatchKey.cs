using System.Security.Cryptography;

namespace Consortium.Grains.Batches;

public static class BatchKey
{
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static string For(string tenantSlug, string batchId) => $"b:{tenantSlug}:{batchId}";
}
