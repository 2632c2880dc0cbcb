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
        var connectionString = builder.Configuration.GetConnectionString("Petition")
            ?? throw new InvalidOperationException("ConnectionStrings:Petition is not set.");

        connectionString = options.IsSqlite
            ? SqliteUnderContentRoot(connectionString, builder.Environment.ContentRootPath)
            : new NpgsqlConnectionStringBuilder(connectionString) { Timeout = Seconds(options.ConnectTimeout) }.ConnectionString;
        var commandTimeout = Seconds(options.CommandTimeout);

        builder.Services.AddSingleton<Keys.PersonalDataKeys>();
        builder.Services.AddSingleton<Petition.Data.Sealing.IPersonalDataSeal>(s => s.GetRequiredService<Keys.PersonalDataKeys>());
        builder.Services.AddDbContextPool<PetitionDbContext>(db =>
        {
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
        });
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
