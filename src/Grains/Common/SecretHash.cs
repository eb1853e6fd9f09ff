using System.Security.Cryptography;
using System.Text;

namespace Consortium.Grains.Common;

/// <summary>How grains keep a secret they must recognise but never show again (API keys, invitation links).</summary>
public static class SecretHash
{
    public static byte[] Of(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Compares in constant time, so timing says nothing about how much of a guess was right.</summary>
    public static bool Matches(byte[] stored, string presented) => CryptographicOperations.FixedTimeEquals(stored, Of(presented));
}
