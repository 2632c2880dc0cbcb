using System.Text;

namespace Petition.Web.Imports;

/// <summary>
/// What an import page was given: an uploaded file or pasted text, as UTF-8 text with a file name, or the reason it
/// cannot be read, in words an organiser can act on. One rule for every CSV import (signatures, recipients).
/// </summary>
public static class ImportUpload
{
    public static async Task<(string? Text, string FileName, string? Problem)> ReadAsync(IFormFile? upload, string? pasted,
        string? fileName, int maxBytes, CancellationToken cancellationToken)
    {
        var text = pasted;
        if (upload is { Length: > 0 })
        {
            if (upload.Length > maxBytes)
                return (null, "", $"The file is larger than {maxBytes / 1024 / 1024} MB; split it into smaller files.");
            fileName = Path.GetFileName(upload.FileName);
            using var reader = new StreamReader(upload.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            try { text = await reader.ReadToEndAsync(cancellationToken); }
            catch (DecoderFallbackException) { return (null, "", "The file is not UTF-8 text. In your spreadsheet, save it as \"CSV UTF-8\"."); }
        }
        return string.IsNullOrWhiteSpace(text)
            ? (null, "", "Choose a CSV file, or paste its text.")
            : (text, fileName ?? "pasted.csv", null);
    }
}
