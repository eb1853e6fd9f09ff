using System.Security.Cryptography;

namespace Consortium.Silo.KeyRing;

/// <summary>The configured AES key-encryption keys: the current one encrypts, every one decrypts what it encrypted.
/// Each is known by an id derived from it, stored next to what it encrypted, so the right one is found after a rotation.</summary>
public sealed class KeyEncryptionKeys
{
    public const int KeyBytes = 32;

    private readonly Dictionary<string, byte[]> _byId;

    /// <param name="current">The encrypting key; null when a certificate encrypts and these keys only decrypt.</param>
    public KeyEncryptionKeys(byte[]? current, IEnumerable<byte[]> previous)
    {
        Current = current;
        _byId = new[] { current }.Concat(previous).OfType<byte[]>().DistinctBy(IdOf).ToDictionary(IdOf, key => key);
    }

    public byte[]? Current { get; }

    public byte[]? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Names a key without revealing it: the first 8 bytes of a hash of it under a fixed label.</summary>
    public static string IdOf(byte[] key) => Convert.ToHexStringLower(HMACSHA256.HashData(key, "consortium key-encryption key id"u8)[..8]);

    /// <exception cref="InvalidOperationException">Not base64 of 32 bytes; says which setting.</exception>
    public static byte[] Parse(string setting, string value)
    {
        var bytes = new byte[KeyBytes + 1];
        return Convert.TryFromBase64String(value.Trim(), bytes, out var written) && written == KeyBytes
            ? bytes[..KeyBytes]
            : throw new InvalidOperationException($"{setting} must be a 256-bit key in base64 (32 random bytes, e.g. `openssl rand -base64 32`).");
    }
}
