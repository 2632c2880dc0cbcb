using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
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
        foreach (var column in new[] { "Visibility=Counted", "SealedDetails=sealed", "EmailHash=#", "SearchText=", "Email=Ada." })
            Assert.Contains(column, onPostgres.Row);
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
        var (signature, row) = await app.Db(async db =>
        {
            var stored = await db.Signatures.AsNoTracking().Include(s => s.Tokens).SingleAsync(s => s.LetterId == letter.Id);
            return (stored, Describe(db.Model.FindEntityType(typeof(Signature))!, stored));
        });
        var token = Assert.Single(signature.Tokens);
        row += $" | token {token.Purpose} {token.Hash.Length} {token.CreatedAt} {token.ExpiresAt}";
        var text = Link().Replace(message.TextBody!, "<link>").Replace(letter.Slug, "<slug>").Replace(letter.Title, "<title>");
        return (row, $"{message.Subject?.Replace(letter.Title, "<title>")}\n{text}",
            new Uri(Link().Matches(message.TextBody!).Single(m => m.Value.Contains("/manage/")).Value).PathAndQuery);
    }

    /// <summary>
    /// Every column of the signature as EF Core maps it, read from the model (so a new column is compared without
    /// editing this test), plus what the model keeps sealed: keys and the letter's id differ between the two
    /// databases; sealed values and keyed hashes differ by key and nonce, so their presence and length are compared.
    /// </summary>
    static string Describe(IEntityType type, Signature signature)
    {
        var columns = type.GetProperties().Where(p => !p.IsPrimaryKey() && !p.IsForeignKey() && p.PropertyInfo is not null)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (p.Name, Value: p.PropertyInfo!.GetValue(signature)))
            .Concat([("Email", signature.Email), ("IpAddress", signature.IpAddress), ("UserAgent", signature.UserAgent)]);
        return string.Join(" | ", columns.Select(c => c.Value switch
        {
            byte[] => $"{c.Name}=sealed",
            string hash when c.Name.EndsWith("Hash", StringComparison.Ordinal) => $"{c.Name}=#{hash.Length}",
            _ => $"{c.Name}={c.Value}",
        }));
    }

    [GeneratedRegex(@"https?://\S+/(confirm|manage)/[A-Za-z0-9_-]+")]
    private static partial Regex Link();
}
