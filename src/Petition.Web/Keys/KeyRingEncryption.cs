using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Petition.Web.Keys;

/// <summary>
/// Seals each data-protection key with the <see cref="KeyEncryptionKey"/> (AES-256-GCM) before it is written to the
/// database. The element names the key that sealed it, so a wrong key file is reported as such.
/// </summary>
public sealed class KeyRingEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = Sealing.Seal(key.Secret, plain);
        var element = new XElement("sealedKey",
            new XAttribute("keyEncryptionKey", key.Id),
            new XComment(" Sealed by the key-encryption key file (Keys:KeyFile); see docs/operations.md. "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}

/// <summary>Opens what <see cref="KeyRingEncryptor"/> sealed; made by data protection, with the app's services.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var key = services.GetRequiredService<KeyEncryptionKey>();
        var sealedBy = (string?)encryptedElement.Attribute("keyEncryptionKey");
        if (sealedBy is not null && sealedBy != key.Id)
            throw new CryptographicException(
                $"This key ring was sealed by key-encryption key {sealedBy}, but {key.Path} holds key {key.Id}. " +
                "Give this instance the key file the ring was made with.");
        var plain = Sealing.Open(key.Secret, Convert.FromBase64String((string)encryptedElement.Element("value")!));
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
