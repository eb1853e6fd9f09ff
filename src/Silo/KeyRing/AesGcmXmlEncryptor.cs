using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Consortium.Silo.KeyRing;

/// <summary>Encrypts a key ring element with AES-256-GCM under the current key-encryption key, for a secret store's key.</summary>
public sealed class AesGcmXmlEncryptor(KeyEncryptionKeys keys) : IXmlEncryptor
{
    public const string ElementName = "aesGcmEncryptedKey";
    public const string KeyIdAttribute = "kekId";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var key = keys.Current ?? throw new InvalidOperationException("No key-encryption key is configured to encrypt with.");
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceBytes + TagBytes + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key, TagBytes))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes));
        }
        CryptographicOperations.ZeroMemory(plaintext);
        var encrypted = new XElement(ElementName, new XAttribute(KeyIdAttribute, KeyEncryptionKeys.IdOf(key)), Convert.ToBase64String(sealedBytes));
        return new EncryptedXmlInfo(encrypted, typeof(AesGcmXmlDecryptor));
    }

    /// <summary>The other half of <see cref="Encrypt"/>.</summary>
    /// <exception cref="CryptographicException">The key is not configured, or the element was changed.</exception>
    public static XElement Decrypt(XElement encryptedElement, KeyEncryptionKeys keys)
    {
        var id = (string?)encryptedElement.Attribute(KeyIdAttribute) ?? "";
        var key = keys.Find(id) ?? throw new CryptographicException(
            $"The key ring's entry was encrypted with key-encryption key {id}, which is not configured: set it as DataProtection:KeyEncryptionKey or in DataProtection:PreviousKeyEncryptionKeys.");
        var sealedBytes = Convert.FromBase64String(encryptedElement.Value);
        var plaintext = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using (var aes = new AesGcm(key, TagBytes))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plaintext);
        }
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
