using System.ComponentModel.DataAnnotations;

namespace Petition.Web.Database;

public class DatabaseOptions
{
    [Required, AllowedValues(Sqlite, Postgres, ErrorMessage = "Database:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = Sqlite;

    /// <summary>SQLite is migrated at start; PostgreSQL, shared by several instances, by the `migrate` command.</summary>
    public bool? MigrateOnStart { get; set; }

    public bool SeedSampleLetter { get; set; } = true;

    /// <summary>
    /// How long opening a PostgreSQL connection may take. Short, so that when the server is gone a request
    /// answers 503 at once instead of holding a thread and a socket; it replaces any Timeout in the connection string.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Database:ConnectTimeout must be between 00:00:01 and 00:05:00.")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long one SQL command may run in a request. The `migrate` command allows itself longer.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Database:CommandTimeout must be between 00:00:01 and 01:00:00.")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public bool IsSqlite => Provider == Sqlite;
}
