using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Petition.Data;

namespace Petition.Web.Keys;

public static class KeysSetup
{
    public static WebApplicationBuilder AddKeys(this WebApplicationBuilder builder)
    {
        // What seals personal data in the database and finds an address by its keyed hash (decision 025).
        builder.Services.AddSingleton<PersonalDataKeys>();
        builder.Services.AddSingleton<Petition.Data.Sealing.IPersonalDataSeal>(s => s.GetRequiredService<PersonalDataKeys>());
        // Keys in the database: a cookie or form token issued by one instance is accepted by the others. Each key is
        // sealed there by the key-encryption key, a file outside the database (decision 025).
        builder.Services.AddOptions<KeysOptions>().BindConfiguration("Keys").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<KeyEncryptionKey>();
        builder.Services.AddDataProtection()
            .SetApplicationName("Petition")
            .PersistKeysToDbContext<PetitionDbContext>();
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<KeyEncryptionKey>((management, key) => management.XmlEncryptor = new KeyRingEncryptor(key));
        builder.Services.AddHostedService<KeyRingStartup>();
        builder.Services.AddSingleton<KeyRotation>();
        // The site's own keys (export signing, withdrawn addresses), sealed by those data-protection keys.
        builder.Services.AddSingleton<SiteKeys>();
        return builder;
    }
}
