using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Petition.Data;
using Petition.Web.Database;

namespace Petition.Web.Keys;

/// <summary>
/// The one secret that is not in the database: it encrypts the data-protection key ring at rest, so a copy of the
/// database (a backup, a dump, a read-only injection) holds only sealed keys. Made on first run when nothing is
/// sealed yet; once the database holds a key ring, an instance without the same key file refuses to start and says
/// where to get it, rather than make a key of its own that cannot open the ring the others wrote.
/// </summary>
public sealed class KeyEncryptionKey(IOptions<KeysOptions> options, IOptions<DatabaseOptions> database,
    IHostEnvironment environment, IServiceScopeFactory scopes, ILogger<KeyEncryptionKey> logger)
{
    public const int Length = 32;
    readonly Lock gate = new();
    byte[]? key;

    public string Path => System.IO.Path.GetFullPath(options.Value.KeyFile, environment.ContentRootPath);

    /// <summary>A short public name for the key (the start of its SHA-256), written beside what it seals.</summary>
    public string Id => Convert.ToHexStringLower(SHA256.HashData(Secret))[..16];

    public byte[] Secret
    {
        get
        {
            if (key is not null)
                return key;
            lock (gate)
                return key ??= Load();
        }
    }

    /// <summary>At start, before the first request: loads the key, or makes it, or stops the app with the reason.</summary>
    public void Ensure() => _ = Secret;

    byte[] Load()
    {
        if (File.Exists(Path))
            return Read(Path);
        if (!database.Value.IsSqlite && RingExists())
            throw new InvalidOperationException(
                $"The key-encryption key file {Path} is missing, and this database already holds a key ring sealed by one. " +
                "Give this instance the same key file as the others (Keys:KeyFile; a mounted secret works), or restore it from " +
                "your key backup. Without it the site cannot read its keys, its sessions or its signers' personal data.");
        return Create(Path);
    }

    byte[] Read(string path)
    {
        byte[] bytes;
        try { bytes = Convert.FromBase64String(File.ReadAllText(path).Trim()); }
        catch (FormatException) { bytes = []; }
        if (bytes.Length != Length)
            throw new InvalidOperationException(
                $"The key-encryption key file {path} does not hold {Length} bytes in base64. Make one with: " +
                "head -c 32 /dev/urandom | base64 > petition.key && chmod 600 petition.key");
        return bytes;
    }

    byte[] Create(string path)
    {
        var made = RandomNumberGenerator.GetBytes(Length);
        try
        {
            using var file = OperatingSystem.IsWindows() ? CreateNew(path) : CreateNewOwnerOnly(path);
            using var writer = new StreamWriter(file);
            writer.WriteLine(Convert.ToBase64String(made));
        }
        catch (IOException) when (File.Exists(path))
        {
            return Read(path); // another process on this machine made it first
        }
        logger.LogWarning("Made the key-encryption key {Path}. Back it up apart from the database: without it a restored " +
            "database cannot be read.", path);
        return made;
    }

    static FileStream CreateNew(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return new FileStream(path, FileMode.CreateNew, FileAccess.Write);
    }

    /// <summary>Readable by the app's own user only (0600, in a 0700 folder).</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    static FileStream CreateNewOwnerOnly(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
    }

    bool RingExists()
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PetitionDbContext>().DataProtectionKeys.Any();
    }
}
