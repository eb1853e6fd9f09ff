using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Consortium.Silo.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Consortium.Silo.KeyRing;

/// <summary>
/// Encrypts Data Protection's key ring at rest with a key-encryption key that is not in the database: a configured AES key
/// or an X.509 certificate. Outside Development one is required; Development makes a key file of its own next to the data.
/// </summary>
public static class KeyRingProtection
{
    /// <summary>Development's own key-encryption key, in the data folder, readable by its owner only.</summary>
    public const string DevelopmentKeyFileName = "data-protection-kek.key";

    private const string Section = KeyRingProtectionOptions.SectionName;

    /// <summary>A start outside Development without a key-encryption key is refused on start (see <see cref="RequiredSettings"/>).</summary>
    /// <exception cref="InvalidOperationException">A malformed key or certificate: says what to set.</exception>
    public static void AddKeyRingProtection(this IHostApplicationBuilder builder, OrleansHostingOptions hosting)
    {
        var options = builder.Configuration.GetSection(Section).Get<KeyRingProtectionOptions>() ?? new();
        var certificate = options.Certificate is { Path: not null } file ? Load($"{Section}:Certificate", file) : null;
        var key = string.IsNullOrWhiteSpace(options.KeyEncryptionKey) ? null : KeyEncryptionKeys.Parse($"{Section}:KeyEncryptionKey", options.KeyEncryptionKey);
        if (key is not null && certificate is not null)
        {
            throw new InvalidOperationException(
                $"Both {Section}:KeyEncryptionKey and {Section}:Certificate are set: configure one to encrypt the key ring, and move the other to "
                + $"{Section}:PreviousKeyEncryptionKeys or {Section}:PreviousCertificates to keep decrypting what it encrypted.");
        }
        if (key is null && certificate is null)
        {
            if (!builder.Environment.IsDevelopment())
            {
                RequiredSettings.Report(builder, $"{Section}:KeyEncryptionKey",
                    $"the Data Protection key ring is kept in the database next to the secrets it protects, so outside Development it must be encrypted "
                    + $"with a key-encryption key kept elsewhere: set {Section}:KeyEncryptionKey (32 random bytes in base64, e.g. `openssl rand -base64 32`, "
                    + $"from a secret store) or {Section}:Certificate:Path (a PFX with {Section}:Certificate:Password, or a PEM certificate with "
                    + $"{Section}:Certificate:KeyPath, e.g. a mounted Kubernetes secret); every silo and portal of one installation needs the same one");
                return;
            }
            key = DevelopmentKey(hosting);
        }
        var keys = new KeyEncryptionKeys(key, options.PreviousKeyEncryptionKeys.Select((previous, i) => KeyEncryptionKeys.Parse($"{Section}:PreviousKeyEncryptionKeys:{i}", previous)));
        builder.Services.AddSingleton(keys);
        var dataProtection = builder.Services.AddDataProtection();
        if (certificate is not null)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }
        else
        {
            builder.Services.Configure<KeyManagementOptions>(management => management.XmlEncryptor = new AesGcmXmlEncryptor(keys));
        }
        var previousCertificates = options.PreviousCertificates.Select((previous, i) => Load($"{Section}:PreviousCertificates:{i}", previous)).ToArray();
        if (previousCertificates.Length > 0)
        {
            dataProtection.UnprotectKeysWithAnyCertificate(previousCertificates);
        }
    }

    private static X509Certificate2 Load(string setting, CertificateFile file)
    {
        if (string.IsNullOrWhiteSpace(file.Path))
        {
            throw new InvalidOperationException($"{setting}:Path is not set: give the certificate's PFX file, or its PEM file with {setting}:KeyPath.");
        }
        var certificate = file.KeyPath is null
            ? X509CertificateLoader.LoadPkcs12FromFile(file.Path, file.Password)
            : X509Certificate2.CreateFromPemFile(file.Path, file.KeyPath);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"{setting} ({file.Path}) has no private key, which decrypting the key ring needs.");
    }

    /// <summary>Reads Development's key file, making it on the first run so that <c>dotnet run</c> works offline with nothing to set.</summary>
    private static byte[] DevelopmentKey(OrleansHostingOptions hosting)
    {
        var path = Path.GetFullPath(Path.Combine(hosting.DataDirectory, DevelopmentKeyFileName));
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                var owned = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    owned.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }
                using var file = new FileStream(path, owned);
                using var writer = new StreamWriter(file);
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyEncryptionKeys.KeyBytes)));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process of this installation made it first: use theirs.
            }
        }
        return KeyEncryptionKeys.Parse($"The development key-encryption key file {path}", File.ReadAllText(path));
    }
}
