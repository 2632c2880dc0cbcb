using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Petition.Data;

namespace Petition.Web.Keys;

/// <summary>
/// Runs after the database is migrated and before the first request: loads the key-encryption key (or stops the app
/// with the reason), and seals any data-protection key that an earlier version wrote in the clear.
/// </summary>
public sealed class KeyRingStartup(KeyEncryptionKey key, IOptions<KeyManagementOptions> management,
    IServiceScopeFactory scopes, ILogger<KeyRingStartup> logger) : IHostedService
{
    static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            key.Ensure();
            await SealClearKeysAsync(cancellationToken);
        }
        catch (Exception e) when (Database.DatabaseUnavailable.IsUnavailable(e))
        {
            // The site starts without its database and answers 503 until it is back; the key is loaded on first use.
            logger.LogWarning("The database is unavailable at start; the key ring is checked when it is first used.");
        }
    }

    async Task SealClearKeysAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var sealedCount = 0;
        foreach (var row in await db.DataProtectionKeys.ToListAsync(cancellationToken))
        {
            if (row.Xml is null || SealClearSecrets(XElement.Parse(row.Xml), management.Value.XmlEncryptor!) is not { } sealedXml)
                continue;
            row.Xml = sealedXml.ToString(SaveOptions.DisableFormatting);
            sealedCount++;
        }
        if (sealedCount == 0)
            return;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Sealed {Count} data-protection keys that were stored in the clear.", sealedCount);
    }

    /// <summary>
    /// The key with each element that asks for encryption replaced by its sealed form, as data protection itself
    /// writes a new key; null when nothing in it is clear.
    /// </summary>
    public static XElement? SealClearSecrets(XElement keyElement, Microsoft.AspNetCore.DataProtection.XmlEncryption.IXmlEncryptor encryptor)
    {
        var clear = keyElement.Descendants()
            .Where(e => (string?)e.Attribute(DataProtection + "requiresEncryption") == "true")
            .ToList();
        foreach (var element in clear)
        {
            var info = encryptor.Encrypt(new XElement(element));
            element.ReplaceWith(new XElement(DataProtection + "encryptedSecret",
                new XAttribute("decryptorType", info.DecryptorType.AssemblyQualifiedName!),
                info.EncryptedElement));
        }
        return clear.Count > 0 ? keyElement : null;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
