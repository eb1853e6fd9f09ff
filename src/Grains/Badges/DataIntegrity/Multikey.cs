namespace Consortium.Grains.Badges.DataIntegrity;

/// <summary>An Ed25519 public key as Multikey writes it (W3C Controlled Identifiers v1.0, "Multikey"; Data Integrity EdDSA
/// Cryptosuites v1.0, section 2.1.1): multibase base58btc (<c>z</c>) of the multicodec prefix 0xed 0x01 and the 32-byte key,
/// so always <c>z6Mk…</c>. A <c>did:key</c> of such a key is the same text after <c>did:key:</c>.</summary>
public static class Multikey
{
    public const string DidKeyPrefix = "did:key:";

    public static string Encode(ReadOnlySpan<byte> publicKey) =>
        publicKey.Length == 32 ? "z" + Base58Btc.Encode([0xed, 0x01, .. publicKey]) : throw new ArgumentException("An Ed25519 public key has 32 bytes.", nameof(publicKey));

    /// <returns>The 32-byte Ed25519 public key, or null when the text is not an Ed25519 Multikey.</returns>
    public static byte[]? Decode(string? publicKeyMultibase)
    {
        if (publicKeyMultibase is not { Length: > 1 } || publicKeyMultibase[0] != 'z')
        {
            return null;
        }
        try
        {
            var bytes = Base58Btc.Decode(publicKeyMultibase[1..]);
            return bytes is [0xed, 0x01, ..] && bytes.Length == 34 ? bytes[2..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The key a <c>did:key:z6Mk…#z6Mk…</c> verification method names, resolved locally (did:key Method v0.7,
    /// "Read"): the fragment must repeat the identifier.</summary>
    /// <returns>The DID (the key's controller) and the key, or null when it is not such a method.</returns>
    public static (string Did, byte[] Key)? FromDidKeyMethod(string verificationMethod)
    {
        if (!verificationMethod.StartsWith(DidKeyPrefix, StringComparison.Ordinal) || verificationMethod.Split('#') is not [var did, var fragment]
            || did[DidKeyPrefix.Length..] != fragment || Decode(fragment) is not { } key)
        {
            return null;
        }
        return (did, key);
    }
}
