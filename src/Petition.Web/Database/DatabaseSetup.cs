using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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

        if (options.IsSqlite)
            connectionString = SqliteUnderContentRoot(connectionString, builder.Environment.ContentRootPath);

        builder.Services.AddDbContextPool<PetitionDbContext>(db =>
        {
            if (options.IsSqlite)
                db.UseSqlite(connectionString, o => o.MigrationsAssembly("Petition.Migrations.Sqlite"));
            else
                db.UseNpgsql(connectionString, o => o.MigrationsAssembly("Petition.Migrations.Postgres"));
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<PetitionDbContext>();
        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
    }

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
