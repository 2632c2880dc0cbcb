using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Petition.Data;

namespace Petition.Web.Database;

public static class DatabaseSetup
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration("Database")
            .ValidateDataAnnotations().ValidateOnStart();

        var options = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new();
        var connectionString = PrimaryConnectionString(builder.Configuration, options, builder.Environment.ContentRootPath);
        if (options.IsSqlite && builder.Configuration.GetConnectionString(ReadOnlyName) is { Length: > 0 })
            throw new InvalidOperationException($"ConnectionStrings:{ReadOnlyName} names a PostgreSQL replica; SQLite has none.");

        builder.Services.AddDbContextPool<PetitionDbContext>(db => Configure(db, options, connectionString));
        builder.Services.AddSingleton<ReadReplica>();
        builder.Services.AddHostedService<ReplicaCheck>();
        builder.Services.AddScoped<ReplicaReads>();
        builder.Services.AddHealthChecks().AddDbContextCheck<PetitionDbContext>();
        // A load balancer polls /healthz; it must hear "503" quickly, not wait out a hung connection.
        builder.Services.Configure<HealthCheckServiceOptions>(health =>
        {
            foreach (var check in health.Registrations)
                check.Timeout = options.ConnectTimeout + TimeSpan.FromSeconds(1);
        });
        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
    }

    public const string ReadOnlyName = "PetitionReadOnly";

    public static string PrimaryConnectionString(IConfiguration configuration, DatabaseOptions options, string contentRoot)
    {
        var connectionString = configuration.GetConnectionString("Petition")
            ?? throw new InvalidOperationException("ConnectionStrings:Petition is not set.");
        return options.IsSqlite ? SqliteUnderContentRoot(connectionString, contentRoot) : WithTimeout(connectionString, options);
    }

    /// <summary>The replica's connection string, when one is set (PostgreSQL only).</summary>
    public static string? ReplicaConnectionString(IConfiguration configuration, DatabaseOptions options) =>
        !options.IsSqlite && configuration.GetConnectionString(ReadOnlyName) is { Length: > 0 } replica ? WithTimeout(replica, options) : null;

    /// <summary>
    /// The PostgreSQL connection string with the connect timeout, and two settings that halve what PostgreSQL spends
    /// on a confirmation (docs/benchmarks.md), unless the operator set them: a connection returned to the pool is not
    /// reset with DISCARD ALL (the app keeps no session state: its locks and settings are per transaction), and
    /// statements run often are prepared once per connection. Behind a pooler that cannot keep prepared statements,
    /// set <c>Max Auto Prepare=0</c>.
    /// </summary>
    static string WithTimeout(string connectionString, DatabaseOptions options)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = Seconds(options.ConnectTimeout) };
        // What the operator wrote, keywords compared without spaces or case ("NoResetOnClose", "No Reset On Close").
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!given.Contains(nameof(builder.NoResetOnClose)))
            builder.NoResetOnClose = true;
        if (!given.Contains(nameof(builder.MaxAutoPrepare)))
            builder.MaxAutoPrepare = 32;
        return builder.ConnectionString;
    }

    /// <summary>One context's options, on the primary or the replica: the same provider, timeouts and guards.</summary>
    public static void Configure(DbContextOptionsBuilder db, DatabaseOptions options, string connectionString)
    {
        var commandTimeout = Seconds(options.CommandTimeout);
        if (options.IsSqlite)
        {
            db.UseSqlite(connectionString, o => o.MigrationsAssembly("Petition.Migrations.Sqlite").CommandTimeout(commandTimeout));
            db.AddInterceptors(SqliteSecureDelete.Instance);
        }
        else
            db.UseNpgsql(connectionString, o => o.MigrationsAssembly("Petition.Migrations.Postgres").CommandTimeout(commandTimeout));
        // Every save passes it: a signed version of a letter's text never changes, whichever code asks.
        db.AddInterceptors(Petition.Data.Letters.SignedTextGuard.Instance);
        // Every save and load of personal data: sealed in the database, whole in the app (decision 025).
        db.AddInterceptors(Petition.Data.Sealing.PersonalDataInterceptor.Instance);
    }

    static int Seconds(TimeSpan span) => (int)Math.Ceiling(span.TotalSeconds);

    /// <summary>A relative SQLite path is taken from the content root, so `data/` lands beside the app, not the shell.</summary>
    static string SqliteUnderContentRoot(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is { Length: > 0 } path && path != ":memory:" && !Path.IsPathRooted(path)
            && !path.StartsWith("file:", StringComparison.Ordinal))
        {
            csb.DataSource = Path.Combine(contentRoot, path);
            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }
        return csb.ToString();
    }
}
