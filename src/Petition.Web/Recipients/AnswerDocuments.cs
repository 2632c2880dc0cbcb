using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Recipients;
using Petition.Web.Keys;
using Petition.Web.Text;

namespace Petition.Web.Recipients;

/// <summary>A document as uploaded with an answer, checked: its type found from its first bytes.</summary>
public record UploadedDocument(string FileName, string MediaType, byte[] Content);

/// <summary>What the public may know of a public answer's document, without its content.</summary>
public record DocumentInfo(string FileName, string MediaType, int Size)
{
    public string Kind => MediaType switch { "application/pdf" => "PDF", "image/png" => "PNG", _ => "JPEG" };
}

/// <summary>
/// The documents recipients answered with: a PDF, PNG or JPEG of at most <see cref="MaxBytes"/>, recognised by its
/// first bytes (a name or a declared type proves nothing), kept sealed like the answer's text, and shown to the public
/// only with a public answer (<see cref="PublicAsync"/>), always as a download that no page of the site runs.
/// </summary>
public class AnswerDocuments(PetitionDbContext db, PersonalDataKeys keys, TimeProvider time)
{
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>The upload checked, or what is wrong with it; (null, null) when no file was sent.</summary>
    public static async Task<(UploadedDocument? Document, string? Problem)> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
            return (null, null);
        if (file.Length > MaxBytes)
            return (null, $"The document must be at most {MaxBytes / 1024 / 1024} MB: this one is {file.Length / 1024.0 / 1024:N1} MB.");
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(content, cancellationToken);
        if (MediaTypeOf(content) is not { } mediaType)
            return (null, "The document must be a PDF, PNG or JPEG file.");
        return (new UploadedDocument(FileNameOf(file.FileName, mediaType), mediaType, content), null);
    }

    static string? MediaTypeOf(ReadOnlySpan<byte> content) =>
        content.StartsWith("%PDF-"u8) ? "application/pdf"
        : content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;

    /// <summary>The name without any folder, clean text of at most 100 characters, ending as its type does.</summary>
    static string FileNameOf(string uploaded, string mediaType)
    {
        var extension = mediaType switch { "application/pdf" => ".pdf", "image/png" => ".png", _ => ".jpg" };
        var name = Path.GetFileNameWithoutExtension(uploaded.Replace('\\', '/').Split('/')[^1]).Trim();
        if (name.Length == 0 || !TextRules.IsClean(name) || name.Any(c => c is '"' or ';'))
            name = "answer";
        return (name.Length > 100 ? name[..100] : name) + extension;
    }

    /// <summary>
    /// Replaces or removes the recipient's document in the change tracker, saved with the answer; returns what the
    /// audit says of it (its type and size, never its name or content: the answer may be private), or null if unchanged.
    /// </summary>
    public async Task<string?> StageAsync(Recipient recipient, UploadedDocument? upload, bool remove, CancellationToken cancellationToken)
    {
        if (upload is null && !remove)
            return null;
        var old = await db.AnswerDocuments.FirstOrDefaultAsync(d => d.RecipientId == recipient.Id, cancellationToken);
        if (old is not null)
            db.AnswerDocuments.Remove(old);
        if (upload is null)
            return old is null ? null : "document removed";
        db.AnswerDocuments.Add(new AnswerDocument
        {
            RecipientId = recipient.Id, FileName = upload.FileName, MediaType = upload.MediaType, Size = upload.Content.Length,
            Sealed = keys.Seal(upload.Content), UploadedAt = time.GetUtcNow(),
        });
        return $"document {(old is null ? "added" : "replaced")} ({upload.MediaType}, {upload.Content.Length:N0} bytes)";
    }

    /// <summary>Name, type and size of the documents of these recipients, without loading their content.</summary>
    public async Task<Dictionary<int, DocumentInfo>> InfoAsync(IReadOnlyCollection<int> recipientIds, CancellationToken cancellationToken) =>
        await db.AnswerDocuments.AsNoTracking().Where(d => recipientIds.Contains(d.RecipientId))
            .Select(d => new { d.RecipientId, Info = new DocumentInfo(d.FileName, d.MediaType, d.Size) })
            .ToDictionaryAsync(d => d.RecipientId, d => d.Info, cancellationToken);

    /// <summary>The recipient's document, opened, for the organisers.</summary>
    public async Task<(DocumentInfo Info, byte[] Content)?> OpenAsync(int recipientId, CancellationToken cancellationToken) =>
        await db.AnswerDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.RecipientId == recipientId, cancellationToken) is { } d
            ? (new DocumentInfo(d.FileName, d.MediaType, d.Size), keys.Open(d.Sealed))
            : null;

    /// <summary>The document of a public answer to a public letter, or null: the same rule as the answer's text.</summary>
    public async Task<(DocumentInfo Info, byte[] Content)?> PublicAsync(int letterId, int recipientId, CancellationToken cancellationToken) =>
        await db.Recipients.AnyAsync(r => r.Id == recipientId && r.LetterId == letterId && r.AnswerPublic, cancellationToken)
            ? await OpenAsync(recipientId, cancellationToken)
            : null;

    /// <summary>A download no browser runs as a page of the site: its own type (sent with the file), sandboxed, kept by no cache.</summary>
    public static void AsDownload(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
    }
}
