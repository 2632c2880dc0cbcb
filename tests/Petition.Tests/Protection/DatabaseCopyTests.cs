using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Petition.Data.Outbox;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Exports;
using Petition.Tests.Infrastructure;
using Petition.Tests.Recipients;

namespace Petition.Tests.Protection;

/// <summary>
/// What a copy of the database gives an attacker (a stolen backup, a dump, a read-only injection): a realistic
/// database is built through the app (listed and unlisted signers, private fields, a correction, a withdrawal, an
/// import, sent and waiting mail), copied as an operator's backup would copy it, and searched for every secret the
/// app was given. Then the running app shows it still works with what it holds: it signs, confirms, finds a
/// duplicate, withdraws and exports the whole list with its addresses.
/// </summary>
public abstract class DatabaseCopyTests
{
    protected abstract Task<TestDatabase> DatabaseAsync();

    /// <summary>The bytes of a copy of the database, as a backup would take it.</summary>
    protected abstract Task<byte[]> CopyAsync(PetitionApp app);

    [Fact]
    public async Task A_copy_of_the_database_holds_no_address_no_unlisted_name_no_private_value_no_live_link_and_no_clear_key()
    {
        await using var app = await PetitionApp.StartAsync(await DatabaseAsync());
        var letter = await app.AddLetterAsync(Signer.Unique("copy"));
        var client = app.Client();
        var secrets = new List<string>();
        string Secret(string value) { secrets.Add(value); return value; }

        // A listed signer: the name and the public fields are public; the city and the comment are organisers-only.
        var listed = Secret($"listed.{Guid.NewGuid():N}@example.org");
        var body = Signer.ApiBody("Amara Listed", listed);
        body["city"] = Secret("Kigali-Private-City");
        body["comment"] = Secret("A comment for the organisers only");
        await client.SignByApiAsync(letter.Slug, body);
        var listedMail = await app.Smtp.WaitForAsync(listed);
        await client.ConfirmAsync(Signer.ConfirmPathIn(listedMail));

        // An unlisted signer: counted, never named.
        var unlisted = Secret($"unlisted.{Guid.NewGuid():N}@example.org");
        await client.SignByApiAsync(letter.Slug, Signer.ApiBody(Secret("Bakari Unlisted-Signer"), unlisted, listPublicly: false));
        var unlistedMail = await app.Smtp.WaitForAsync(unlisted);
        await client.ConfirmAsync(Signer.ConfirmPathIn(unlistedMail));

        // A correction through the manage link: the audit keeps the old and new values.
        var manage = Signer.ManagePathIn(unlistedMail);
        var page = await client.GetDocumentAsync(manage);
        await client.SubmitAsync(page, manage, new Dictionary<string, string> { ["Input.Name"] = Secret("Bakari Corrected-Name") },
            "form[method=post]:has(#Input_Name)");

        // A withdrawal.
        var leaving = Secret($"leaving.{Guid.NewGuid():N}@example.org");
        await client.SignByApiAsync(letter.Slug, Signer.ApiBody(Secret("Chidi Withdrawn-Signer"), leaving));
        var leavingMail = await app.Smtp.WaitForAsync(leaving);
        await client.ConfirmAsync(Signer.ConfirmPathIn(leavingMail));
        Assert.Equal(HttpStatusCode.Redirect, (await client.WithdrawAsync(Signer.ManagePathIn(leavingMail))).StatusCode);

        // An import of a signer the organiser gathered on paper, not listed.
        var imported = Secret($"imported.{Guid.NewGuid():N}@example.org");
        var (admin, preview) = await app.PreviewImportAsync(letter, $"name,email,list publicly\n{Secret("Dalia Imported-Unlisted")},{imported},no\n", "ConfirmedByOrganiser");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.CommitImportAsync(preview, letter.Slug)).StatusCode);

        // A recipient of the letter, and their answer kept private: the address and the text are the organisers' only.
        var mission = Secret($"mission.{Guid.NewGuid():N}@example.org");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.AddRecipientAsync(letter, "Permanent Mission of Copyland", mission, "GH")).StatusCode);
        var recipientId = await app.Db(db => db.Recipients.Where(r => r.LetterId == letter.Id).Select(r => r.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.RecordAnswerAsync(letter, recipientId, "Replied", "2026-11-20",
            Secret("A confidential reply from the mission"), isPublic: false)).StatusCode);

        // Mail still waiting: a confirmation whose link is live.
        var waiting = Secret($"waiting.{Guid.NewGuid():N}@example.org");
        var liveLink = Secret("https://petition.test/confirm/" + Guid.NewGuid().ToString("N"));
        await app.Db(async db =>
        {
            db.Outbox.Add(new OutboxMessage
            {
                ToAddress = waiting, ToName = Secret("Esi Waiting-Recipient"), Subject = "Please confirm", TextBody = $"Confirm: {liveLink}",
                CreatedAt = app.Clock.GetUtcNow(), NextAttemptAt = app.Clock.GetUtcNow().AddDays(1),
            });
            await db.SaveChangesAsync();
        });
        await app.DrainOutboxAsync();

        // Every link the app mailed (confirm and manage tokens), and the key-encryption key itself.
        foreach (var message in app.Smtp.Received)
            foreach (System.Text.RegularExpressions.Match link in System.Text.RegularExpressions.Regex.Matches(message.TextBody ?? "", @"/(confirm|manage)/([A-Za-z0-9_-]{16,})"))
                Secret(link.Groups[2].Value);
        Secret(File.ReadAllText(app.Database.KeyFile).Trim());

        var copy = await CopyAsync(app);
        var text = Encoding.UTF8.GetString(copy);
        Assert.True(copy.Length > 10_000, "the copy is a real database");
        Assert.Contains("Amara Listed", text); // what is public may stay in the clear
        foreach (var secret in secrets.Distinct())
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret.ToLowerInvariant(), text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("masterKey", text);
        Assert.Contains("sealedKey", text);

        // The running app, with its key file, still does everything with what the database holds.
        var late = $"late.{Guid.NewGuid():N}@example.org";
        Assert.Equal(HttpStatusCode.Accepted, (await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Late Signer", late))).StatusCode);
        await client.ConfirmAsync(await app.ConfirmationPathAsync(late));
        Assert.Equal(HttpStatusCode.Accepted, (await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Late Signer Again", late.ToUpperInvariant()))).StatusCode);
        await app.DrainOutboxAsync();
        Assert.Equal(1, await app.Db(db => db.Signatures.CountAsync(s => s.EmailHash == app.AddressHash(late))));
        var export = await admin.GetStringAsync($"/admin/letters/{letter.Slug}/export?handler=Download&scope=Full&format=Csv");
        foreach (var address in new[] { listed, unlisted, imported, late })
            Assert.Contains(address, export);
        Assert.Contains("Bakari Corrected-Name", export);
        Assert.Contains("Kigali-Private-City", export);
        Assert.DoesNotContain(leaving, export);
        var recipientPage = (await admin.GetDocumentAsync($"{RecipientPages.Page(letter.Slug)}/{recipientId}")).QuerySelector("main")!.InnerHtml;
        Assert.Contains(mission, recipientPage);
        Assert.Contains("A confidential reply from the mission", recipientPage);
        // The background sender may hold a message it is sending while the drain runs; it marks it sent just after.
        List<Petition.Data.Outbox.OutboxMessage> unsent = [];
        await Eventually.HoldsAsync(async () =>
        {
            unsent = await app.Db(db => db.Outbox.AsNoTracking().Where(m => m.SentAt == null).ToListAsync());
            return unsent.Count == 1;
        }, "only the waiting message left unsent");
        var pending = unsent.Single();
        Assert.Equal(waiting, pending.ToAddress);
        Assert.Contains(liveLink, pending.TextBody);
    }
}

public sealed class SqliteDatabaseCopyTests : DatabaseCopyTests
{
    protected override Task<TestDatabase> DatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());

    /// <summary>The database file and its write-ahead log, byte for byte, as a file backup takes them.</summary>
    protected override Task<byte[]> CopyAsync(PetitionApp app)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.Database.ConnectionString).DataSource;
        var bytes = new List<byte>();
        foreach (var path in new[] { file, file + "-wal" })
            if (File.Exists(path))
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                bytes.AddRange(buffer.ToArray());
            }
        return Task.FromResult(bytes.ToArray());
    }
}

public sealed class PostgresDatabaseCopyTests : DatabaseCopyTests
{
    protected override Task<TestDatabase> DatabaseAsync() => TestDatabase.PostgresAsync();

    /// <summary>What pg_dump writes, as a nightly backup would.</summary>
    protected override async Task<byte[]> CopyAsync(PetitionApp app)
    {
        var cs = new NpgsqlConnectionStringBuilder(app.Database.ConnectionString);
        var start = new ProcessStartInfo("pg_dump", ["-h", cs.Host!, "-p", cs.Port.ToString(), "-U", cs.Username!, "-d", cs.Database!])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["PGPASSWORD"] = cs.Password;
        using var dump = Process.Start(start)!;
        using var output = new MemoryStream();
        var copying = dump.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = dump.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a dump that never ends fails here
        await dump.WaitForExitAsync(deadline.Token);
        await copying;
        Assert.True(dump.ExitCode == 0, await errors);
        return output.ToArray();
    }
}
