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
}
