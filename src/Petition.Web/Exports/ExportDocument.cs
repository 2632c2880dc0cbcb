using Petition.Data.Letters;

namespace Petition.Web.Exports;

/// <summary>What a file says about itself besides its rows: the letter, the text signed, who it is for and how many.</summary>
public record ExportDocument(
    string SiteName,
    Letter Letter,
    string LetterUrl,
    int Version,
    string VersionTitle,
    string VersionBody,
    ExportScope Scope,
    string Filter,
    int Count,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ExportColumn> Columns)
{
    /// <summary>The language of the title and text above (a translation, or the original's).</summary>
    public string Language { get; init; } = Letter.Language;

    /// <summary>Whom the version was addressed to, in <see cref="Language"/> where translated: as its signers read it.</summary>
    public string Recipients { get; init; } = Letter.Recipients;

    /// <summary>Every published signature of the letter, listed or not: the count a reader compares the list with.</summary>
    public int Counted { get; init; } = Count;
}

/// <summary>Writes one format from a stream of rows; memory does not grow with the number of rows.</summary>
public interface IExportWriter
{
    ExportFormat Format { get; }

    /// <summary>The most rows the format holds (the rest are left out, and the file says so); null for no limit.</summary>
    int? MaxRows => null;

    Task WriteAsync(Stream output, ExportDocument document, IAsyncEnumerable<ExportRow> rows, CancellationToken cancellationToken);
}
