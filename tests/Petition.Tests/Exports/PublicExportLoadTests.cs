using System.Net;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Exports;

/// <summary>Anyone may download the public list: what keeps that from costing the site more than it should.</summary>
public class PublicExportLoadTests
{
    [Fact]
    public async Task A_pdf_longer_than_its_limit_lists_the_first_signatories_and_says_where_the_rest_are()
    {
        await using var app = await PetitionApp.StartAsync(settings: new() { ["Exports:MaxPdfRows"] = "3" });
        var letter = await app.AddLetterAsync(Signer.Unique("long-pdf"));
        await app.SignaturesAsync(letter, 5, SignatureState.Published, configure: (s, i) => s.Name = $"Listed Person {i}");

        var response = await app.Client().GetAsync($"/api/letters/{letter.Slug}/signatures.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = ExportFiles.PdfText(await response.Content.ReadAsByteArrayAsync());

        Assert.Contains("Signatories in this document: 3", text);
        Assert.Contains("The list has 5 signatories; this document holds the first 3", text);
        Assert.Equal(3, Enumerable.Range(0, 5).Count(i => text.Contains($"Listed Person {i}")));
    }
}
