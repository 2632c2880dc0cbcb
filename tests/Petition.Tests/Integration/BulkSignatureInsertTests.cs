using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Integration;

/// <summary>
/// On PostgreSQL a new signature is stored by one hand-written statement (PostgresSignatureInsert), on SQLite by EF
/// Core. What a signer and a moderator can see must not depend on which: the same request gives the same row, the
/// same email and a manage link that works.
/// </summary>
public partial class BulkSignatureInsertTests(SqliteFixture sqlite, PostgresFixture postgres)
    : IClassFixture<SqliteFixture>, IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_signature_stored_in_bulk_on_postgres_reads_the_same_as_one_stored_by_ef_core_on_sqlite()
    {
        var local = Signer.Unique("bulk");
        var body = new Dictionary<string, object?>
        {
            ["name"] = "  Ada Lovelace ",
            ["email"] = $"Ada.{local}+petition@Example.org",
            ["title"] = "Analyst",
            ["organization"] = "Analytical Engine Society",
            ["country"] = "gb",
            ["category"] = null,
            ["city"] = "London",
            ["comment"] = "For the record.",
            ["listPublicly"] = false,
        };

        var onSqlite = await SignAsync(sqlite.App, body);
        var onPostgres = await SignAsync(postgres.App, body);

        Assert.Equal(onSqlite.Row, onPostgres.Row);
        Assert.Equal(onSqlite.Email, onPostgres.Email);
        Assert.Contains("Ada Lovelace", onPostgres.Email);

        var manage = await postgres.App.Client().GetDocumentAsync(onPostgres.ManagePath);
        Assert.Equal("Ada Lovelace", manage.QuerySelector("#Input_Name")!.GetAttribute("value"));
    }

    static async Task<(string Row, string Email, string ManagePath)> SignAsync(PetitionApp app, Dictionary<string, object?> body)
    {
        var letter = await app.AddLetterAsync(Signer.Unique("bulk"));
        var email = (string)body["email"]!;
        Assert.Equal(HttpStatusCode.Accepted, (await app.Client().SignByApiAsync(letter.Slug, body)).StatusCode);
        var message = await app.Smtp.WaitForAsync(email);
        var signature = await app.Db(db => db.Signatures.AsNoTracking().Include(s => s.Tokens).SingleAsync(s => s.LetterId == letter.Id));
        var token = Assert.Single(signature.Tokens);
        var row = string.Join(" | ", signature.LetterVersion, signature.State, signature.Source, signature.Name, signature.Email,
            signature.EmailHash.Length, signature.DomainHash?.Length, signature.SealedEmail is null, signature.SealedDetails is null,
            signature.SealedRequest is null, signature.Title, signature.Organization, signature.Category, signature.Country,
            signature.City, signature.Comment, signature.ListPublicly, signature.Notable, signature.Hidden,
            signature.ShowVerifiedBadge, signature.Unsubscribed, signature.SearchText, signature.CreatedAt,
            signature.ConfirmationExpiresAt, signature.ConfirmationTokenHash?.Length, signature.EmailsSent,
            signature.IpAddress, signature.UserAgent, signature.NetworkHash, signature.Language, signature.BlockedReason,
            signature.ConfirmedAt, signature.PublishedAt, token.Purpose, token.Hash.Length, token.CreatedAt, token.ExpiresAt);
        var text = Link().Replace(message.TextBody!, "<link>").Replace(letter.Slug, "<slug>").Replace(letter.Title, "<title>");
        return (row, $"{message.Subject?.Replace(letter.Title, "<title>")}\n{text}",
            new Uri(Link().Matches(message.TextBody!).Single(m => m.Value.Contains("/manage/")).Value).PathAndQuery);
    }

    [GeneratedRegex(@"https?://\S+/(confirm|manage)/[A-Za-z0-9_-]+")]
    private static partial Regex Link();
}
