using System.ComponentModel.DataAnnotations;

namespace Petition.Web.Database;

public class DatabaseOptions
{
    [Required, AllowedValues(Sqlite, Postgres, ErrorMessage = "Database:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = Sqlite;

    /// <summary>SQLite is migrated at start; PostgreSQL, shared by several instances, by the `migrate` command.</summary>
    public bool? MigrateOnStart { get; set; }

    public bool SeedSampleLetter { get; set; } = true;

    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public bool IsSqlite => Provider == Sqlite;
}
