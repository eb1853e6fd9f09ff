using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Silo.KeyRing;

/// <summary>Decrypts what <see cref="AesGcmXmlEncryptor"/> encrypted. Data Protection makes it by its type name, with the
/// application's services.</summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        AesGcmXmlEncryptor.Decrypt(encryptedElement, services.GetRequiredService<KeyEncryptionKeys>());
}
