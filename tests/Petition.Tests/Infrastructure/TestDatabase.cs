using Npgsql;

namespace Petition.Tests.Infrastructure;

/// <summary>A database of its own for one test fixture: a temporary SQLite file, or a fresh PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The server the provider suite uses; scripts/test.sh starts it and creates the role.</summary>
    public static string PostgresBase =>
        Environment.GetEnvironmentVariable("PETITION_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=petition;Password=petition";

    public required string Provider { get; init; }
    public required string ConnectionString { get; init; }

    /// <summary>The key-encryption key file of the apps on this database (made by the first to start), beside it and not in it.</summary>
    public string KeyFile { get; init; } = Path.Combine(Path.GetTempPath(), "petition-tests", "keys", Guid.NewGuid().ToString("N"), "petition.key");
    string? postgresName;
    string? sqliteDirectory;

    public static TestDatabase Sqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "petition-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return new TestDatabase
        {
            Provider = "Sqlite",
            ConnectionString = $"Data Source={Path.Combine(directory, "petition.db")}",
            sqliteDirectory = directory,
        };
    }

    public static async Task<TestDatabase> PostgresAsync()
    {
        var name = "petition_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresBase) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new TestDatabase
        {
            Provider = "Postgres",
            ConnectionString = new NpgsqlConnectionStringBuilder(PostgresBase) { Database = name }.ConnectionString,
            postgresName = name,
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresBase) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", admin);
            // FORCE may not end a session of another role, such as an autovacuum worker that has just started on the
            // new tables: it is over within moments, and the drop is tried again (seen on a fresh CI machine).
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await drop.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (e.SqlState is "42501" or "55006" && attempt < 20)
                {
                    await Task.Delay(250);
                }
            }
        }
        try { Directory.Delete(Path.GetDirectoryName(KeyFile)!, recursive: true); }
        catch (IOException) { /* cleaned with the temp folder */ }
        catch (UnauthorizedAccessException) { }
        if (sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(sqliteDirectory, recursive: true); }
            catch (IOException) { /* a file still open; the temp folder is cleaned later */ }
        }
    }
}
