using System.Collections.Concurrent;
using System.Net;
using Npgsql;
using Petition.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Petition.Tests.Integration;

/// <summary>
/// Fault drill: the app is killed with SIGKILL while signers keep signing. A 202 is sent only after its batch is
/// committed, so after a restart every signature that was answered 202 is in the database, with its email queued.
/// </summary>
public class KillDrillTests(ITestOutputHelper output)
{
    const string Slug = "upr-accountability"; // the sample letter, created on the empty database

    [Fact]
    public async Task Every_signature_answered_202_before_a_sigkill_is_stored_after_the_restart()
    {
        await using var database = await TestDatabase.PostgresAsync();
        var mail = Directory.CreateTempSubdirectory("petition-drill-mail").FullName;
        var accepted = new ConcurrentBag<string>();
        var refused = 0;

        await using (var app = await AppProcess.StartAsync(database, mail))
        {
            var signers = Enumerable.Range(0, 16).Select(n => Task.Run(async () =>
            {
                for (var i = 0; ; i++)
                {
                    var email = $"drill-{n}-{i}-{Guid.NewGuid():N}@example.org";
                    try
                    {
                        var response = await app.Client.SignByApiAsync(Slug, Signer.ApiBody("Drill Signer", email));
                        if (response.StatusCode == HttpStatusCode.Accepted)
                            accepted.Add(email);
                        else
                            Interlocked.Increment(ref refused);
                    }
                    catch (HttpRequestException)
                    {
                        return; // the process is gone
                    }
                }
            })).ToList();

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (accepted.Count < 300 && DateTime.UtcNow < deadline)
                await Task.Delay(50);
            app.Kill();
            await Task.WhenAll(signers);
        }
        output.WriteLine($"{accepted.Count} signatures answered 202 before the SIGKILL");
        Assert.True(accepted.Count >= 50, $"only {accepted.Count} signatures were accepted before the kill");
        Assert.Equal(0, refused);

        await using (var app = await AppProcess.StartAsync(database, mail))
        {
            // The database holds keyed hashes, not addresses: every accepted signature is a row, each with its email.
            var signatures = await CountAsync(database, """SELECT COUNT(*) FROM "Signatures" """);
            var outbox = await CountAsync(database, """SELECT COUNT(DISTINCT "ToHash") FROM "Outbox" """);
            Assert.True(signatures >= accepted.Count, $"{signatures} signatures stored for {accepted.Count} accepted");
            Assert.Equal(signatures, outbox);

            var after = $"after-{Guid.NewGuid():N}@example.org";
            Assert.Equal(HttpStatusCode.Accepted, (await app.Client.SignByApiAsync(Slug, Signer.ApiBody("Drill Signer", after))).StatusCode);
        }
        Directory.Delete(mail, recursive: true);
    }

    static async Task<long> CountAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
