namespace Consortium.Silo.KeyRing;

/// <summary>
/// The <c>DataProtection</c> configuration section: the key-encryption key (KEK) that encrypts Data Protection's key ring
/// before it is stored in the database, so a copy of the database alone decrypts none of the secrets the ring protects.
/// Configure one way of encrypting (a key or a certificate); the previous ones keep decrypting what they encrypted.
/// </summary>
public sealed class KeyRingProtectionOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A 256-bit AES key, base64 (e.g. <c>openssl rand -base64 32</c>), from a secret store or a mounted secret.</summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>Keys that encrypted the ring before <see cref="KeyEncryptionKey"/>: used to decrypt only.</summary>
    public string[] PreviousKeyEncryptionKeys { get; set; } = [];

    /// <summary>An X.509 certificate with its private key: a PFX, or a PEM certificate with <see cref="CertificateFile.KeyPath"/>.</summary>
    public CertificateFile? Certificate { get; set; }

    /// <summary>Certificates that encrypted the ring before <see cref="Certificate"/>: used to decrypt only.</summary>
    public CertificateFile[] PreviousCertificates { get; set; } = [];
}

/// <summary>A certificate and its private key on disk, e.g. a mounted Kubernetes TLS secret (<c>tls.crt</c>, <c>tls.key</c>).</summary>
public sealed class CertificateFile
{
    /// <summary>A PFX (PKCS#12) file, or a PEM certificate when <see cref="KeyPath"/> is set.</summary>
    public string? Path { get; set; }

    /// <summary>The PEM private key of a PEM certificate.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The PFX's password.</summary>
    public string? Password { get; set; }
}
