using System.ComponentModel.DataAnnotations;

namespace Petition.Web.Exports;

public class ExportOptions
{
    /// <summary>
    /// PDFsharp holds a document until it is saved (under a kilobyte a row), and anyone may download the public list:
    /// a PDF lists this many signatories at most, and its cover says where the rest are. A million rows would be some
    /// 20,000 pages and most of a gigabyte of memory, which is no document to hand anyone.
    /// </summary>
    [Range(1, 1_000_000)] public int MaxPdfRows { get; set; } = 100_000;

    /// <summary>Different public files made at once on an instance; more wait <see cref="BusyWait"/>, then get 503.</summary>
    [Range(1, 64)] public int MaxConcurrentPublic { get; set; } = 2;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Exports:BusyWait must be between 00:00:00 and 00:01:00.")]
    public TimeSpan BusyWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a public file is shared by everyone who asks for the same one; zero makes each afresh.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Exports:PublicFileLifetime must be between 00:00:00 and 01:00:00.")]
    public TimeSpan PublicFileLifetime { get; set; } = TimeSpan.FromSeconds(30);
}
