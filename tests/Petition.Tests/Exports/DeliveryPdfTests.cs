using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Exports;

/// <summary>The PDF handed to the recipients, read back with poppler's tools as they would read it.</summary>
public class DeliveryPdfTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    const string Body = "We ask you to act **without delay** on *every* case.\n\n> The detainees must be released.\n\nSigned below.";

    async Task<Letter> LetterAsync() => await app.AddLetterAsync(Signer.Unique("pdf"), l =>
    {
        l.Body = Body;
        foreach (var other in l.Translations.ToList())
            l.Translations.Remove(other);
        l.Translations.Add(new LetterTranslation { Language = "fr", Title = "Lettre aux missions", Body = "Nous vous demandons d’agir **sans délai**." });
    });

    [Fact]
    public async Task The_letter_keeps_its_bold_italic_and_quotes_and_the_cover_says_how_many_are_not_listed()
    {
        var letter = await LetterAsync();
        await app.SignaturesAsync(letter, 3, SignatureState.Published);
        await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) => s.ListPublicly = false);

        var file = await app.Visitor().GetByteArrayAsync($"/api/letters/{letter.Slug}/signatures.pdf");
        var fonts = ExportFiles.PdfFonts(file);
        Assert.Contains("DejaVu Sans,Bold", fonts);
        Assert.Contains("DejaVu Sans Oblique", fonts);
        var text = ExportFiles.PdfText(file);
        Assert.Contains("The detainees must be released.", text);
        Assert.Contains("Signatories in this document: 3", text);
        Assert.Contains("4 signatures in all, of which 3 listed here: the others asked to be counted without their name.", text);
    }

    [Fact]
    public async Task Asked_in_a_language_the_letter_is_translated_into_the_pdf_is_written_in_it()
    {
        var letter = await LetterAsync();
        await app.SignaturesAsync(letter, 2, SignatureState.Published, configure: (s, _) => s.Country = "DE");

        var french = ExportFiles.PdfText(await app.Visitor().GetByteArrayAsync($"/api/letters/{letter.Slug}/signatures.pdf?language=fr"));
        Assert.Contains("Lettre aux missions", french);
        Assert.Contains("sans délai", french);
        Assert.Contains("Signataires dans ce document : 2", french);
        Assert.Contains("Allemagne", french);
        Assert.Contains("Page 1 sur", french);

        // A language the letter is not translated into gets the original, in the original's words.
        var chinese = ExportFiles.PdfText(await app.Visitor().GetByteArrayAsync($"/api/letters/{letter.Slug}/signatures.pdf?language=zh-Hans"));
        Assert.Contains("Signatories in this document: 2", chinese);
        Assert.Contains("without delay", chinese);
    }
}
