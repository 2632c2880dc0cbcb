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

    /// <summary>
    /// How often the read replica (ConnectionStrings:PetitionReadOnly) is checked. It serves reads only while, at
    /// each check, it has replayed what the primary had written at the check before: about two intervals at most.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Database:ReplicaCheckInterval must be between 00:00:00.100 and 00:10:00.")]
    public TimeSpan ReplicaCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public bool IsSqlite => Provider == Sqlite;
}
