using Org.BouncyCastle.Crypto.Parameters;

namespace Consortium.Grains.Badges.DataIntegrity;

/// <summary>Ed25519 keys (RFC 8032) through BouncyCastle: the public key of a 32-byte seed.</summary>
public static class Ed25519
{
    public static byte[] PublicKey(ReadOnlySpan<byte> seed) => new Ed25519PrivateKeyParameters(seed).GeneratePublicKey().GetEncoded();
}
