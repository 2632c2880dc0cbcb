using System.Globalization;
using System.Net;
using System.Text;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Exports;

/// <summary>What was signed is what every format holds, in every script, with spreadsheet formulas defused.</summary>
public class ExportRoundTripTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    public static readonly (string Name, string Organization)[] Signers =
    [
        ("José Álvarez Núñez", "Médecins du Monde"),
        ("Ольга Петрова", "Врачи без границ"),
        ("张伟", "北京大学医学部"),
        ("محمد العلي", "جمعية الأطباء"),
        ("Aroha Ngata 🌿", "Kōrero Health"),
        ("=HYPERLINK(\"http://evil.example\",\"open\")", "+44 Clinic"),
        ("@Mention Person", "-Minus Org"),
    ];

    async Task<Letter> LetterWithSignersAsync()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("export"));
        await app.SignaturesAsync(letter, Signers.Length, SignatureState.Published, configure: (s, i) =>
        {
            s.Name = Signers[i].Name;
            s.Organization = Signers[i].Organization;
            s.Country = "CH";
            s.Language = "fr";
        });
        // Not in a public export: unlisted, hidden, waiting.
        await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) => { s.Name = "Unlisted Person"; s.ListPublicly = false; });
        await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) => { s.Name = "Hidden Person"; s.Hidden = true; });
        await app.SignaturesAsync(letter, 1, SignatureState.AwaitingReview, configure: (s, _) => s.Name = "Waiting Person");
        return letter;
    }

    static async Task<byte[]> DownloadAsync(HttpClient client, string url, string mediaType)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Matches("^[a-z0-9-]+-signatories-\\d{8}-\\d{4}\\.[a-z]+$", response.Content.Headers.ContentDisposition.FileNameStar);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Theory]
    [InlineData("csv", "text/csv")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task A_spreadsheet_holds_every_name_as_signed_and_defuses_formulas(string format, string mediaType)
    {
        var letter = await LetterWithSignersAsync();
        var file = await DownloadAsync(app.Client(), $"/api/letters/{letter.Slug}/signatures.{format}", mediaType);

        var rows = ExportFiles.Table(format, file);
        var header = rows[0];
        int name = Array.IndexOf(header, "Name"), organisation = Array.IndexOf(header, "Organisation");
        Assert.DoesNotContain("Email", header);
        var body = rows.Skip(1).ToList();
        Assert.Equal(Signers.Length, body.Count);
        foreach (var (signed, org) in Signers)
        {
            Assert.Contains(body, r => r[name] == Expected(signed) && r[organisation] == Expected(org));
        }
        Assert.Contains(body, r => r[name] == "'=HYPERLINK(\"http://evil.example\",\"open\")");
        Assert.Contains(body, r => r[name] == "'@Mention Person" && r[organisation] == "'-Minus Org");
        Assert.DoesNotContain(body, r => r.Any(cell => cell.Contains("Unlisted") || cell.Contains("Hidden") || cell.Contains("Waiting")));
    }

    static string Expected(string value) => value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;

    [Theory]
    [InlineData("csv", "text/csv")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task A_name_beginning_with_a_tab_or_a_carriage_return_is_defused_too(string format, string mediaType)
    {
        // A spreadsheet may skip a leading tab or carriage return and read the formula behind it.
        string[] names = ["\tTabbed Name", "\rReturned Name", "\t=1+1"];
        var letter = await app.AddLetterAsync(Signer.Unique("blank-start"));
        await app.SignaturesAsync(letter, names.Length, SignatureState.Published, configure: (s, i) =>
        {
            s.Name = names[i];
            s.Organization = i == 0 ? "\rClinic" : "Clinic";
        });
        var rows = ExportFiles.Table(format, await DownloadAsync(app.Client(), $"/api/letters/{letter.Slug}/signatures.{format}", mediaType));

        // A workbook is XML, which reads a carriage return as a line feed: the cell shows a line break, guarded still.
        string AsRead(string text) => format == "xlsx" ? text.Replace('\r', '\n') : text;
        int name = Array.IndexOf(rows[0], "Name"), organisation = Array.IndexOf(rows[0], "Organisation");
        Assert.Equal(names.Select(n => AsRead("'" + n)).Order(StringComparer.Ordinal), rows.Skip(1).Select(r => r[name]).Order(StringComparer.Ordinal));
        Assert.Equal([AsRead("'\rClinic"), "Clinic", "Clinic"], rows.Skip(1).Select(r => r[organisation]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_json_export_holds_every_name_as_signed_with_the_letter_it_belongs_to()
    {
        var letter = await LetterWithSignersAsync();
        using var json = ExportFiles.Json(await DownloadAsync(app.Client(), $"/api/letters/{letter.Slug}/signatures.json", "application/json"));
        var root = json.RootElement;
        Assert.Equal(letter.Slug, root.GetProperty("letter").GetProperty("slug").GetString());
        Assert.Equal(Signers.Length, root.GetProperty("count").GetInt32());
        var signatures = root.GetProperty("signatures").EnumerateArray().ToList();
        Assert.Equal(Signers.Select(s => s.Name).Order(StringComparer.Ordinal),
            signatures.Select(s => s.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(signatures, s => Assert.False(s.TryGetProperty("email", out _)));
        // The language a signer used is not among the letter's public fields: the public file does not say it.
        Assert.All(signatures, s => Assert.False(s.TryGetProperty("language", out _)));
    }

    [Fact]
    public async Task The_pdf_shows_the_letter_then_every_name_in_its_own_script()
    {
        var letter = await LetterWithSignersAsync();
        var text = ExportFiles.PdfText(await DownloadAsync(app.Client(), $"/api/letters/{letter.Slug}/signatures.pdf", "application/pdf"));

        Assert.Contains(letter.Title.Split(' ')[0], text);
        Assert.Contains("Signatories in this document: 7", text);
        Assert.Contains("Page 1 of", text);
        // Compared without white space: a long name wraps inside its column.
        static string Squeeze(string value) => string.Concat(value.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));
        var extracted = Squeeze(text);
        foreach (var (name, organization) in Signers.Where(s => !s.Name.Contains("محمد")))
        {
            // The emoji is drawn (Symbola), but PDFsharp 6.2.4 maps characters beyond U+FFFF wrongly in the text a
            // reader copies out, so only the letters around it are compared here (docs/decisions/017).
            var comparable = string.Concat(name.EnumerateRunes().Where(r => r.IsBmp).Select(r => r.ToString())).Trim();
            Assert.Contains(Squeeze(comparable), extracted);
            Assert.Contains(Squeeze(organization), extracted);
        }
        // Arabic is drawn in joined forms and visual order; what a reader's tool extracts folds back to the letters typed.
        var arabic = string.Concat(text.Normalize(NormalizationForm.FormKC).Where(c => c is >= '\u0600' and <= '\u06FF' or ' '));
        Assert.True(arabic.Contains("محمد العلي") || arabic.Contains(new string("محمد العلي".Reverse().ToArray())), arabic);
        Assert.DoesNotContain("Unlisted Person", text);
    }

    [Fact]
    public async Task Every_export_is_signed_and_openssl_verifies_it_against_the_published_key()
    {
        var letter = await LetterWithSignersAsync();
        var client = app.Client();
        var publicKey = await client.GetStringAsync("/.well-known/petition-signing-key.pem");
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", publicKey);

        foreach (var format in new[] { "csv", "xlsx", "json", "pdf" })
        {
            var response = await client.GetAsync($"/api/letters/{letter.Slug}/signatures.{format}");
            var file = await response.Content.ReadAsByteArrayAsync();
            var digest = response.Headers.GetValues("Repr-Digest").Single();
            Assert.Equal($"sha-256=:{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(file))}:", digest);
            var signature = Convert.FromBase64String(response.Headers.GetValues("Petition-Signature").Single());

            var verdict = ExportFiles.OpensslVerify(file, signature, publicKey);
            Assert.True(verdict.ExitCode == 0, $"{format}: {verdict.Output}");
            Assert.Contains("Verified OK", verdict.Output);

            file[^1] ^= 1;
            Assert.NotEqual(0, ExportFiles.OpensslVerify(file, signature, publicKey).ExitCode);
        }
    }

    [Fact]
    public async Task The_signed_bundle_carries_the_file_its_digest_signature_and_key()
    {
        var letter = await LetterWithSignersAsync();
        var client = app.Client();
        var response = await client.GetAsync($"/api/letters/{letter.Slug}/signatures.csv?bundle=true");
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(e => e.Name).ToList();
        var csv = names.Single(n => n.EndsWith(".csv", StringComparison.Ordinal));
        Assert.Contains(csv + ".sha256", names);
        Assert.Contains("VERIFY.txt", names);
        byte[] Read(string entry) { using var s = zip.GetEntry(entry)!.Open(); using var m = new MemoryStream(); s.CopyTo(m); return m.ToArray(); }
        var key = Encoding.ASCII.GetString(Read("petition-signing-key.pem"));
        Assert.Equal(await client.GetStringAsync("/.well-known/petition-signing-key.pem"), key);
        Assert.Equal(0, ExportFiles.OpensslVerify(Read(csv), Read(csv + ".sig"), key).ExitCode);
        Assert.StartsWith(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Read(csv))),
            Encoding.ASCII.GetString(Read(csv + ".sha256")));

        // The manifest says what the file is, and is signed by the same key.
        Assert.Equal(0, ExportFiles.OpensslVerify(Read("manifest.json"), Read("manifest.json.sig"), key).ExitCode);
        using var manifest = System.Text.Json.JsonDocument.Parse(Read("manifest.json"));
        var root = manifest.RootElement;
        Assert.Equal(csv, root.GetProperty("file").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Read(csv))), root.GetProperty("sha256").GetString());
        Assert.Equal(Signers.Length, root.GetProperty("rows").GetInt32());
        Assert.Equal(letter.Slug, root.GetProperty("letter").GetProperty("slug").GetString());
        Assert.Equal(letter.Version, root.GetProperty("letter").GetProperty("version").GetInt32());
        Assert.Equal("public", root.GetProperty("list").GetString());
        Assert.Contains("manifest.json.sig", Encoding.UTF8.GetString(Read("VERIFY.txt")));
    }

    [Fact]
    public async Task Filters_narrow_the_public_export_and_notable_signatories_come_first()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("filters"));
        await app.SignaturesAsync(letter, 3, SignatureState.Published, configure: (s, i) => { s.Name = $"Swiss {i}"; s.Country = "CH"; });
        await app.SignaturesAsync(letter, 2, SignatureState.Published, configure: (s, i) => { s.Name = $"Kenyan {i}"; s.Country = "KE"; });
        await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) => { s.Name = "Notable Kenyan"; s.Country = "KE"; s.Notable = true; s.NotableOrder = 1; });

        var client = app.Client();
        var kenya = ExportFiles.Table("csv", await DownloadAsync(client, $"/api/letters/{letter.Slug}/signatures.csv?country=ke", "text/csv"));
        Assert.Equal("Notable Kenyan", kenya[1][0]);
        Assert.Equal(["Kenyan 0", "Kenyan 1"], kenya.Skip(2).Select(r => r[0]).Order());
        var notable = ExportFiles.Table("csv", await DownloadAsync(client, $"/api/letters/{letter.Slug}/signatures.csv?notable=true", "text/csv"));
        Assert.Equal(["Notable Kenyan"], notable.Skip(1).Select(r => r[0]));
        var none = ExportFiles.Table("csv", await DownloadAsync(client, $"/api/letters/{letter.Slug}/signatures.csv?version=99", "text/csv"));
        Assert.Single(none);
    }

    [Theory]
    [InlineData("from", "from=yesterday")]
    [InlineData("to", "from=2026-11-01&to=2026-13-01")]
    public async Task A_public_download_with_a_date_that_is_not_one_is_a_400_naming_the_field(string field, string query)
    {
        var letter = await LetterWithSignersAsync();
        var response = await app.Client().GetAsync($"/api/letters/{letter.Slug}/signatures.csv?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("is not a date", errors.GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task An_unknown_letter_or_format_is_a_problem_not_a_file()
    {
        var client = app.Client();
        var unknownLetter = await client.GetAsync("/api/letters/no-such-letter/signatures.csv");
        Assert.Equal(HttpStatusCode.NotFound, unknownLetter.StatusCode);
        Assert.Equal("application/problem+json", unknownLetter.Content.Headers.ContentType!.MediaType);
        var letter = await app.AddLetterAsync(Signer.Unique("format"));
        var unknownFormat = await client.GetAsync($"/api/letters/{letter.Slug}/signatures.docx");
        Assert.Equal(HttpStatusCode.NotFound, unknownFormat.StatusCode);
        Assert.Equal("application/problem+json", unknownFormat.Content.Headers.ContentType!.MediaType);
    }
}
