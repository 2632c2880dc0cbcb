using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Exports;

/// <summary>The export's snapshot read and the import's commit on a real PostgreSQL server.</summary>
public class PostgresExportTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task Every_format_streams_from_postgres_and_an_import_lands_there()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("pg-export"));
        await app.SignaturesAsync(letter, 250, SignatureState.Published, configure: (s, i) => s.Name = i % 2 == 0 ? $"Ана {i}" : $"王{i}");
        var client = app.Client();
        foreach (var format in new[] { "csv", "xlsx" })
            Assert.Equal(251, ExportFiles.Table(format, await client.GetByteArrayAsync($"/api/letters/{letter.Slug}/signatures.{format}")).Count);
        using (var json = ExportFiles.Json(await client.GetByteArrayAsync($"/api/letters/{letter.Slug}/signatures.json")))
            Assert.Equal(250, json.RootElement.GetProperty("signatures").GetArrayLength());
        Assert.Contains("王1", ExportFiles.PdfText(await client.GetByteArrayAsync($"/api/letters/{letter.Slug}/signatures.pdf")));

        var (admin, preview) = await app.PreviewImportAsync(letter, "name,email\nImported Person,imported@example.org\n", "ConfirmedByOrganiser");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.CommitImportAsync(preview, letter.Slug)).StatusCode);
        Assert.True(await app.Db(db => db.Signatures.AnyAsync(s => s.LetterId == letter.Id && s.Source == SignatureSource.Import)));
    }
}
