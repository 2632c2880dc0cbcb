using System.Net;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;
using Petition.Web.Admin.Audit;

namespace Petition.Tests.Exports;

/// <summary>
/// A signer who withdrew stays withdrawn when an organiser imports a list that still holds them, in either mode;
/// they alone may sign again, through the form. Run on SQLite and on a real PostgreSQL server.
/// </summary>
public abstract class WithdrawnSignerImportFlows(PetitionApp app)
{
    async Task<(Letter Letter, string Email, HttpClient Signer)> WithdrawnSignerAsync()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("withdrew"));
        var client = app.Client();
        var email = $"{Signer.Unique("withdrew")}@example.org";
        await client.SignByFormAsync(letter.Slug, Signer.FormValues("Grace Hopper", email));
        await client.ConfirmAsync(await app.ConfirmationPathAsync(email));
        Assert.Equal(HttpStatusCode.Redirect, (await client.WithdrawAsync(Signer.ManagePathIn(app.Smtp.To(email)[0]))).StatusCode);
        return (letter, email, client);
    }

    [Theory]
    [InlineData("ConfirmedByOrganiser")]
    [InlineData("EmailEachSigner")]
    public async Task A_signer_who_withdrew_is_not_imported_again_and_the_preview_says_why(string confirmation)
    {
        var (letter, email, _) = await WithdrawnSignerAsync();
        var newcomer = $"{Signer.Unique("new")}@example.org";
        // The organiser's old list still has them, spelled another way.
        var csv = $"name,email,list publicly\nGrace Hopper,{email.ToUpperInvariant()},yes\nAda Lovelace,{newcomer},yes\n";
        var (admin, preview) = await app.PreviewImportAsync(letter, csv, confirmation);
        Assert.Contains("1 withdrew from this letter (not imported)", preview.Body!.TextContent);
        Assert.Contains("Withdrew from this letter: not imported", preview.ResultOfLine(2));
        Assert.Equal("Ready", preview.ResultOfLine(3).Trim());

        Assert.Equal(HttpStatusCode.Redirect, (await admin.CommitImportAsync(preview, letter.Slug)).StatusCode);
        var live = await app.Db(db => db.Signatures.AsNoTracking().Where(s => s.LetterId == letter.Id && s.State != SignatureState.Withdrawn).ToListAsync());
        Assert.Equal([newcomer], live.Select(s => s.Email));
        Assert.Single(app.Smtp.To(email)); // the confirmation they once asked for, nothing since
        var entry = await app.Db(db => db.Audit.SingleAsync(a => a.LetterId == letter.Id && a.Action == AuditActions.SignaturesImported));
        Assert.Contains("\"withdrew\":1", entry.After);
        Assert.DoesNotContain("@", entry.After!.Replace("\"file\":\"pasted.csv\"", ""));
    }

    [Fact]
    public async Task The_record_holds_a_keyed_hash_not_the_address_and_the_signer_may_still_sign_again_themselves()
    {
        var (letter, email, client) = await WithdrawnSignerAsync();
        var record = await app.Db(db => db.WithdrawnAddresses.AsNoTracking().SingleAsync(w => w.LetterId == letter.Id));
        Assert.Matches("^[0-9a-f]{64}$", record.AddressHash);
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email)));
        Assert.NotEqual(sha256, record.AddressHash); // keyed: no one can test addresses against it without the site's key

        await client.SignByFormAsync(letter.Slug, Signer.FormValues("Grace Hopper", email));
        await client.ConfirmAsync(await app.ConfirmationPathAsync(email, 2));
        Assert.True(await app.Db(db => db.Signatures.AnyAsync(s => s.LetterId == letter.Id && s.EmailHash == app.AddressHash(email) && s.State == SignatureState.Published)));

        // The letter's privacy notice says what is kept and why, in the reader's language.
        var notice = (await app.Client().GetDocumentAsync($"/letters/{letter.Slug}/privacy")).QuerySelector("main")!.TextContent;
        Assert.Contains("we keep a one-way fingerprint of your email address", notice);
        var french = (await app.Client().GetDocumentAsync($"/letters/{letter.Slug}/privacy?culture=fr")).QuerySelector("main")!.TextContent;
        Assert.Contains("une empreinte à sens unique de votre adresse électronique", french);

        // Withdrawing a second time keeps the one record.
        Assert.Equal(HttpStatusCode.Redirect, (await client.WithdrawAsync(Signer.ManagePathIn(app.Smtp.To(email)[1]))).StatusCode);
        Assert.Equal(1, await app.Db(db => db.WithdrawnAddresses.CountAsync(w => w.LetterId == letter.Id)));
    }

    [Fact]
    public async Task A_signature_a_moderator_erased_on_request_is_not_imported_again()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("erased"));
        var signature = (await app.SignaturesAsync(letter, 1, SignatureState.Published))[0];
        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());
        var erased = await moderator.PostHandlerAsync(Admin.Console.SignaturePage(letter.Slug, signature.Id), "Erase");
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);

        var (_, preview) = await app.PreviewImportAsync(letter, $"name,email\nSigner 0000,{signature.Email}\n", "ConfirmedByOrganiser");
        Assert.Contains("Withdrew from this letter: not imported", preview.ResultOfLine(2));
    }
}

public class SqliteWithdrawnSignerImportFlows(SqliteFixture fixture) : WithdrawnSignerImportFlows(fixture.App), IClassFixture<SqliteFixture>;

public class PostgresWithdrawnSignerImportFlows(PostgresFixture fixture) : WithdrawnSignerImportFlows(fixture.App), IClassFixture<PostgresFixture>;
