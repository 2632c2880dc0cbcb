using Microsoft.Extensions.Configuration;
using Npgsql;
using Petition.Web.Database;

namespace Petition.Tests.Unit;

/// <summary>What the app makes of an operator's PostgreSQL connection string.</summary>
public class ConnectionStringTests
{
    static NpgsqlConnectionStringBuilder Primary(string connectionString) => new(DatabaseSetup.PrimaryConnectionString(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Petition"] = connectionString }).Build(),
        new DatabaseOptions { Provider = DatabaseOptions.Postgres }, ""));

    [Fact]
    public void Pooled_connections_are_not_reset_and_frequent_statements_are_prepared_unless_the_operator_says_otherwise()
    {
        var given = Primary("Host=db;Username=petition;Timeout=60");
        Assert.True(given.NoResetOnClose);
        Assert.Equal(32, given.MaxAutoPrepare);
        Assert.NotEqual(60, given.Timeout); // the app's own connect timeout replaces it

        var chosen = Primary("Host=db;Username=petition;Max Auto Prepare=0;No Reset On Close=false");
        Assert.False(chosen.NoResetOnClose);
        Assert.Equal(0, chosen.MaxAutoPrepare);
    }
}
