using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Adversary;

/// <summary>
/// Whoever reads the logs (a host, an aggregator, a court order) must not find private links in them: a request the
/// app logs is named by the route it matched, never by its path with the token in it.
/// </summary>
public class TokensInLogsTests
{
    [Fact]
    public async Task A_failed_request_to_a_private_link_is_logged_by_its_route_not_its_token()
    {
        var closedPort = DatabaseGate.Open("127.0.0.1", 1);
        await closedPort.DisposeAsync(); // a port nothing listens on: every request that needs the database fails
        var database = new TestDatabase
        {
            Provider = "Postgres",
            ConnectionString = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresBase) { Port = closedPort.Port, Database = "none" }.ConnectionString,
        };
        var logs = new LogCapture();
        await using var app = await PetitionApp.StartAsync(database, new()
        {
            ["Database:MigrateOnStart"] = "false", ["Database:SeedSampleLetter"] = "false", ["Database:ConnectTimeout"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Trace",
        }, services => services.AddSingleton<ILoggerProvider>(logs));
        const string token = "Zm9yZ2VkLWxpbmstdG9rZW4tZm9yLXRoZS1sb2dzLXR"; // 43 characters, as every link's token

        foreach (var path in new[] { $"/manage/{token}", $"/confirm/{token}", $"/packs/{token}", $"/packs/{token}/signatures.pdf" })
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await app.Client().GetAsync(path)).StatusCode);

        Assert.Contains(logs.Lines, line => line.Contains("/manage/{token}"));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(token));
    }
}
