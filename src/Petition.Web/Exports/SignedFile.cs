using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Petition.Web.Exports;

/// <summary>
/// An export on its way out: the file, with its SHA-256 in <c>Repr-Digest</c> (RFC 9530) and the site's signature
/// in <c>Petition-Signature</c>. As a bundle it is a zip that a recipient can check with openssl alone: the file,
/// its .sha256 and .sig, a signed manifest saying what the file is, the public key and a VERIFY.txt saying how.
/// </summary>
public sealed class SignedFile(Stream content, string fileName, string mediaType, byte[] sha256, byte[] signature,
    int count, string publicKeyUrl, byte[] manifest, byte[] manifestSignature) : IResult, IActionResult, IAsyncDisposable
{
    public string FileName => fileName;
    public byte[] Sha256 => sha256;
    public string Sha256Hex => Convert.ToHexStringLower(sha256);
    public byte[] Signature => signature;
    public int Count => count;

    string? bundlePublicKeyPem;

    /// <summary>Sends the zip with the file, its digest, its signature and the public key, instead of the file alone.</summary>
    public SignedFile AsBundle(string publicKeyPem)
    {
        bundlePublicKeyPem = publicKeyPem;
        return this;
    }

    public async Task ExecuteAsync(HttpContext http)
    {
        await using var _ = this;
        var response = http.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(sha256)}:";
        response.Headers["Petition-Signature"] = Convert.ToBase64String(signature);
        response.Headers["Petition-Signing-Key"] = publicKeyUrl;
        response.Headers["Petition-Signature-Count"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (bundlePublicKeyPem is { } pem)
        {
            await WriteBundleAsync(http, pem);
            return;
        }
        response.ContentType = mediaType;
        response.ContentLength = content.Length;
        response.Headers.ContentDisposition = Disposition(fileName);
        await content.CopyToAsync(response.Body, http.RequestAborted);
    }

    async Task WriteBundleAsync(HttpContext http, string publicKeyPem)
    {
        http.Response.ContentType = "application/zip";
        http.Response.Headers.ContentDisposition = Disposition(Path.ChangeExtension(fileName, ".zip"));
        await using var zip = await ZipArchive.CreateAsync(http.Response.BodyWriter.AsStream(), ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, http.RequestAborted);
        await using (var entry = await zip.CreateEntry(fileName, CompressionLevel.Fastest).OpenAsync(http.RequestAborted))
            await content.CopyToAsync(entry, http.RequestAborted);
        await AddAsync(zip, fileName + ".sha256", Encoding.ASCII.GetBytes($"{Sha256Hex}  {fileName}\n"));
        await AddAsync(zip, fileName + ".sig", signature);
        await AddAsync(zip, ExportManifest.FileName, manifest);
        await AddAsync(zip, ExportManifest.FileName + ".sig", manifestSignature);
        await AddAsync(zip, "petition-signing-key.pem", Encoding.ASCII.GetBytes(publicKeyPem));
        await AddAsync(zip, "VERIFY.txt", Encoding.UTF8.GetBytes(VerifyText(fileName, publicKeyUrl)));
    }

    static async Task AddAsync(ZipArchive zip, string name, byte[] bytes)
    {
        await using var entry = await zip.CreateEntry(name, CompressionLevel.Fastest).OpenAsync();
        await entry.WriteAsync(bytes);
    }

    static string VerifyText(string fileName, string publicKeyUrl) => $"""
        {fileName} was exported and signed by the site that collected the signatures.

        To check that it has not been changed since, with OpenSSL:

            sha256sum -c {fileName}.sha256
            openssl dgst -sha256 -verify petition-signing-key.pem -signature {fileName}.sig {fileName}

        The second command prints "Verified OK". Compare petition-signing-key.pem with the key the site publishes at
        {publicKeyUrl}

        {ExportManifest.FileName} says what the file is: which letter and version, which list, the filter, how many
        rows (and how many at each verification level), when it was made, and the file's SHA-256. It is signed too, and checked the same way:

            openssl dgst -sha256 -verify petition-signing-key.pem -signature {ExportManifest.FileName}.sig {ExportManifest.FileName}
        """;

    static string Disposition(string name)
    {
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(name);
        return disposition.ToString();
    }

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);

    /// <summary>The file's bytes, for an email attachment; null past <paramref name="limit"/> bytes.</summary>
    public async Task<byte[]?> ReadAllAsync(long limit, CancellationToken cancellationToken)
    {
        if (content.Length > limit)
            return null;
        var bytes = new byte[content.Length];
        await content.ReadExactlyAsync(bytes, cancellationToken);
        return bytes;
    }

    public ValueTask DisposeAsync() => content.DisposeAsync();
}
