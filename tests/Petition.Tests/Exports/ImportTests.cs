using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;
using Petition.Web.Admin.Audit;
using static Petition.Tests.Exports.Importing;

namespace Petition.Tests.Exports;

/// <summary>An organiser's import: preview, per-line errors and duplicates, then all good lines or nothing.</summary>
public class ImportTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    Task<List<Signature>> ImportedAsync(Letter letter) =>
        app.Db(db => db.Signatures.AsNoTracking().Where(s => s.LetterId == letter.Id && s.Source == SignatureSource.Import).ToListAsync());

    [Fact]
    public async Task Signatures_confirmed_by_the_organiser_are_published_at_once_and_audited()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("import"));
        var csv = """
            name,email,organisation,country,list publicly,notable,signed at
            Amina Diallo,amina@example.org,Hôpital de Dakar,SN,yes,yes,2026-10-01
            李娜,li.na@example.org,北京协和医院,CN,yes,no,
            Ивaн Quiet,ivan@example.org,,RU,no,no,
            """.Replace("Ивaн", "Иван");
        var (admin, preview) = await app.PreviewImportAsync(letter, csv, "ConfirmedByOrganiser");
        Assert.Contains("3 ready to import", preview.Body!.TextContent);

        var committed = await admin.CommitImportAsync(preview, letter.Slug);
        Assert.Equal(HttpStatusCode.Redirect, committed.StatusCode);

        var imported = await ImportedAsync(letter);
        Assert.Equal(3, imported.Count);
        Assert.All(imported, s => Assert.Equal(SignatureState.Published, s.State));
        var amina = imported.Single(s => s.Name == "Amina Diallo");
        Assert.True(amina.Notable);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), amina.CreatedAt);
        Assert.Equal("Hôpital de Dakar", amina.Organization);

        var list = await app.Client().GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/letters/{letter.Slug}/signatures");
        var names = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Amina Diallo", "李娜"], names);
        Assert.Empty(app.Smtp.To("amina@example.org"));

        var entry = await app.Db(db => db.Audit.SingleAsync(a => a.LetterId == letter.Id && a.Action == AuditActions.SignaturesImported));
        Assert.Contains("\"imported\":3", entry.After);
        Assert.Contains("ConfirmedByOrganiser", entry.After);
    }

    [Fact]
    public async Task Each_imported_signer_can_be_sent_the_usual_confirmation_email()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("import-mail"));
        var email = $"{Guid.NewGuid():N}@example.org";
        var (admin, preview) = await app.PreviewImportAsync(letter, $"name,email,list publicly\nGrace Mensah,{email},yes\n", "EmailEachSigner");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.CommitImportAsync(preview, letter.Slug)).StatusCode);

        var signature = (await ImportedAsync(letter)).Single();
        Assert.Equal(SignatureState.Unverified, signature.State);
        var message = await app.Smtp.WaitForAsync(email);
        Assert.Contains("organisers of the open letter", message.TextBody);
        Assert.DoesNotContain("Someone, we hope you", message.TextBody);
        var client = app.Client();
        var confirmed = await client.ConfirmAsync(await app.ConfirmationPathAsync(email));
        Assert.True(confirmed.IsSuccessStatusCode || confirmed.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(SignatureState.Published, (await app.SignatureAsync(signature.Id)).State);
    }

    [Fact]
    public async Task A_signer_of_a_french_letter_imported_without_a_language_is_written_to_in_french()
    {
        const string title = "Lettre ouverte aux États membres";
        var letter = await app.AddLetterAsync(Signer.Unique("import-fr"), l => { l.Language = "fr"; l.Title = title; l.Translations = []; });
        var email = $"{Guid.NewGuid():N}@example.org";
        var (admin, preview) = await app.PreviewImportAsync(letter, $"name,email\nCamille Martin,{email}\n", "EmailEachSigner");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.CommitImportAsync(preview, letter.Slug)).StatusCode);

        var message = await app.Smtp.WaitForAsync(email);
        Assert.Equal($"Confirmez votre signature : {title}", message.Subject);
        Assert.Contains("Les organisateurs de la lettre ouverte", message.TextBody);
        Assert.Equal("fr", (await ImportedAsync(letter)).Single().Language);
    }

    [Fact]
    public async Task An_imported_signer_gets_the_letter_title_in_the_language_of_their_line()
    {
        // The sample letter is English with a French translation.
        var letter = await app.AddLetterAsync(Signer.Unique("import-lang"));
        var french = letter.Translations.Single(t => t.Language == "fr").Title;
        var email = $"{Guid.NewGuid():N}@example.org";
        var (admin, preview) = await app.PreviewImportAsync(letter, $"name,email,language\nCamille Martin,{email},fr\n", "EmailEachSigner");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.CommitImportAsync(preview, letter.Slug)).StatusCode);

        Assert.Equal($"Confirmez votre signature : {french}", (await app.Smtp.WaitForAsync(email)).Subject);
    }

    [Fact]
    public async Task A_file_with_a_bad_line_is_reported_line_by_line_and_imports_nothing()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("import-bad"));
        var csv = "name,email,country\nGood Person,good@example.org,FR\nBad Email,not-an-email,FR\nBad Country,c@example.org,XX\n";
        var (admin, preview) = await app.PreviewImportAsync(letter, csv, "ConfirmedByOrganiser");
        var text = preview.Body!.TextContent;
        Assert.Contains("2 with errors", text);
        Assert.Contains("Enter an email address like name@example.org.", text);
        Assert.Contains("Choose a country from the list.", text);
        Assert.Null(preview.QuerySelector("form[action*='handler=Commit']"));

        await AssertCommitChangesNothingAsync(admin, letter, csv);
    }

    /// <summary>Posting the commit anyway (a stale page, a crafted request) imports nothing either.</summary>
    async Task AssertCommitChangesNothingAsync(HttpClient admin, Letter letter, string csv)
    {
        var token = (await admin.GetDocumentAsync(ImportPage(letter.Slug)))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forced = await admin.PostAsync(ImportPage(letter.Slug) + "?handler=Commit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Text"] = csv, ["Confirmation"] = "ConfirmedByOrganiser", ["FileName"] = "x.csv",
        }));
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains("Nothing was imported", (await forced.ReadDocumentAsync()).Body!.TextContent);
        Assert.Empty(await ImportedAsync(letter));
        Assert.False(await app.Db(db => db.Audit.AnyAsync(a => a.LetterId == letter.Id && a.Action == AuditActions.SignaturesImported)));
    }

    [Fact]
    public async Task A_line_whose_fields_do_not_match_the_header_is_named_and_the_file_imports_nothing()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("import-shift"));
        // An unquoted "Acme, Inc" would put " Inc" in the country column; a short line leaves columns unsaid.
        var csv = "name,email,organisation,country\nGood Person,good@example.org,Clinic,FR\n"
            + "Shifted Person,shifted@example.org,Acme, Inc,FR\n\nShort Person,short@example.org\n";
        var (admin, preview) = await app.PreviewImportAsync(letter, csv, "ConfirmedByOrganiser");

        Assert.Contains("2 with errors", preview.Body!.TextContent);
        Assert.Contains("Line 3: 5 fields where the header has 4. A value with a comma in it must be wrapped in double quotes, like \"Acme, Inc\".",
            preview.ResultOfLine(3));
        Assert.Contains("Line 5: 2 fields where the header has 4.", preview.ResultOfLine(5));
        Assert.Equal("Ready", preview.ResultOfLine(2).Trim());
        Assert.Null(preview.QuerySelector("form[action*='handler=Commit']"));
        await AssertCommitChangesNothingAsync(admin, letter, csv);
    }

    [Fact]
    public async Task A_line_with_broken_quoting_is_named_and_the_file_imports_nothing()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("import-quotes"));
        var csv = "name,email,organisation\r\nGood Person,good@example.org,\"Clinic, Geneva\"\r\n"
            + "Jane \"JJ\" Doe,jane@example.org,Clinic\r\nOpen Quote,open@example.org,\"Clinic\r\nLast Person,last@example.org,Clinic\r\n";
        var (admin, preview) = await app.PreviewImportAsync(letter, csv, "ConfirmedByOrganiser");

        Assert.Contains("Line 3: a double quote is out of place in the value [Jane \"JJ\" Doe]", preview.ResultOfLine(3));
        Assert.Contains("Line 4: a double quote opened here is never closed", preview.ResultOfLine(4));
        Assert.Equal("Ready", preview.ResultOfLine(2).Trim());
        Assert.Contains("2 with errors", preview.Body!.TextContent);
        await AssertCommitChangesNothingAsync(admin, letter, csv);
    }

    [Fact]
    public async Task Signers_already_on_the_letter_or_repeated_in_the_file_are_skipped_and_said_so()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("import-dup"));
        var existing = (await app.SignaturesAsync(letter, 1, SignatureState.Published))[0];
        var csv = $"name,email\nAlready There,{existing.Email.ToUpperInvariant()}\nNew Person,new@example.org\nNew Again,NEW@example.org\n";
        var (admin, preview) = await app.PreviewImportAsync(letter, csv, "ConfirmedByOrganiser");
        var text = preview.Body!.TextContent;
        Assert.Contains("1 already signed this letter", text);
        Assert.Contains("1 repeated in the file", text);
        Assert.Contains("no list publicly column", text.Replace("\n", " ").Replace("  ", " "), StringComparison.OrdinalIgnoreCase);

        await admin.CommitImportAsync(preview, letter.Slug);
        Assert.Equal(["New Person"], (await ImportedAsync(letter)).Select(s => s.Name));
    }

    [Theory]
    [InlineData("organisation,country\nClinic,FR\n", "No column is read as Name")]
    [InlineData("name,email,e-mail\nA,a@example.org,b@example.org\n", "Columns \"email\" and \"e-mail\" are all read as Email")]
    [InlineData("name,email\n", "has no signatures")]
    public async Task A_malformed_file_gets_a_clear_report(string csv, string expected)
    {
        var letter = await app.AddLetterAsync(Signer.Unique("import-malformed"));
        var (_, preview) = await app.PreviewImportAsync(letter, csv, "ConfirmedByOrganiser");
        Assert.Contains("The file cannot be imported", preview.Body!.TextContent);
        Assert.Contains(expected, preview.Body.TextContent);
        Assert.Empty(await ImportedAsync(letter));
    }

    [Fact]
    public async Task A_closed_letter_imports_nothing_its_list_is_frozen()
    {
        var byHand = await app.AddLetterAsync(Signer.Unique("import-closed"), l => l.Status = LetterStatus.Closed);
        var byDeadline = await app.AddLetterAsync(Signer.Unique("import-deadline"), l => l.ClosesAt = app.Clock.GetUtcNow().AddMinutes(-1));
        foreach (var letter in new[] { byHand, byDeadline })
        {
            var (_, preview) = await app.PreviewImportAsync(letter, "name,email\nLate Comer,late@example.org\n", "ConfirmedByOrganiser");
            Assert.Contains("The letter is closed", preview.Body!.TextContent);
            Assert.Null(preview.QuerySelector("form[action*='handler=Commit']"));
            Assert.Empty(await ImportedAsync(letter));
        }
    }

    [Fact]
    public async Task An_uploaded_file_that_is_not_utf8_is_refused_with_advice()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("import-latin1"));
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var page = await admin.GetDocumentAsync(ImportPage(letter.Slug));
        var token = page.QuerySelector("form[action*='handler=Preview'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("ConfirmedByOrganiser"), "Confirmation" },
        };
        var file = new ByteArrayContent(Encoding.Latin1.GetBytes("name,email\nJosé,jose@example.org\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "latin1.csv");
        var response = await admin.PostAsync(ImportPage(letter.Slug) + "?handler=Preview", form);
        Assert.Contains("save it as \"CSV UTF-8\"", (await response.ReadDocumentAsync()).Body!.TextContent);
        Assert.Empty(await ImportedAsync(letter));
    }
}
