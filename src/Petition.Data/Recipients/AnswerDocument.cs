namespace Petition.Data.Recipients;

/// <summary>
/// The document a recipient answered with (their letter as a PDF, a scan), recorded by the organisers beside the
/// answer's text and public with it. Stored sealed, like the text: a private answer's document must not be read from
/// a copy of the database. One per recipient; a new one replaces it.
/// </summary>
public class AnswerDocument
{
    public int Id { get; set; }
    public int RecipientId { get; set; }

    /// <summary>The file's name as uploaded, without any folder; shown on the download.</summary>
    public required string FileName { get; set; }

    /// <summary>application/pdf, image/png or image/jpeg: found from the file's first bytes, never from its name.</summary>
    public required string MediaType { get; set; }

    public int Size { get; set; }

    /// <summary>The content, sealed by the site's personal-data key.</summary>
    public required byte[] Sealed { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}
