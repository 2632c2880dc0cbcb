using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Exports;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Seals;

/// <summary>
/// A list anyone can verify, end to end as its readers meet it: an admin seals the list; the signed statement is on
/// the letter's timeline and checks with openssl; a signer downloads a receipt from their own page; the command the
/// site serves checks it against the site's key; and a receipt whose entry was altered, or a list altered after the
/// seal, fails.
/// </summary>
public abstract class ListSealTests(PetitionApp app)
{
    const string SealForm = "main form[method=post]";

    async Task<string> SignAndConfirmAsync(Letter letter, string name, string? visibility = null)
    {
        var email = $"{Signer.Unique("seal")}@example.org";
        var body = Signer.ApiBody(name, email);
        if (visibility is not null)
            body["visibility"] = visibility;
        Assert.Equal(HttpStatusCode.Accepted, (await app.Client().SignByApiAsync(letter.Slug, body)).StatusCode);
        await app.Client().ConfirmAsync(await app.ConfirmationPathAsync(email));
        return email;
    }

    async Task<string> ManagePathAsync(string email) => Signer.ManagePathIn(await app.Smtp.WaitForAsync(email));

    [Fact]
    public async Task A_signer_proves_their_line_is_in_the_sealed_list_and_an_altered_one_fails()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("sealed"));
        var amina = await SignAndConfirmAsync(letter, "Amina Diallo");
        await SignAndConfirmAsync(letter, "Jean Dupont");
        var counted = await SignAndConfirmAsync(letter, "Hidden Person", visibility: "counted");
        await SignAndConfirmAsync(letter, "Zhang Wei");

        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var page = await admin.GetDocumentAsync($"/admin/letters/{letter.Slug}/seals");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, $"/admin/letters/{letter.Slug}/seals", formSelector: SealForm)).StatusCode);

        // The statement is public, on the timeline, and signed with the key the site publishes.
        var timeline = await app.Visitor().GetDocumentAsync($"/letters/{letter.Slug}/versions");
        Assert.Contains("Seals of the list", timeline.QuerySelector("main")!.TextContent);
        var statement = await app.Visitor().GetByteArrayAsync($"/letters/{letter.Slug}/seals/1");
        var signature = await app.Visitor().GetByteArrayAsync($"/letters/{letter.Slug}/seals/1.sig");
        var key = await app.Visitor().GetStringAsync("/.well-known/petition-signing-key.pem");
        Assert.Equal(0, ExportFiles.OpensslVerify(statement, signature, key).ExitCode);
        using var json = JsonDocument.Parse(statement);
        Assert.Equal(4, json.RootElement.GetProperty("size").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("listed").GetInt32());
        Assert.Equal(4, json.RootElement.GetProperty("levels").GetProperty("email").GetInt32());

        // The receipt, from the signer's own page, checked by the command the site serves.
        var manage = await ManagePathAsync(amina);
        var receipt = await app.Client().GetByteArrayAsync(manage + "/receipt");
        var receiptJson = JsonDocument.Parse(receipt).RootElement;
        Assert.Contains("\"name\":\"Amina Diallo\"", receiptJson.GetProperty("entry").GetString());
        var script = await app.Visitor().GetStringAsync("/verify-receipt.py");
        using var work = new TempFolder();
        var scriptFile = work.Write("verify-receipt.py", script);
        var keyFile = work.Write("key.pem", key);
        var check = ExportFiles.Run("python3", [scriptFile, work.Write("receipt.json", receipt), keyFile]);
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.StartsWith("OK:", check.Output);

        // An altered entry (another name in the same place) fails; so does a receipt signed by another key.
        var altered = Encoding.UTF8.GetString(receipt).Replace("Amina Diallo", "Amina Dialo");
        check = ExportFiles.Run("python3", [scriptFile, work.Write("altered.json", altered), keyFile]);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("do not lead to the sealed root", check.Output);
        using var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        check = ExportFiles.Run("python3", [scriptFile, work.Write("receipt.json", receipt), work.Write("other.pem", other.ExportSubjectPublicKeyInfoPem())]);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("signature does not match", check.Output);

        // An unlisted signer's entry says only that they are counted.
        var countedReceipt = JsonDocument.Parse(await app.Client().GetByteArrayAsync(await ManagePathAsync(counted) + "/receipt")).RootElement;
        Assert.Contains("\"counted\":true", countedReceipt.GetProperty("entry").GetString());
        Assert.DoesNotContain("Hidden", countedReceipt.GetProperty("entry").GetString());

        // The list altered behind the seal (a name changed in the database): that signer's line is in no seal now,
        // and their receipt page says so instead of handing out a proof of a line the list no longer shows.
        await app.Db(db => db.Signatures.Where(s => s.LetterId == letter.Id && s.Name == "Amina Diallo")
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, "Amina Dialo")));
        var signer = app.Client();
        var response = await signer.GetAsync(manage + "/receipt");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await signer.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("is not in a seal as it is now", after.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task Each_seal_counts_what_is_published_then_and_is_numbered_in_turn()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("sealed"));
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        async Task SealAsync()
        {
            var page = await admin.GetDocumentAsync($"/admin/letters/{letter.Slug}/seals");
            Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, $"/admin/letters/{letter.Slug}/seals", formSelector: SealForm)).StatusCode);
        }

        await SealAsync(); // an empty list seals too: RFC 9162's root of nothing
        var first = await SignAndConfirmAsync(letter, "First Signer");
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync(await ManagePathAsync(first) + "/receipt")).StatusCode);
        await SealAsync();
        await SignAndConfirmAsync(letter, "Second Signer");
        await SealAsync();

        var sizes = new List<int>();
        for (var n = 1; n <= 3; n++)
            sizes.Add(JsonDocument.Parse(await app.Visitor().GetByteArrayAsync($"/letters/{letter.Slug}/seals/{n}")).RootElement.GetProperty("size").GetInt32());
        Assert.Equal([0, 1, 2], sizes);
        var receipt = JsonDocument.Parse(await app.Client().GetByteArrayAsync(await ManagePathAsync(first) + "/receipt")).RootElement;
        Assert.Equal(3, receipt.GetProperty("seal").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Visitor().GetAsync($"/letters/{letter.Slug}/seals/4")).StatusCode);
        Assert.Equal(1, await app.Db(db => db.Audit.CountAsync(a => a.LetterId == letter.Id && a.Action == "list.sealed" && a.After!.Contains("\"seal\":3"))));
    }

    [Fact]
    public async Task Only_admins_seal_a_list()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("sealed"));
        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync($"/admin/letters/{letter.Slug}/seals")).StatusCode);
        var anonymous = await app.Client().GetAsync($"/admin/letters/{letter.Slug}/seals");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await app.Db(db => db.ListSeals.CountAsync(s => s.LetterId == letter.Id)));
    }
}

public class ListSealSqliteTests(SqliteFixture fixture) : ListSealTests(fixture.App), IClassFixture<SqliteFixture>;

public class ListSealPostgresTests(PostgresFixture fixture) : ListSealTests(fixture.App), IClassFixture<PostgresFixture>;

/// <summary>A folder for a test's files, removed afterwards.</summary>
sealed class TempFolder : IDisposable
{
    readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("petition-test-");

    public string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(directory.FullName, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => directory.Delete(recursive: true);
}
