using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;
using Petition.Web.Database;

namespace Petition.Tests.Integration;

/// <summary>
/// A real streaming replica of the test cluster (scripts/replica.sh, port 5433) behind a relay the test can close:
/// the public list reads it while it keeps up, the signer's own landing page reads the primary, and a replica that
/// falls behind, goes away or hangs sends every read to the primary with no error to anyone.
/// </summary>
public class ReadReplicaTests
{
    static string ReplicaBase => Environment.GetEnvironmentVariable("PETITION_TEST_REPLICA")
        ?? "Host=127.0.0.1;Port=5433;Username=petition;Password=petition";

    [Fact]
    public async Task The_public_list_reads_the_replica_while_it_keeps_up_and_the_primary_when_it_falls_behind_goes_away_or_hangs()
    {
        await using var database = await TestDatabase.PostgresAsync();
        var replicaServer = new NpgsqlConnectionStringBuilder(ReplicaBase);
        await using var gate = DatabaseGate.Open(replicaServer.Host!, replicaServer.Port);
        var throughGate = new NpgsqlConnectionStringBuilder(ReplicaBase)
        {
            Host = "127.0.0.1", Port = gate.Port, Database = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database,
        };
        await using var app = await PetitionApp.StartAsync(database, new()
        {
            ["ConnectionStrings:PetitionReadOnly"] = throughGate.ConnectionString,
            ["Database:ConnectTimeout"] = "00:00:01",
        });
        var replica = app.Services.GetRequiredService<ReadReplica>();
        // The new database and its tables reach the replica within moments.
        await Eventually.HoldsAsync(async () => await replica.CheckAsync(CancellationToken.None) == ReplicaState.InStep, "the replica in step");

        var letter = await app.AddLetterAsync(Signer.Unique("replica"));
        var name = "Ama " + Signer.Unique("Replica");
        var visitor = app.Visitor();
        var signerEmail = $"{Signer.Unique("replica")}@example.org";
        await PauseReplayAsync(throughGate.Database!, true);
        try
        {
            var signer = app.Client();
            Assert.Equal(HttpStatusCode.Accepted, (await signer.SignByApiAsync(letter.Slug, Signer.ApiBody(name, signerEmail))).StatusCode);
            var confirmed = await signer.ConfirmAsync(await app.ConfirmationPathAsync(signerEmail));
            // The signer lands on the list: read on the primary, it has their name though the replica has not replayed it.
            var landing = await signer.GetDocumentAsync(confirmed.Headers.Location!.OriginalString);
            Assert.Contains(name, landing.QuerySelector("main")!.TextContent);
            // Everyone else reads the replica, which is paused before the signature.
            Assert.DoesNotContain(name, (await visitor.SignatoriesPageAsync(letter.Slug)).QuerySelector("main")!.TextContent);

            // It has not replayed what the primary wrote before the last check: behind, so the primary serves.
            await replica.CheckAsync(CancellationToken.None);
            Assert.Equal(ReplicaState.Behind, await replica.CheckAsync(CancellationToken.None));
            Assert.Contains(name, (await visitor.SignatoriesPageAsync(letter.Slug)).QuerySelector("main")!.TextContent);
        }
        finally
        {
            await PauseReplayAsync(throughGate.Database!, false);
        }
        await Eventually.HoldsAsync(async () => await replica.CheckAsync(CancellationToken.None) == ReplicaState.InStep, "the replica caught up");
        Assert.Contains(name, (await visitor.SignatoriesPageAsync(letter.Slug)).QuerySelector("main")!.TextContent);

        // A take-back (the signer withdraws) while the replica has not replayed it: the list is read on the primary
        // until the replica surely has it, so the name is gone at once and no page is cached with it.
        await PauseReplayAsync(throughGate.Database!, true);
        try
        {
            var manage = Signer.ManagePathIn(app.Smtp.To(signerEmail).Last());
            Assert.Equal(HttpStatusCode.Redirect, (await app.Client().WithdrawAsync(manage)).StatusCode);
            Assert.Equal(ReplicaState.InStep, replica.State);
            Assert.DoesNotContain(name, (await visitor.SignatoriesPageAsync(letter.Slug)).QuerySelector("main")!.TextContent);
        }
        finally
        {
            await PauseReplayAsync(throughGate.Database!, false);
        }
        for (var i = 0; i < 3; i++)
            await Eventually.HoldsAsync(async () => await replica.CheckAsync(CancellationToken.None) == ReplicaState.InStep, "the replica in step again");
        Assert.DoesNotContain(name, (await visitor.SignatoriesPageAsync(letter.Slug)).QuerySelector("main")!.TextContent);
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/admin/letters/{letter.Slug}")).StatusCode);

        // Gone between two checks: the read that finds it gone runs again on the primary, and the rest follow.
        gate.Close();
        var page = await visitor.GetAsync($"/letters/{letter.Slug}/signatories?q=zz");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(ReplicaState.Unreachable, replica.State);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/admin/letters/{letter.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/admin/letters/{letter.Slug}/export?handler=Download&scope=Moderation&format=Csv")).StatusCode);
        Assert.Equal(ReplicaState.Unreachable, await replica.CheckAsync(CancellationToken.None));

        // Back: two checks in step, and it serves again. Then it hangs: the connection times out, and the primary serves.
        gate.Reopen();
        await Eventually.HoldsAsync(async () => await replica.CheckAsync(CancellationToken.None) == ReplicaState.InStep, "the replica back");
        gate.Hang();
        page = await visitor.GetAsync($"/letters/{letter.Slug}/signatories?q=ama");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(ReplicaState.Unreachable, replica.State);
    }

    [Fact]
    public async Task A_server_that_is_not_replaying_serves_nothing()
    {
        await using var database = await TestDatabase.PostgresAsync();
        // The primary itself named as the replica: nothing says it is current, so nothing is read there.
        await using var app = await PetitionApp.StartAsync(database, new() { ["ConnectionStrings:PetitionReadOnly"] = database.ConnectionString });
        var replica = app.Services.GetRequiredService<ReadReplica>();
        Assert.Equal(ReplicaState.NotAStandby, await replica.CheckAsync(CancellationToken.None));
        Assert.Equal(ReplicaState.NotAStandby, await replica.CheckAsync(CancellationToken.None));
        Assert.Null(replica.TryOpen());
    }

    [Fact]
    public async Task A_replica_for_a_SQLite_site_stops_the_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = await PetitionApp.StartAsync(settings: new() { ["ConnectionStrings:PetitionReadOnly"] = ReplicaBase });
        });
        Assert.Contains("PetitionReadOnly", error.GetBaseException().Message);
    }

    /// <summary>Pauses or resumes the replica's replay of the primary's changes (the test role may: scripts/replica.sh).</summary>
    static async Task PauseReplayAsync(string database, bool pause)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ReplicaBase) { Database = database }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(pause ? "SELECT pg_wal_replay_pause()" : "SELECT pg_wal_replay_resume()", connection);
        await command.ExecuteNonQueryAsync();
    }
}
